// Variants of the saved arXiv pages, made in the tests from the real markup (so each test
// shows what it changed), for a paper that has to appear on more than one saved page.
import { readFixture } from './fixtures';

/** The authors of abs-1706.03762v7.html, as its meta tags give them (First Last). */
export const ATTENTION_AUTHORS = [
  'Ashish Vaswani',
  'Noam Shazeer',
  'Niki Parmar',
  'Jakob Uszkoreit',
  'Llion Jones',
  'Aidan N. Gomez',
  'Lukasz Kaiser',
  'Illia Polosukhin',
];

/**
 * The saved cs.CL /recent listing with its first entry (2607.22529) made paper `id`: its id,
 * title and author links replaced inside the entry's own markup; the other 49 as saved.
 */
export function listingWithPaper(id: string, title: string, authors: readonly string[]): string {
  const html = readFixture('arxiv/list-cs.CL-recent-2026-07-27.html');
  const start = html.indexOf('<dt>');
  const end = html.indexOf('</dd>', start) + '</dd>'.length;
  const links = authors
    .map(
      (name) =>
        `<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=${encodeURIComponent(name)}">${name}</a>`,
    )
    .join(', ');
  const entry = html
    .slice(start, end)
    .split('2607.22529')
    .join(id)
    .replace(
      /(<span class='descriptor'>Title:<\/span>)[\s\S]*?(<\/div>)/,
      `$1\n          ${title}\n        $2`,
    )
    .replace(/(<div class='list-authors'>)[\s\S]*?(<\/div>)/, `$1${links}$2`);
  return html.slice(0, start) + entry + html.slice(end);
}
