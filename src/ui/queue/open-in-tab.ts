/** Extension pages open papers in a new tab: a plain link would navigate inside the popup. */
import browser from 'webextension-polyfill';

export function openInTab(url: string): void {
  void browser.tabs.create({ url });
}

export function openLinkInTab(event: MouseEvent): void {
  const link = event.currentTarget as HTMLAnchorElement;
  event.preventDefault();
  openInTab(link.href);
}
