/**
 * Sync: the user's marks on every browser they sign in to, through the browser's own sync
 * (background/sync/). On or off, what last left and arrived, the other browsers, the space,
 * and what to do in each browser for the data to travel at all.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { saveSettings } from '../shared/settings';
import { parseSyncStatus, SYNC_STATUS_KEY, type SyncStatus } from '../shared/sync-status';
import { useSettings } from '../ui/queue/use-settings';
import { describeSync } from './sync-facts';
import './sync.css';

/** Firefox has runtime.getBrowserInfo; Chromium does not. */
const isFirefox = () =>
  typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';

function useSyncStatus(): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && changes[SYNC_STATUS_KEY]) {
        setStatus(parseSyncStatus(changes[SYNC_STATUS_KEY].newValue));
      }
    };
    browser.storage.onChanged.addListener(listener);
    void browser.storage.local
      .get(SYNC_STATUS_KEY)
      .then((items) => setStatus(parseSyncStatus(items[SYNC_STATUS_KEY])));
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return status;
}

export function SyncSection() {
  const settings = useSettings();
  const status = useSyncStatus();
  const [error, setError] = useState('');
  // The relative times ("2 minutes ago") move on while the page is open.
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const facts = describeSync(
    status,
    Math.max(now, status?.lastSent ?? 0, status?.lastReceived ?? 0),
  );
  const toggle = (on: boolean) => {
    setError('');
    saveSettings({ sync: on }).catch((e: unknown) => setError(String(e)));
  };
  return (
    <section id="sync" class="panel" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <label class="sync-toggle">
        <input
          type="checkbox"
          checked={settings.sync}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
        Keep saved, read and pinned in step on every browser I sign in to
      </label>
      <p class="muted">
        Through your browser’s own sync (your account with Chrome or Firefox): no server of ours.
        Tags, notes and paper details stay on each browser. Turning this off takes this browser’s
        data out of the sync space; its marks stay here.
      </p>
      {settings.sync && (
        <div class="sync-facts" data-sync-status={status ? 'known' : 'none'}>
          {facts.traffic.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {facts.devices.length > 0 ? (
            <ul aria-label="Other browsers">
              {facts.devices.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            status && <p>No other browser has written yet.</p>
          )}
          {facts.space && <p>{facts.space}</p>}
          {facts.warnings.map((line) => (
            <p key={line} class="sync-warning">
              {line}
            </p>
          ))}
        </div>
      )}
      <p class="muted">
        {isFirefox()
          ? 'In Firefox, add-on data travels only when “Add-ons” is checked in Firefox Sync (Settings › Sync). Firefox for Android does not sync it.'
          : 'In Chrome, it travels when you are signed in to Chrome with Sync on and “Extensions” among what it syncs.'}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
