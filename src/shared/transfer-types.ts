/** What export, import and snapshot requests answer (see protocol.ts). */

/** A file to save: its name, media type and text. */
export interface TextFile {
  filename: string;
  mime: string;
  text: string;
}
export interface ExportResult {
  filename: string;
  /** How many papers (marks) the file holds. */
  count: number;
  /** The file's text, when it was asked for as text (for the clipboard). */
  text?: string;
}

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  /** Marks a restore took away (a merge never removes any). */
  removed?: number;
  /** Entries of a list-like file that named no paper, left out because the user said so. */
  skipped?: number;
  /** Mute and highlight rules a backup added to yours. */
  rulesAdded?: number;
}

export interface ImportResult {
  /**
   * What the text was read as: a JSON backup, a plain list, one of the export formats
   * (src/shared/backup/read-import.ts), or a restored snapshot.
   */
  kind: 'backup' | 'list' | 'markdown' | 'bibtex' | 'ris' | 'csl-json' | 'csv' | 'snapshot';
  report: ImportReport;
}

/**
 * What made a backup: the daily one, one before a database upgrade, one the user asked for,
 * and the present kept before an import or a restore replaced it.
 */
export type SnapshotReason = 'migration' | 'daily' | 'manual' | 'import' | 'restore';

export interface SnapshotSummary {
  id: number;
  createdAt: number;
  reason: SnapshotReason;
  /** Size of the backup text in characters. */
  size: number;
  marks: number;
}
