/** Export and import as the background runs them: building files, reading imports. */
import type { PaperQueueDB } from '../db/database';
import { takeSnapshot } from '../db/snapshots';
import {
  type ImportOutcome,
  importBackup,
  importIds,
  loadExportEntries,
  readBackup,
} from '../db/transfer';
import { toBackupJson } from '../shared/backup/format';
import { parseBackup } from '../shared/backup/parse-backup';
import { parseIdList } from '../shared/backup/parse-id-list';
import {
  type ExportFormat,
  type ExportScope,
  exportFileName,
  FORMAT_INFO,
} from '../shared/export/formats';
import { renderEntries } from '../shared/export/render';
import type { ImportResult } from '../shared/transfer-types';
import type { TextFile } from './download';

export async function buildExportFile(
  db: PaperQueueDB,
  scope: ExportScope,
  format: ExportFormat,
  now: number,
): Promise<TextFile & { count: number }> {
  const filename = exportFileName(scope, format, new Date(now));
  const { mime } = FORMAT_INFO[format];
  if (format === 'json') {
    const backup = await readBackup(db, scope, now);
    return { filename, mime, text: toBackupJson(backup), count: backup.marks.length };
  }
  const entries = await loadExportEntries(db, scope);
  return { filename, mime, text: renderEntries(format, entries), count: entries.length };
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/**
 * Reads the whole text first (a JSON backup if it looks like JSON, else a list of ids and
 * links); only a text that is valid throughout reaches the database, in one transaction.
 * A valid import is preceded by a snapshot of the present, so it can be undone.
 */
export async function importText(
  db: PaperQueueDB,
  text: string,
  now: number,
): Promise<{ kind: ImportResult['kind']; outcome: ImportOutcome }> {
  if (/^\s*[[{]/.test(text)) {
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new ImportError(`Nothing was imported. ${parsed.error}`);
    await snapshotBeforeImport(db, now);
    return { kind: 'backup', outcome: await importBackup(db, parsed.value) };
  }
  const parsed = parseIdList(text);
  if (!parsed.ok) throw new ImportError(`Nothing was imported. ${parsed.error}`);
  await snapshotBeforeImport(db, now);
  return { kind: 'list', outcome: await importIds(db, parsed.value, now) };
}

async function snapshotBeforeImport(db: PaperQueueDB, now: number) {
  if ((await db.marks.count()) > 0) await takeSnapshot(db, 'manual', now);
}
