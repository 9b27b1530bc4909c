/**
 * The popup page: a title, a way to the library, the shared queue view, and a footer where
 * Export / Import mounts. Everything about the queue itself lives in src/ui/queue/.
 */
import browser from 'webextension-polyfill';
import type { PaperQueueDB } from '../db/database';
import type { QueueEntry } from '../db/queue';
import { QueueView } from '../ui/queue/QueueView';
import type { Send } from '../ui/queue/use-queue-actions';
import { TransferSlot } from '../ui/transfer/TransferSlot';
import { DriftNotice } from './DriftNotice';
import { SidePanelButton } from './SidePanelButton';
import { ThisPage } from './ThisPage';

interface Props {
  db: PaperQueueDB;
  send: Send;
  onFirstRender?: () => void;
  firstScreen?: Promise<QueueEntry[]>;
}

export const LIBRARY_PAGE = 'src/library/index.html';

export function QueuePopup({ db, send, onFirstRender, firstScreen }: Props) {
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Reading queue</h1>
        <button
          type="button"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(LIBRARY_PAGE) })}
        >
          Open library
        </button>
        <SidePanelButton />
      </header>
      <ThisPage db={db} send={send} />
      <DriftNotice />
      <QueueView db={db} send={send} onFirstRender={onFirstRender} firstScreen={firstScreen} />
      <section class="popup-footer" aria-label="Export / Import">
        <TransferSlot db={db} send={send} />
      </section>
    </main>
  );
}
