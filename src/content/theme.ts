/** Follows the site's dark mode (a `dark` class on <html>) on every control host. */
import { DARK_MODE_CLASS } from '../shared/site';
import { setDarkTheme } from './controls';

export function isDarkPage(doc: Document): boolean {
  return doc.documentElement.classList.contains(DARK_MODE_CLASS);
}

export function followPageTheme(
  doc: Document,
  hosts: () => HTMLElement[],
  signal: AbortSignal,
): void {
  let dark = isDarkPage(doc);
  const observer = new MutationObserver(() => {
    if (isDarkPage(doc) === dark) return;
    dark = !dark;
    for (const host of hosts()) setDarkTheme(host, dark);
  });
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['class'] });
  signal.addEventListener('abort', () => observer.disconnect());
}
