/**
 * Reads a Markdown checklist, Paper Queue's own export first of all:
 *
 *     - [x] [Title](https://huggingface.co/papers/2407.21783) ([arXiv:2407.21783](…))
 *       Authors · 2024-07-31
 *       Tags: llm, to-cite
 *       > the note, one line per line
 *
 * Every list item that is a task (`- [ ]`, `- [x]`) or names a paper is one entry; the paper
 * is the one its links point to (arXiv, Hugging Face, arXiv DOI), else an `arXiv:<id>` in its
 * text. `[x]` means read. The indented lines under an item are its details: `Tags:`, `> note`
 * and the publication date at the end of the first one. A task without a paper is skipped
 * with its line number; other lines (headings, prose) are not entries.
 */
import { linkedIds, mentionedIds, pickId } from '../../site/paper-links';
import { type FoundPaper, isoDay, ListCollector, type ListRead } from './list-read';

const ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/;
const TASK_BOX = /^\[([ xX])\](?:\s+|$)(.*)$/;
/** `[text](target)`, the text with backslash escapes. */
const LINK = /\[((?:\\.|[^\\\]])*)\]\(/;
const PAPER_LINK = /\]\(\s*<?https?:\/\/(?:www\.)?(?:arxiv\.org|huggingface\.co|hf\.co)\//i;

/** A Markdown list of papers: a task item, or a list item linking to arXiv or Hugging Face. */
export function looksLikeMarkdownList(text: string): boolean {
  for (const line of text.split(/\r\n|\r|\n/)) {
    const item = ITEM.exec(line);
    if (item && (TASK_BOX.test(item[1] as string) || PAPER_LINK.test(line))) return true;
  }
  return false;
}

export function readMarkdown(text: string, now = Date.now()): ListRead {
  const list = new ListCollector(now);
  let current: FoundPaper | null = null;
  let details = 0;
  let note: string[] = [];
  const finish = () => {
    if (current) {
      if (note.length > 0) current.note = note.join('\n');
      list.add(current);
    }
    current = null;
    details = 0;
    note = [];
  };

  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const item = ITEM.exec(line);
    if (item) {
      finish();
      const rest = item[1] as string;
      const box = TASK_BOX.exec(rest);
      const body = box ? (box[2] as string) : rest;
      const picked = pickId(linkedIds(body), mentionedIds(body));
      if ('id' in picked) {
        const title = LINK.exec(body)?.[1];
        current = { id: picked.id, read: box ? box[1] !== ' ' : false };
        if (title) current.title = unescapeMarkdown(title);
      } else if (box || picked.problem !== 'no arXiv id') {
        const why = picked.problem === 'no arXiv id' ? 'no arXiv id or paper link' : picked.problem;
        list.skip(`line ${index + 1}`, why);
      }
      return;
    }
    if (!current || !/^\s+\S/.test(line)) {
      finish();
      return;
    }
    const detail = line.replace(/^\s+/, '');
    if (detail.startsWith('>')) {
      note.push(unescapeMarkdown(detail.replace(/^>\s?/, '')));
    } else if (/^Tags:\s/.test(detail)) {
      current.tags = detail.slice(5).split(',').map(unescapeMarkdown);
    } else if (details === 0) {
      const date = /(?:^|\s·\s)(\d{4}-\d{2}-\d{2})\s*$/.exec(detail)?.[1];
      if (date) current.publishedAt = isoDay(date);
    }
    details++;
  });
  finish();
  return list.done();
}

/** Undoes the exporter's backslash escapes (`\[`, `\_`, a line-starting `\-` or `1\.`). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()<>#!|~+=.-])/g, '$1');
}
