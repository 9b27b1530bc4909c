import { render } from 'preact';
import { openDatabase } from '../db/database';
import { sendRequest } from '../shared/messaging';
import { QueuePopup } from './QueuePopup';
import './popup.css';

const app = document.getElementById('app');
if (app) render(<QueuePopup db={openDatabase()} send={sendRequest} />, app);
