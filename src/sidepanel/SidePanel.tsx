/**
 * The queue beside the page: Chrome's side panel and Firefox's sidebar show this page (the
 * manifest's `side_panel` / `sidebar_action`). The same queue view as the popup, with "This
 * page" following whichever tab is active, and kept in step like every other view (the
 * database's liveQuery for the queue, the tab records in storage.session for "This page").
 */

import { ThisPage } from '../popup/ThisPage';
import type { QueuePageProps } from '../ui/queue/mount-queue-page';
import { QueueView } from '../ui/queue/QueueView';

export function SidePanel({ db, send, onFirstRender, firstScreen }: QueuePageProps) {
  return (
    <main class="side-panel">
      <header class="side-panel-header">
        <h1>Reading queue</h1>
      </header>
      <ThisPage db={db} send={send} follow />
      <QueueView db={db} send={send} onFirstRender={onFirstRender} firstScreen={firstScreen} />
    </main>
  );
}
