import { render } from 'preact';
import { openDatabase } from '../db/database';
import { sendRequest } from '../shared/messaging';
import { markDatabaseOpen, markFirstRender } from '../ui/queue/timing';
import { startFirstScreen } from '../ui/queue/use-first-screen';
import { LibraryPage } from './LibraryPage';
import '../ui/queue/queue.css';
import './library.css';

const db = openDatabase();
void db.open().then(markDatabaseOpen, () => {});
// Start reading the first rows now, not after the first paint.
const firstScreen = startFirstScreen(db);
const app = document.getElementById('app');
if (app) {
  render(
    <LibraryPage
      db={db}
      send={sendRequest}
      onFirstRender={markFirstRender}
      firstScreen={firstScreen}
    />,
    app,
  );
}
