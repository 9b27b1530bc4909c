import { mountQueuePage } from '../ui/queue/mount-queue-page';
import { SidePanel } from './SidePanel';
import '../ui/queue/queue.css';
import './sidepanel.css';

mountQueuePage(SidePanel);
