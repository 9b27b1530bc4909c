/**
 * The toolbar knows the current tab's paper. A paper page's content script says which paper
 * it shows (`tab.showing`); the background keeps that per tab in `storage.session` (it outlives
 * a stopped service worker, not the browser session, as tab ids do) and shows the paper's
 * state on that tab's toolbar icon and title, on top of the badge's unread count. After every
 * committed change the tabs showing a changed paper are repainted. No `tabs` permission: the
 * tab id comes with the content script's message.
 *
 * Firefox resets a tab's own icon and title when it loads another page; Chrome keeps them,
 * so the page says when it is left (`left`, from its `pagehide`) and both are reset then. In
 * case that word is lost, the record holds the page's URL and counts only while the tab still
 * shows that page; in-page navigation reports again at once. A tab's reports are handled one
 * after another, so a page left and the next one shown cannot cross.
 */
import type { MarkState, PaperMeta, StateMap } from '../shared/model';
import { TAB_KEY_PREFIX, type TabRecord, tabKey } from '../shared/this-page';

export interface TabPaperDeps {
  session: {
    get: (keys: string | null) => Promise<Record<string, unknown>>;
    set: (items: Record<string, unknown>) => Promise<void>;
    remove: (keys: string) => Promise<void>;
  };
  action: {
    setIcon: (details: { tabId: number; path: Record<string, string> }) => Promise<void>;
    setTitle: (details: { tabId: number; title: string }) => Promise<void>;
  };
  /**
   * The URL a tab shows now, as far as the extension may see it (`undefined` on a site it has
   * no permission for, so on no page it decorates); null when the tab is gone.
   */
  tabUrl: (tabId: number) => Promise<string | undefined | null>;
  /** The extension's name, for the toolbar title. */
  name: string;
  /** The manifest's own action icons (a tab showing an unmarked paper gets these back). */
  defaultIcon: Record<string, string>;
}

/** The icon of a paper page by its state: saved, read, both; none is the default icon. */
export function iconFor(
  state: MarkState,
  defaults: Record<string, string>,
): Record<string, string> {
  const name =
    state.saved && state.read ? 'saved-read' : state.saved ? 'saved' : state.read ? 'read' : '';
  if (!name) return defaults;
  return { 16: `/icons/state-${name}-16.png`, 32: `/icons/state-${name}-32.png` };
}

/** The toolbar title on a paper page: what it says of this paper, then the queue. */
export function titleFor(name: string, state: MarkState, title: string): string {
  const mark = `${state.saved ? 'saved' : 'not saved'}, ${state.read ? 'read' : 'unread'}`;
  return `${name}\nThis page: ${title} (${mark})`;
}

const withoutHash = (url: string) => url.replace(/#.*$/, '');
const samePage = (a: string, b: string) => withoutHash(a) === withoutHash(b);

export function createTabPapers(deps: TabPaperDeps) {
  /** One operation per tab at a time, in the order they came. */
  const queues = new Map<number, Promise<unknown>>();
  const serial = <T>(tabId: number, run: () => Promise<T>): Promise<T> => {
    const next = (queues.get(tabId) ?? Promise.resolve()).then(run, run);
    const settled = next.catch(() => {});
    queues.set(tabId, settled);
    void settled.then(() => {
      if (queues.get(tabId) === settled) queues.delete(tabId);
    });
    return next;
  };
  const show = async (tabId: number, state: MarkState, title: string) => {
    // A tab closed meanwhile: nothing to show it on.
    await deps.action.setIcon({ tabId, path: iconFor(state, deps.defaultIcon) }).catch(() => {});
    await deps.action.setTitle({ tabId, title: titleFor(deps.name, state, title) }).catch(() => {});
  };
  const reset = async (tabId: number) => {
    await deps.action.setIcon({ tabId, path: deps.defaultIcon }).catch(() => {});
    await deps.action.setTitle({ tabId, title: deps.name }).catch(() => {});
  };
  const read = async (tabId: number): Promise<TabRecord | null> => {
    const key = tabKey(tabId);
    return ((await deps.session.get(key))[key] as TabRecord | undefined) ?? null;
  };
  /**
   * The record of `tabId` while the tab still shows the page that made it (the fragment does
   * not count); a record of a page the tab has left, or of a closed tab, is dropped.
   */
  const current = async (tabId: number): Promise<TabRecord | null> => {
    const record = await read(tabId);
    if (!record) return null;
    const url = await deps.tabUrl(tabId);
    if (url && samePage(record.url, url)) return record;
    await deps.session.remove(tabKey(tabId));
    return null;
  };
  const all = async (): Promise<TabRecord[]> => {
    const stored = await deps.session.get(null);
    return Object.entries(stored)
      .filter(([key]) => key.startsWith(TAB_KEY_PREFIX))
      .map(([, record]) => record as TabRecord);
  };

  return {
    read,
    current,
    /** The page in `tabId` shows paper `id` (or no paper): remember it and show its state. */
    showing: (
      tabId: number,
      url: string,
      paper: { id: string; meta?: PaperMeta; title: string; state: MarkState } | null,
    ): Promise<void> =>
      serial(tabId, async () => {
        if (!paper) {
          const had = await read(tabId);
          await deps.session.remove(tabKey(tabId));
          if (had) await reset(tabId);
          return;
        }
        const record: TabRecord = {
          tabId,
          url,
          id: paper.id,
          ...(paper.meta ? { paper: paper.meta } : {}),
        };
        await deps.session.set({ [tabKey(tabId)]: record });
        await show(tabId, paper.state, paper.title);
      }),
    /** The page at `url` is being left: its record and look go, unless another page's came first. */
    left: (tabId: number, url: string): Promise<void> =>
      serial(tabId, async () => {
        const record = await read(tabId);
        if (!record || record.url !== url) return;
        await deps.session.remove(tabKey(tabId));
        await reset(tabId);
      }),
    /** Repaints the tabs that show a paper whose state changed (`titleOf`: its title now). */
    async changed(states: StateMap, titleOf: (id: string) => Promise<string>): Promise<void> {
      for (const record of await all()) {
        const state = states[record.id];
        if (!state) continue;
        await serial(record.tabId, async () => {
          // Still that page: a page left meanwhile keeps the look the browser gave it back.
          if ((await current(record.tabId))?.id !== record.id) return;
          await show(record.tabId, state, await titleOf(record.id));
        });
      }
    },
  };
}

export type TabPapers = ReturnType<typeof createTabPapers>;
