import { render } from 'preact';
import { openDatabase } from '../db/database';
import { sendRequest } from '../shared/messaging';
import { markDatabaseOpen, markFirstRender } from '../ui/queue/timing';
import { QueuePopup } from './QueuePopup';
import '../ui/queue/queue.css';
import './popup.css';

const db = openDatabase();
void db.open().then(markDatabaseOpen, () => {});
const app = document.getElementById('app');
if (app) render(<QueuePopup db={db} send={sendRequest} onFirstRender={markFirstRender} />, app);
