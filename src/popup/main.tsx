import { mountQueuePage } from '../ui/queue/mount-queue-page';
import { QueuePopup } from './QueuePopup';
import '../ui/queue/queue.css';
import './popup.css';

mountQueuePage(QueuePopup);
