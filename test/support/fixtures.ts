import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './huggingface-routes.mjs';

export const LISTING_2024 = 'hf/listing-2024-08-01.html';
export const TRENDING_2026 = 'hf/trending-2026-10.excerpt.html';

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

interface IslandProps {
  dailyPapers: {
    paper: { id: string; title: string; authors: { name: string; hidden?: boolean }[] };
  }[];
}

export function readProps(name: string): IslandProps {
  return JSON.parse(readFixture(name.replace(/(\.excerpt)?\.html$/, '.props.json')));
}
