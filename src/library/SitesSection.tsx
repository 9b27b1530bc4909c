/**
 * Sites: where else Paper Queue shows its buttons. arXiv and alphaXiv are off until the user
 * turns them on here (or from the popup on one of their pages): the browser then asks for that
 * site's permission, and the background registers the content script for it
 * (background/site-scripts.ts). Turning a site off gives the permission back. A permission
 * changed in the browser's own settings shows here too.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { SiteStatus } from '../shared/this-page';
import { OPTIONAL_SITES, type OptionalSite } from '../site/optional-sites';
import type { Send } from '../ui/queue/use-queue-actions';
import './sites.css';

export interface SitePermissions {
  /** Asks the user (call it straight from a click: the browser refuses a later request). */
  request: (site: OptionalSite) => Promise<boolean>;
  remove: (site: OptionalSite) => Promise<boolean>;
  /** Calls `onChange` when any permission is added or removed, until `signal` aborts. */
  watch: (onChange: () => void, signal: AbortSignal) => void;
}

const origins = (site: OptionalSite) => ({ origins: [...site.permissionOrigins] });

export const browserPermissions: SitePermissions = {
  request: (site) => browser.permissions.request(origins(site)),
  remove: (site) => browser.permissions.remove(origins(site)),
  watch: (onChange, signal) => {
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    signal.addEventListener('abort', () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    });
  },
};

interface Props {
  send: Send;
  permissions?: SitePermissions;
}

export function SitesSection({ send, permissions = browserPermissions }: Props) {
  const [statuses, setStatuses] = useState<SiteStatus[] | null>(null);
  const [error, setError] = useState('');
  const refresh = () =>
    send({ type: 'sites.status' }).then(setStatuses, (e: unknown) => setError(String(e)));

  useEffect(() => {
    const controller = new AbortController();
    void refresh();
    permissions.watch(() => void refresh(), controller.signal);
    return () => controller.abort();
  }, [send, permissions]);

  const change = (site: OptionalSite, on: boolean) => {
    setError('');
    // No await before the request: it must be the click's own call.
    (on ? permissions.request(site) : permissions.remove(site))
      .then(() => refresh())
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <section class="panel" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <p class="muted">
        Save and Read also on these sites, with the same marks. Each asks your browser for that site
        only when you turn it on.
      </p>
      <ul class="sites">
        {OPTIONAL_SITES.map((site) => {
          const status = statuses?.find((s) => s.key === site.key);
          const on = Boolean(status?.granted);
          return (
            <li key={site.key}>
              <span>
                <strong>{site.name}</strong> ({site.host}): {site.pages}
                {' — '}
                <span data-site-state={statuses ? (on ? 'on' : 'off') : 'checking'}>
                  {statuses ? (on ? 'on' : 'off') : 'checking…'}
                </span>
              </span>{' '}
              <button type="button" disabled={!statuses} onClick={() => change(site, !on)}>
                {on ? `Turn off ${site.name}` : `Turn on ${site.name}`}
              </button>
            </li>
          );
        })}
      </ul>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
