import { render } from 'preact';
import { openDatabase } from '../db/database';
import { sendRequest } from '../shared/messaging';
import { markDatabaseOpen, markFirstRender } from '../ui/queue/timing';
import { LibraryPage } from './LibraryPage';
import '../ui/queue/queue.css';
import './library.css';

const db = openDatabase();
void db.open().then(markDatabaseOpen, () => {});
const app = document.getElementById('app');
if (app) render(<LibraryPage db={db} send={sendRequest} onFirstRender={markFirstRender} />, app);
