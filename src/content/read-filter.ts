/**
 * Hides or dims read papers on the listing. Each card's article carries
 * `data-paper-queue-read` while its paper is read, and `<html data-paper-queue-mode>` says
 * how read cards look; page.css (injected by the manifest) does the rest. Switching modes is
 * one attribute change, whatever the number of cards.
 *
 * Rules and visits mark cards the same way: `data-paper-queue-muted` (hidden in every mode
 * until the bar's Show sets `<html data-paper-queue-show-muted>`), `data-paper-queue-highlight`
 * (an outline), `data-paper-queue-rule` (the reason, in words), `data-paper-queue-new` (new
 * since the last visit) and `data-paper-queue-seen` (seen before this view: Hide seen).
 * Attributes on the site's own elements and CSS, so they hold from the first paint on.
 */
import type { HideMode } from '../shared/settings';

export const MODE_ATTRIBUTE = 'data-paper-queue-mode';
export const READ_ATTRIBUTE = 'data-paper-queue-read';
export const FOCUS_ATTRIBUTE = 'data-paper-queue-focus';
/** A card whose state is not known yet (the mark index is being read): kept unseen. */
export const PENDING_ATTRIBUTE = 'data-paper-queue-pending';
/** The element the listing bar will be inserted before: page.css keeps the bar's room. */
export const BAR_SLOT_ATTRIBUTE = 'data-paper-queue-bar-slot';
/** A muted card ("" hidden, or JUST_NOW: changed from its own card here, so it stays). */
export const MUTED_ATTRIBUTE = 'data-paper-queue-muted';
/** On <html>: the user pressed Show on the bar's muted count (this view only). */
export const SHOW_MUTED_ATTRIBUTE = 'data-paper-queue-show-muted';
export const HIGHLIGHT_ATTRIBUTE = 'data-paper-queue-highlight';
/** The rule that mutes or highlights a card, in words ("Muted: word “diffusion”"). */
export const RULE_ATTRIBUTE = 'data-paper-queue-rule';
export const NEW_ATTRIBUTE = 'data-paper-queue-new';
/** Seen before this page view: what Hide seen hides. */
export const SEEN_ATTRIBUTE = 'data-paper-queue-seen';

/**
 * A card read with its own button (or key) during this view is `just-now`: dimmed, not hidden,
 * so it does not vanish under the pointer and let a second click land on the next card.
 */
export const JUST_NOW = 'just-now';

export function showMode(doc: Document, mode: HideMode | null): void {
  if (mode) doc.documentElement.setAttribute(MODE_ATTRIBUTE, mode);
  else doc.documentElement.removeAttribute(MODE_ATTRIBUTE);
}

export function showMuted(doc: Document, shown: boolean): void {
  markCard(doc.documentElement, SHOW_MUTED_ATTRIBUTE, shown ? '' : null);
}

export function markCardRead(card: Element, read: boolean, justNow = false): void {
  const value = justNow ? JUST_NOW : '';
  if (read) {
    if (card.getAttribute(READ_ATTRIBUTE) !== value) card.setAttribute(READ_ATTRIBUTE, value);
  } else if (card.hasAttribute(READ_ATTRIBUTE)) card.removeAttribute(READ_ATTRIBUTE);
}

/** Sets `name` to `value` (null: removes it), writing only what differs. */
export function markCard(card: Element, name: string, value: string | null): void {
  if (value === null) {
    if (card.hasAttribute(name)) card.removeAttribute(name);
  } else if (card.getAttribute(name) !== value) card.setAttribute(name, value);
}

export function markCardPending(card: Element, pending: boolean): void {
  if (pending) card.setAttribute(PENDING_ATTRIBUTE, '');
  else if (card.hasAttribute(PENDING_ATTRIBUTE)) card.removeAttribute(PENDING_ATTRIBUTE);
}

/** Whether a card is out of view because of the filter (or anything else hiding it). */
export function isCardShown(card: Element): boolean {
  return (card as HTMLElement).offsetParent !== null || card.getClientRects().length > 0;
}
