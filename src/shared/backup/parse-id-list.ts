/**
 * Reads a plain list of papers, one a line: an arXiv id (`2407.21783`, `arXiv:2407.21783v2`),
 * a huggingface.co/papers/… or arxiv.org/abs|pdf/… link, or an arXiv DOI. Blank lines and
 * lines starting with # are skipped; any other line without an id is reported with its number.
 */
import { idFromValue } from '../../site/paper-links';
import { ListCollector, type ListRead, quote } from './list-read';

export function readIdList(text: string, now = Date.now()): ListRead {
  const list = new ListCollector(now);
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const id = paperIdFromLine(line);
    if (id) list.add({ id });
    else list.skip(`line ${index + 1}`, () => `not an arXiv id or paper link: ${quote(line)}`);
  });
  return list.done();
}

export function paperIdFromLine(line: string): string | null {
  return idFromValue(line);
}
