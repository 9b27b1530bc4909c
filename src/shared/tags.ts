/**
 * Tags as the user types them and as they are stored: trimmed, lower-cased, no duplicates,
 * in the order first given. A tag may hold spaces ("reinforcement learning"); commas separate
 * tags. A leading `#` is how people write a tag, not part of it: it is dropped, so `#rl` is
 * stored as `rl` and shown as `#rl`. Shared by the editor (to show what will be saved, and
 * to say so before a limit would cut anything) and the background (so a stored tag is always
 * in this form, whoever sent it).
 */
export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS_PER_PAPER = 20;

/** One tag in its stored form, or '' if nothing is left: `  #Reinforcement   Learning ` → `reinforcement learning`. */
export function cleanTag(raw: string): string {
  return raw
    .trim()
    .replace(/^#+\s*/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * The stored form of a list of tags. The background applies it to whatever it is sent; the
 * lengths are cut here only as a last guard (the protocol refuses longer tags, and the editor
 * says so before anything is sent).
 */
export function normalizeTags(raw: readonly string[]): string[] {
  const tags: string[] = [];
  for (const tag of raw) {
    const clean = cleanTag(tag).slice(0, MAX_TAG_LENGTH).trim();
    if (clean && !tags.includes(clean)) tags.push(clean);
  }
  return tags.slice(0, MAX_TAGS_PER_PAPER);
}

/** The tags typed in a field, cleaned but not cut: "ml, Reinforcement Learning,, #rl" → ['ml', 'reinforcement learning', 'rl']. */
export function splitTagInput(text: string): string[] {
  const tags: string[] = [];
  for (const part of text.split(',')) {
    const clean = cleanTag(part);
    if (clean && !tags.includes(clean)) tags.push(clean);
  }
  return tags;
}

/** What a tag field's text will be saved as (see tagInputProblem for what would not fit). */
export function parseTagInput(text: string): string[] {
  return normalizeTags(splitTagInput(text));
}

/**
 * Why the typed tags cannot be saved as they are, in words for the user, or null when they
 * fit. Nothing is ever cut silently: the editor shows this and saves nothing until it is fixed.
 */
export function tagInputProblem(text: string): string | null {
  const tags = splitTagInput(text);
  const long = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
  if (long) {
    const start = `${long.slice(0, 20).trimEnd()}…`;
    return `The tag “${start}” has ${long.length} characters; a tag can have at most ${MAX_TAG_LENGTH}.`;
  }
  if (tags.length > MAX_TAGS_PER_PAPER) {
    return `That is ${tags.length} tags; a paper can have at most ${MAX_TAGS_PER_PAPER}.`;
  }
  return null;
}

/** The tag being typed: the text after the last comma (for the counter and the suggestions). */
export function currentTag(text: string): string {
  return cleanTag(text.slice(text.lastIndexOf(',') + 1));
}

/** How a tag is shown: with one `#`, whatever was stored (older versions kept a typed `#`). */
export function tagLabel(tag: string): string {
  return `#${tag.replace(/^#+/, '')}`;
}
