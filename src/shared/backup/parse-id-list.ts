/**
 * Reads a plain list of papers, one a line: an arXiv id (`2407.21783`, `arXiv:2407.21783v2`),
 * a huggingface.co/papers/… link or an arxiv.org/abs|pdf/… link. Blank lines and lines
 * starting with # are skipped. Every line is checked before anything is imported; errors
 * give the line number.
 */
import { paperIdFromLink } from '../../site/paper-links';
import type { ParseResult } from './parse-backup';
import { tooLarge } from './parse-backup';

const MAX_ERRORS_SHOWN = 3;

export function parseIdList(text: string): ParseResult<string[]> {
  const large = tooLarge(text);
  if (large) return { ok: false, error: large };
  const ids = new Set<string>();
  const errors: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const id = paperIdFromLine(line);
    if (id) ids.add(id);
    else errors.push(`line ${index + 1}: not an arXiv id or paper link: ${preview(line)}`);
  });
  if (errors.length > 0) {
    const more =
      errors.length > MAX_ERRORS_SHOWN ? ` (and ${errors.length - MAX_ERRORS_SHOWN} more)` : '';
    return { ok: false, error: `${errors.slice(0, MAX_ERRORS_SHOWN).join('; ')}${more}` };
  }
  if (ids.size === 0) return { ok: false, error: 'The list holds no arXiv id or paper link.' };
  return { ok: true, value: [...ids] };
}

/** The paper one line names (an id or a link), or null. */
export function paperIdFromLine(line: string): string | null {
  return paperIdFromLink(line);
}

function preview(line: string): string {
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}…` : line);
}
