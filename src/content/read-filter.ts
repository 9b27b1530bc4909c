/**
 * Hides or dims read papers on the listing. Each card's article carries
 * `data-paper-queue-read` while its paper is read, and `<html data-paper-queue-mode>` says
 * how read cards look; page.css (injected by the manifest) does the rest. Switching modes is
 * one attribute change, whatever the number of cards.
 */
import type { HideMode } from '../shared/settings';

export const MODE_ATTRIBUTE = 'data-paper-queue-mode';
export const READ_ATTRIBUTE = 'data-paper-queue-read';
export const FOCUS_ATTRIBUTE = 'data-paper-queue-focus';

/**
 * A card read with its own button (or key) during this view is `just-now`: dimmed, not hidden,
 * so it does not vanish under the pointer and let a second click land on the next card.
 */
export const JUST_NOW = 'just-now';

export function showMode(doc: Document, mode: HideMode | null): void {
  if (mode) doc.documentElement.setAttribute(MODE_ATTRIBUTE, mode);
  else doc.documentElement.removeAttribute(MODE_ATTRIBUTE);
}

export function markCardRead(card: Element, read: boolean, justNow = false): void {
  if (read) card.setAttribute(READ_ATTRIBUTE, justNow ? JUST_NOW : '');
  else card.removeAttribute(READ_ATTRIBUTE);
}

/** Whether a card is out of view because of the filter (or anything else hiding it). */
export function isCardShown(card: Element): boolean {
  return (card as HTMLElement).offsetParent !== null || card.getClientRects().length > 0;
}
