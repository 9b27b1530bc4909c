/**
 * The library: the same queue view as the popup in a wide layout with multi-select and bulk
 * actions, beside the settings, where the data lives, and the Export / Import area.
 *
 * A "Jump to" line of links at the top (and landmarks: main, complementary, a region per
 * panel) reaches each part in one step; the list takes one stop in the Tab order (see
 * QueueRow's `tabbable`), so the side panels are never hundreds of Tab presses away.
 */
import type { PaperQueueDB } from '../db/database';
import type { QueueEntry } from '../db/queue';
import { QueueView } from '../ui/queue/QueueView';
import type { Send } from '../ui/queue/use-queue-actions';
import { useSettings } from '../ui/queue/use-settings';
import { TransferSlot } from '../ui/transfer/TransferSlot';
import { SettingsSection } from './SettingsSection';
import { SitesSection } from './SitesSection';
import { StorageSection } from './StorageSection';
import { SyncSection } from './SyncSection';

interface Props {
  db: PaperQueueDB;
  send: Send;
  onFirstRender?: () => void;
  firstScreen?: Promise<QueueEntry[]>;
}

export function LibraryPage({ db, send, onFirstRender, firstScreen }: Props) {
  const settings = useSettings();
  return (
    <div class="library">
      <header class="library-header">
        <h1>Paper Queue library</h1>
        <nav class="jump" aria-label="Jump to">
          <span class="muted">Jump to:</span>
          <a href="#saved-papers">Saved papers</a>
          <a href="#settings">Settings</a>
          <a href="#sync">Sync</a>
          <a href="#your-data">Your data</a>
          <a href="#export-import">Export / Import</a>
        </nav>
        {settings.keyboard && (
          <p class="muted">
            Keys: ↑/↓ or j/k move between papers (Tab reaches the paper’s buttons) · Enter opens · r
            read/unread · Delete removes · / search
          </p>
        )}
      </header>
      <main id="saved-papers" class="library-main" aria-label="Saved papers" tabIndex={-1}>
        <QueueView
          db={db}
          send={send}
          selectable
          onFirstRender={onFirstRender}
          firstScreen={firstScreen}
        />
      </main>
      <aside class="library-side" aria-label="Settings, sync, your data, export and import">
        <SettingsSection />
        <SyncSection />
        <SitesSection send={send} />
        <StorageSection db={db} />
        <section
          id="export-import"
          class="panel transfer-slot"
          aria-labelledby="export-import-heading"
          tabIndex={-1}
        >
          <h2 id="export-import-heading">Export / Import</h2>
          <TransferSlot db={db} send={send} open />
        </section>
      </aside>
    </div>
  );
}
