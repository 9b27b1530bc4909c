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

/**
 * A paper page (`/papers/2602.23229`). No saved copy of a real paper page exists, so this is
 * built from real parts: the 2026 page's head and wrappers, and the March 2026 API item as the
 * `PaperContent` island's `{ paper }` props (its shape per the site's SSR, see
 * test/fixtures/README.md), with the title in an h1 as the site renders it.
 */
export function paperPageHtml(): string {
  const item = JSON.parse(readFixture('hf/api-daily_papers-item-2026-03.json'));
  const props = JSON.stringify({ paper: item.paper })
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;');
  const page = readFixture(TRENDING_2026);
  const head = page.slice(0, page.indexOf('<body'));
  return `${head}<body class="flex flex-col min-h-dvh bg-white dark:bg-gray-950 text-black PaperPage">
<main class="flex flex-1 flex-col"><div class="SVELTE_HYDRATER contents" data-target="PaperContent" data-props="${props}">
<section class="pt-8 border-gray-100 md:pt-12 pb-8 md:pb-12"><div class="container">
<h1 class="mb-2 text-2xl font-semibold sm:text-3xl lg:pr-6 lg:text-4xl">${item.paper.title}</h1>
<p class="text-gray-500">Published on Feb 26, 2026</p>
<div class="pb-8 pr-4 md:pr-16"><h2 class="text-xl font-semibold">Abstract</h2><p>${item.paper.summary}</p></div>
</div></section></div></main></body></html>`;
}
