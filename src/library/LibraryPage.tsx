/**
 * The library: the same queue view as the popup in a wide layout with multi-select and bulk
 * actions, beside the settings, where the data lives, and the Export / Import area.
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
        {settings.keyboard && (
          <p class="muted">
            Keys: ↑/↓ or j/k move · Enter opens · r read/unread · Delete removes · / search
          </p>
        )}
      </header>
      <main class="library-main" aria-label="Saved papers">
        <QueueView
          db={db}
          send={send}
          selectable
          onFirstRender={onFirstRender}
          firstScreen={firstScreen}
        />
      </main>
      <aside class="library-side">
        <SettingsSection />
        <SitesSection send={send} />
        <StorageSection db={db} />
        <section class="panel transfer-slot" aria-label="Export / Import">
          <h2>Export / Import</h2>
          <TransferSlot db={db} send={send} open />
        </section>
      </aside>
    </div>
  );
}
