/** Small readers of arXiv's text conventions, shared by the abstract page and the listing. Pure. */
import { cleanText } from '../../shared/text';
import { DESCRIPTOR_SELECTOR } from './selectors';

/** An element's text without its "Title:" / "Abstract:" descriptor label. */
export function textWithoutDescriptor(el: Element): string {
  let text = '';
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node instanceof Element && node.matches(DESCRIPTOR_SELECTOR)) continue;
    text += node.textContent ?? '';
  }
  return cleanText(text);
}

/**
 * "Vaswani, Ashish" → "Ashish Vaswani", the order Hugging Face and the exporters use; a name
 * without a comma (a group, `DeepSeek-AI`) stays as it is, and one with no letter at all
 * (the stray `:` after a group name on abs-2401.02954) is no author.
 */
export function authorName(citationAuthor: string): string | null {
  const name = cleanText(citationAuthor);
  if (!/\p{L}/u.test(name)) return null;
  const parts = name.split(/\s*,\s*/);
  if (parts.length !== 2 || !parts[0] || !parts[1]) return name;
  return `${parts[1]} ${parts[0]}`;
}

/** `citation_date` "2024/01/05" → "2024-01-05T00:00:00.000Z"; undefined when it is not a date. */
export function citationDate(value: string | null | undefined): string | undefined {
  const match = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]}-${match[3]}T00:00:00.000Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}
