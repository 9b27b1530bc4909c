/**
 * Only the user changes the queue from a page. Hugging Face's own scripts (or anything
 * injected into the page: an XSS, another extension's page script) can reach our open
 * shadow roots and call `button.click()` or dispatch key events; the browser marks such
 * events `isTrusted: false`. Every click and key the content script acts on passes here.
 */
export function isUserEvent(event: Event): boolean {
  return event.isTrusted === true;
}
