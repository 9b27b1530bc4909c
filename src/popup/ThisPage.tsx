/**
 * "This page": the paper the current tab shows, with its Save / Read, at the top of the popup
 * and the side panel (which follows the active tab). The tab's own content script told the
 * background which paper it is (`tab.showing`); this asks `tab.paper` and reads the paper's
 * state live from the database. On arXiv or alphaXiv before the user turned the site on, it
 * offers that instead, in one click (SitePrompt).
 */
import { useEffect, useState } from 'preact/hooks';
import type { PaperQueueDB } from '../db/database';
import { stateOf } from '../db/records';
import { cleanMeta } from '../shared/clean-meta';
import type { MarkState } from '../shared/model';
import type { ThisPage as ThisPageInfo } from '../shared/this-page';
import { optionalSiteOf } from '../site/optional-sites';
import { useLiveQuery } from '../ui/queue/use-live-query';
import type { Send } from '../ui/queue/use-queue-actions';
import { browserTabs, type TabDeps, type TabInfo } from './current-tab';
import { SitePrompt } from './SitePrompt';
import './this-page.css';

interface Props {
  db: PaperQueueDB;
  send: Send;
  /** Follow the active tab as it changes (the side panel); the popup shows one tab. */
  follow?: boolean;
  tabs?: TabDeps;
}

export function ThisPage({ db, send, follow = false, tabs = browserTabs }: Props) {
  const [tab, setTab] = useState<TabInfo | null>(null);
  const [page, setPage] = useState<ThisPageInfo | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    let asked = 0;
    const refresh = async () => {
      const ask = ++asked;
      const current = await tabs.currentTab().catch(() => null);
      const found = current
        ? await send({ type: 'tab.paper', tabId: current.id }).catch(() => null)
        : null;
      if (ask !== asked || controller.signal.aborted) return; // a newer question is on its way
      setTab(current);
      setPage(found);
    };
    void refresh();
    tabs.watch(() => void refresh(), follow, controller.signal);
    return () => controller.abort();
  }, [send, follow, tabs]);

  const id = page?.paper.id;
  const live = useLiveQuery(
    () => (id ? db.marks.get(id).then(stateOf) : Promise.resolve(null)),
    [db, id],
    Boolean(id),
  );

  if (!page) {
    const site = optionalSiteOf(tab?.url);
    return site && tab ? <SitePrompt site={site} tab={tab} send={send} tabs={tabs} /> : null;
  }
  const state: MarkState = live.status === 'ready' && live.value ? live.value : page.state;
  const mark = (change: { saved?: boolean; read?: boolean }) => {
    setError('');
    const paper = cleanMeta(page.paper);
    send({
      type: 'paper.mark',
      id: page.paper.id,
      at: Date.now(),
      ...change,
      ...(paper ? { paper } : {}),
    })
      .then(() => setPage((before) => (before ? { ...before } : before)))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return <ThisPageView title={page.paper.title} state={state} error={error} onMark={mark} />;
}

interface ViewProps {
  title: string;
  state: MarkState;
  error: string;
  onMark: (change: { saved?: boolean; read?: boolean }) => void;
}

/** The paper of the current tab and its two toggles. Presentational. */
export function ThisPageView({ title, state, error, onMark }: ViewProps) {
  return (
    <section class="this-page" aria-label="This page">
      <p class="this-page-title">
        <span class="muted">This page: </span>
        <strong>{title}</strong>
      </p>
      <div class="this-page-actions">
        <button
          type="button"
          aria-pressed={state.saved}
          onClick={() => onMark({ saved: !state.saved })}
        >
          {state.saved ? '★ Saved' : '☆ Save'}
        </button>
        <button
          type="button"
          aria-pressed={state.read}
          onClick={() => onMark({ read: !state.read })}
        >
          {state.read ? '✓ Read' : 'Mark read'}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
