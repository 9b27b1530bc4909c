/** Export and import as the background runs them: building files, reading imports. */

import * as v from 'valibot';
import type { PaperQueueDB } from '../db/database';
import { takeSnapshot } from '../db/snapshots';
import {
  type ImportOutcome,
  importBackup,
  importIds,
  importPapers,
  loadExportEntries,
  readBackup,
} from '../db/transfer';
import { toBackupJson } from '../shared/backup/format';
import type { FoundPaper } from '../shared/backup/list-read';
import { parseBackup } from '../shared/backup/parse-backup';
import { describeSkipped, readImport } from '../shared/backup/read-import';
import {
  type ExportFormat,
  type ExportScope,
  exportFileName,
  FORMAT_INFO,
} from '../shared/export/formats';
import { renderEntries } from '../shared/export/render';
import { PaperMetaSchema } from '../shared/protocol';
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
 * Reads the whole text first (src/shared/backup/read-import.ts tells the format from the
 * text); only a text that is valid throughout reaches the database, in one transaction. A
 * JSON backup is all or nothing. A list-like file (plain list, Markdown, BibTeX, RIS,
 * CSL-JSON, CSV) with entries that name no paper is refused too, unless `skipInvalid` says
 * the user saw them listed and chose to import the rest. A valid import is preceded by a
 * snapshot of the present, so it can be undone.
 */
export async function importText(
  db: PaperQueueDB,
  text: string,
  now: number,
  options: { skipInvalid?: boolean } = {},
): Promise<{ kind: ImportResult['kind']; outcome: ImportOutcome }> {
  const read = readImport(text, now);
  if (!read.ok) throw new ImportError(read.error);
  if (read.kind === 'backup') {
    const parsed = parseBackup(read.text);
    if (!parsed.ok) throw new ImportError(`Nothing was imported. ${parsed.error}`);
    await snapshotBeforeImport(db, now);
    return { kind: 'backup', outcome: await importBackup(db, parsed.value) };
  }
  const { list } = read;
  if (list.skipped > 0 && !options.skipInvalid) {
    throw new ImportError(`Nothing was imported. ${describeSkipped(list)}`);
  }
  await snapshotBeforeImport(db, now);
  const outcome =
    read.kind === 'list'
      ? await importIds(
          db,
          list.papers.map((p) => p.id),
          now,
        )
      : await importPapers(db, list.papers.map(checkedMeta), now);
  if (list.skipped > 0) outcome.report = { ...outcome.report, skipped: list.skipped };
  return { kind: read.kind, outcome };
}

/**
 * The parsers keep metadata within the protocol's limits already; this checks it again with
 * the protocol's own schema, so a stored paper always fits a backup. What fails is dropped
 * (the paper is still imported, its metadata comes from the site or the paper API later).
 */
function checkedMeta(found: FoundPaper): FoundPaper {
  const { title, authors, publishedAt, ...marks } = found;
  // A paper without a title in the file may still bring authors for a record we have.
  const meta = { id: found.id, title: title ?? found.id, authors, publishedAt };
  return v.is(PaperMetaSchema, meta) ? found : marks;
}

async function snapshotBeforeImport(db: PaperQueueDB, now: number) {
  if ((await db.marks.count()) > 0) await takeSnapshot(db, 'import', now);
}
