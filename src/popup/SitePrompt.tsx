/**
 * The popup on arXiv or alphaXiv before Paper Queue works there: one click asks the browser
 * for the site's permission (it must be the click itself: the browser refuses a request made
 * later), the background registers the content script, and the tab reloads decorated. If the
 * site is on already, the tab was opened before: it only needs a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SiteStatus } from '../shared/this-page';
import type { OptionalSite } from '../site/optional-sites';
import type { Send } from '../ui/queue/use-queue-actions';
import type { TabDeps, TabInfo } from './current-tab';

interface Props {
  site: OptionalSite;
  tab: TabInfo;
  send: Send;
  tabs: Pick<TabDeps, 'requestSite' | 'reloadTab'>;
}

export function SitePrompt({ site, tab, send, tabs }: Props) {
  const [status, setStatus] = useState<SiteStatus | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    send({ type: 'sites.status' })
      .then((all) => setStatus(all.find((s) => s.key === site.key) ?? null))
      .catch(() => setStatus(null));
  }, [send, site.key]);

  const reload = () =>
    void tabs.reloadTab(tab.id).then(
      () => window.close(),
      () => {},
    );
  const turnOn = () => {
    setMessage('');
    // Straight from the click: no await before it, or the browser refuses to ask.
    tabs
      .requestSite(site)
      .then(async (granted) => {
        if (!granted) return setMessage(`Not turned on: ${site.host} was not allowed.`);
        await send({ type: 'sites.status' });
        reload();
      })
      .catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
  };

  if (status?.registered) {
    if (!tab.url || !site.decorates(tab.url)) return null;
    return (
      <section class="this-page" aria-label="This page">
        <p>Paper Queue is on for {site.host}; this tab was opened before.</p>
        <button type="button" onClick={reload}>
          Reload this tab
        </button>
      </section>
    );
  }
  return (
    <section class="this-page" aria-label="This page">
      <p>
        Show Save and Read on {site.name} {site.pages} too? Your browser will ask to let Paper Queue
        read {site.host}.
      </p>
      <button type="button" onClick={turnOn}>
        Turn on {site.name}
      </button>
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
