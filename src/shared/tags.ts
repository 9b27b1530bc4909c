/**
 * Tags as the user types them and as they are stored: trimmed, lower-cased, no duplicates,
 * in the order first given. Shared by the editor (to show what will be saved) and the
 * background (so a stored tag is always in this form, whoever sent it).
 */
export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS_PER_PAPER = 20;

export function normalizeTags(raw: readonly string[]): string[] {
  const tags: string[] = [];
  for (const tag of raw) {
    const clean = tag.trim().toLowerCase().replace(/\s+/g, '-').slice(0, MAX_TAG_LENGTH);
    if (clean && !tags.includes(clean)) tags.push(clean);
  }
  return tags.slice(0, MAX_TAGS_PER_PAPER);
}

/** "ml, Vision  rl" → ['ml', 'vision', 'rl']: commas or spaces separate tags. */
export function parseTagInput(text: string): string[] {
  return normalizeTags(text.split(/[,\s]+/));
}
