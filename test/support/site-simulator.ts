// Drives in-page navigation the way huggingface.co does it: the list's cards and the
// DailyPapers island's props are replaced in place and the URL changes with pushState,
// without a page load; back/forward re-render from popstate.
import type { Page } from 'playwright-core';
import { cardsHtml, islandProps, type SyntheticPaper } from './card-factory.mjs';

export interface View {
  path: string;
  papers: SyntheticPaper[];
}

/** Installs the simulator in the page (main world) with the views it may show. */
export async function installSiteSimulator(page: Page, views: View[]): Promise<void> {
  const rendered = Object.fromEntries(
    views.map((v) => [v.path, { cards: cardsHtml(v.papers), props: islandProps(v.papers) }]),
  );
  await page.evaluate((viewsByPath) => {
    const list = document.querySelector('article')?.parentElement;
    const island = document.querySelector('[data-target="DailyPapers"]');
    if (!list || !island) throw new Error('not a listing page');
    const render = (path: string) => {
      const view = viewsByPath[path];
      if (!view) return;
      island.setAttribute('data-props', view.props);
      list.innerHTML = view.cards;
    };
    const site = {
      navigate(path: string) {
        history.pushState({}, '', path);
        render(path);
      },
    };
    Object.assign(window, { __site: site });
    addEventListener('popstate', () => render(location.pathname + location.search));
  }, rendered);
}

/** Navigates in the page and resolves at the start of the second frame after the change. */
export async function navigateInPage(page: Page, path: string): Promise<void> {
  await page.evaluate(
    (to) =>
      new Promise<void>((resolve) => {
        (window as unknown as { __site: { navigate: (p: string) => void } }).__site.navigate(to);
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }),
    path,
  );
}

/**
 * The content script's own counters (see src/content/diagnostics.ts). Only the test build
 * (dist-test/) has them: on any other this throws rather than compare nothing with nothing.
 */
export async function contentStats(page: Page): Promise<{ live: number; messages: number }> {
  const shown = await page.evaluate(() =>
    document.documentElement.getAttribute('data-paper-queue-stats'),
  );
  if (shown === null) {
    throw new Error('No data-paper-queue-stats on the page: load the test build (dist-test/).');
  }
  return JSON.parse(shown);
}
