/**
 * A Markdown checklist: `- [ ]` unread, `- [x]` read, each with its links, authors, date,
 * tags and note. Text from the page or the user is escaped so it cannot add links, HTML or
 * list items of its own.
 */
import { paperUrl } from '../../site/huggingface/urls';
import { arxivAbsUrl, type ExportEntry, isoDay, oneLine, publicationDate } from './entry';

/** More authors than this are shortened to "et al.". */
const MAX_AUTHORS = 10;

export function toMarkdown(entries: readonly ExportEntry[], heading = 'Paper Queue'): string {
  const lines = [`# ${escapeMarkdown(oneLine(heading))}`, ''];
  for (const entry of entries) lines.push(...item(entry));
  return `${lines.join('\n')}\n`;
}

function item(entry: ExportEntry): string[] {
  const box = entry.readAt > 0 ? '[x]' : '[ ]';
  const title = escapeMarkdown(oneLine(entry.title));
  const details = [authorList(entry.authors), isoDay(publicationDate(entry))].filter(Boolean);
  const lines = [
    `- ${box} [${title}](${paperUrl(entry.id)}) ([arXiv:${entry.id}](${arxivAbsUrl(entry.id)}))`,
  ];
  if (details.length > 0) lines.push(`  ${details.join(' · ')}`);
  if (entry.tags.length > 0) {
    lines.push(`  Tags: ${entry.tags.map((t) => escapeMarkdown(oneLine(t))).join(', ')}`);
  }
  const note = entry.note.trim();
  if (note) {
    for (const line of note.split(/\r\n|\r|\n/)) lines.push(`  > ${escapeLineStart(line)}`);
  }
  return lines;
}

function authorList(authors: readonly string[]): string {
  const names = authors.slice(0, MAX_AUTHORS).map((a) => escapeMarkdown(oneLine(a)));
  if (authors.length > MAX_AUTHORS) names.push('et al.');
  return names.join(', ');
}

/** Backslash-escapes the characters that make links, emphasis, code, HTML or tables. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#!|~]/g, '\\$&');
}

/** Also escapes a leading `-`, `+`, `=` or `1.`, which would start a list at a line's start. */
function escapeLineStart(text: string): string {
  return escapeMarkdown(text)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
