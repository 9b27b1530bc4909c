/**
 * The JSON backup: a lossless, versioned copy of papers and marks. The same text is what the
 * JSON export downloads, what a snapshot stores, and what an import reads.
 */
import type { PaperMeta } from '../model';
import type { Rules } from '../rules';

export const BACKUP_FORMAT = 'paper-queue-backup';
/**
 * 2 added each mark's `clock`; 3 the mute and highlight rules (`rules`, when there are any).
 * Versions 1 and 2 are still read (src/db/records.ts completes their marks).
 */
export const BACKUP_VERSION = 3;
export const READABLE_BACKUP_VERSIONS = [1, 2, 3] as const;

export interface BackupPaper extends PaperMeta {
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface BackupMark {
  id: string;
  savedAt: number;
  readAt: number;
  updatedAt: number;
  pinnedAt: number;
  tags: string[];
  note: string;
  /** When each field was decided (version 2; absent in version 1). */
  clock?: {
    savedAt: number;
    readAt: number;
    pinnedAt: number;
    tags: number;
    note: number;
  };
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: (typeof READABLE_BACKUP_VERSIONS)[number];
  /** ISO 8601. */
  exportedAt: string;
  papers: BackupPaper[];
  marks: BackupMark[];
  /** The user's mute and highlight rules (version 3; absent when there are none). */
  rules?: Rules;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildBackup(
  papers: readonly BackupPaper[],
  marks: readonly BackupMark[],
  now: number,
  rules?: Rules,
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    papers: [...papers].sort(byId),
    marks: [...marks].sort(byId),
    ...(rules ? { rules } : {}),
  };
}

export function toBackupJson(backup: Backup): string {
  return `${JSON.stringify(backup, null, 1)}\n`;
}
