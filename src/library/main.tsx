import { mountQueuePage } from '../ui/queue/mount-queue-page';
import { LibraryPage } from './LibraryPage';
import '../ui/queue/queue.css';
import './library.css';

mountQueuePage(LibraryPage);
