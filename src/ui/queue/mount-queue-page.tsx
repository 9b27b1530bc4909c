/**
 * Starts an extension page built around the queue (popup, library): opens the database,
 * starts reading the first rows before the first paint, and renders the page into #app.
 */
import type { ComponentType } from 'preact';
import { render } from 'preact';
import { openDatabase, type PaperQueueDB } from '../../db/database';
import type { QueueEntry } from '../../db/queue';
import { sendRequest } from '../../shared/messaging';
import { markDatabaseOpen, markFirstRender } from './timing';
import { startFirstScreen } from './use-first-screen';
import type { Send } from './use-queue-actions';

export interface QueuePageProps {
  db: PaperQueueDB;
  send: Send;
  onFirstRender?: () => void;
  firstScreen?: Promise<QueueEntry[]>;
}

export function mountQueuePage(Page: ComponentType<QueuePageProps>): void {
  const db = openDatabase();
  void db.open().then(markDatabaseOpen, () => {});
  // Start reading the first rows now, not after the first paint.
  const firstScreen = startFirstScreen(db);
  const app = document.getElementById('app');
  if (app) {
    render(
      <Page db={db} send={sendRequest} onFirstRender={markFirstRender} firstScreen={firstScreen} />,
      app,
    );
  }
}
