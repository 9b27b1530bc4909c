/**
 * Tag autocomplete as pure functions: which of the user's existing tags to offer for the tag
 * being typed (the text after the last comma), and what the field says once one is taken.
 */
import { cleanTag, currentTag, splitTagInput } from '../../shared/tags';

/** Suggestions shown at once, at most. */
export const MAX_SUGGESTIONS = 8;

/**
 * Known tags that fit what is being typed, best first: those that start with it, then those
 * with a word that starts with it, then those that contain it. Tags already in the field are
 * left out. With nothing typed yet, `all` offers every known tag (most used first, as given).
 */
export function suggestTags(text: string, known: readonly string[], all = false): string[] {
  const typed = currentTag(text);
  const taken = new Set(splitTagInput(text.slice(0, text.lastIndexOf(',') + 1)));
  const open = known.filter((tag) => !taken.has(tag) && tag !== typed);
  if (!typed) return all ? open.slice(0, MAX_SUGGESTIONS) : [];
  const rank = (tag: string) => {
    if (tag.startsWith(typed)) return 0;
    if (tag.split(/[\s\-_/]+/).some((word) => word.startsWith(typed))) return 1;
    return tag.includes(typed) ? 2 : 3;
  };
  return open
    .map((tag) => [tag, rank(tag)] as const)
    .filter(([, r]) => r < 3)
    .sort((a, b) => a[1] - b[1])
    .slice(0, MAX_SUGGESTIONS)
    .map(([tag]) => tag);
}

/** The field's text with the tag being typed replaced by `tag`, ready for the next one. */
export function acceptSuggestion(text: string, tag: string): string {
  const before = text.slice(0, text.lastIndexOf(',') + 1);
  return `${before}${before ? ' ' : ''}${cleanTag(tag)}, `;
}
