/**
 * Notices in-page navigation. Content-script match patterns are checked only when a document
 * loads, so moving between Daily / Weekly / Monthly, dates or a search is ours to detect.
 * Chromium's Navigation API fires `currententrychange` for the page's own pushState,
 * replaceState and back/forward; `popstate` covers back/forward elsewhere; and the DOM
 * watcher calls the returned `check` on every batch, for browsers without the Navigation API.
 */
import { trackLive } from './diagnostics';

interface NavigationLike extends EventTarget {
  currentEntry?: unknown;
}

export function watchUrl(
  win: Window,
  onChange: (url: string) => void,
  signal: AbortSignal,
): () => boolean {
  let last = win.location.href;
  const check = () => {
    const now = win.location.href;
    if (now === last) return false;
    last = now;
    onChange(now);
    return true;
  };
  const navigation = (win as Window & { navigation?: NavigationLike }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', check, { signal });
    trackLive(signal);
  }
  win.addEventListener('popstate', check, { signal });
  trackLive(signal);
  return check;
}
