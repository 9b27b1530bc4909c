import { render } from 'preact';
import { openDatabase } from '../db/database';
import { sendRequest } from '../shared/messaging';
import { markDatabaseOpen, markFirstRender } from '../ui/queue/timing';
import { startFirstScreen } from '../ui/queue/use-first-screen';
import { QueuePopup } from './QueuePopup';
import '../ui/queue/queue.css';
import './popup.css';

const db = openDatabase();
void db.open().then(markDatabaseOpen, () => {});
// Start reading the first rows now, not after the first paint.
const firstScreen = startFirstScreen(db);
const app = document.getElementById('app');
if (app) {
  render(
    <QueuePopup
      db={db}
      send={sendRequest}
      onFirstRender={markFirstRender}
      firstScreen={firstScreen}
    />,
    app,
  );
}
