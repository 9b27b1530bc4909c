/**
 * What the user changed on this page, newest last, so each change can be undone: a toggle,
 * a keyboard mark or "mark all as read". Undo restores each paper's marks as they were.
 */
import type { PaperState } from '../shared/model';

export interface Change {
  /** What the toast says, e.g. "Marked 13 papers read". */
  label: string;
  /** Every touched paper's state before the change. */
  before: Record<string, PaperState>;
}

/** Enough for any reasonable session; the oldest changes fall off. */
const LIMIT = 50;

export class UndoHistory {
  private readonly changes: Change[] = [];

  push(change: Change): void {
    this.changes.push(change);
    if (this.changes.length > LIMIT) this.changes.shift();
  }

  pop(): Change | undefined {
    return this.changes.pop();
  }

  get size(): number {
    return this.changes.length;
  }
}

/** The toast's words for a change of one mark on one paper. */
export function describeToggle(key: 'saved' | 'read', value: boolean): string {
  if (key === 'saved') return value ? 'Saved to your queue' : 'Removed from your queue';
  return value ? 'Marked read' : 'Marked unread';
}
