/**
 * The popup page: a header (title, Export / Import, the library) that stays put, the shared
 * queue view below it, whose list scrolls on its own, and Export / Import as a view of its
 * own that one click in the header opens, in place of the list. Everything about the queue
 * itself lives in src/ui/queue/.
 *
 * Export / Import used to sit under the list, which grows by 50 rows as it scrolls: it
 * opened below the fold and was 32 Tab presses away with 6 papers.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
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
const TRANSFER_ID = 'popup-transfer';

export function QueuePopup({ db, send, onFirstRender, firstScreen }: Props) {
  const [transfer, setTransfer] = useState(false);
  /** Mounted from the first opening on, so a draft (a pasted list) survives going back. */
  const [transferMounted, setTransferMounted] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef(false);

  const showTransfer = (open: boolean) => {
    if (open) setTransferMounted(true);
    moveFocus.current = true;
    setTransfer(open);
  };
  // Opening moves focus to the view's heading (at the top of its pane, so it opens in view);
  // going back returns it to the header's button.
  useLayoutEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    if (transfer) {
      heading.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus();
    } else toggle.current?.focus();
  }, [transfer]);

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Reading queue</h1>
        <div class="popup-actions">
          <button
            ref={toggle}
            type="button"
            class="popup-toggle"
            aria-expanded={transfer}
            aria-controls={TRANSFER_ID}
            onClick={() => showTransfer(!transfer)}
          >
            Export / Import
          </button>
          <button
            type="button"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(LIBRARY_PAGE) })}
          >
            Open library
          </button>
          <SidePanelButton />
        </div>
      </header>
      <ThisPage db={db} send={send} />
      <DriftNotice />
      <QueueView
        db={db}
        send={send}
        onFirstRender={onFirstRender}
        firstScreen={firstScreen}
        hidden={transfer}
      />
      {transferMounted && (
        <section
          id={TRANSFER_ID}
          class="popup-transfer"
          aria-labelledby="popup-transfer-heading"
          hidden={!transfer}
        >
          <div class="popup-transfer-head">
            <h2 id="popup-transfer-heading" ref={heading} tabIndex={-1}>
              Export / Import
            </h2>
            <button type="button" onClick={() => showTransfer(false)}>
              Back to the queue
            </button>
          </div>
          <TransferSlot db={db} send={send} open />
        </section>
      )}
    </main>
  );
}
