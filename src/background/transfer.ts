/** Export and import as the background runs them: building files, reading imports. */

import * as v from 'valibot';
import type { PaperQueueDB } from '../db/database';
import { type ImportOutcome, importBackup, importIds, importPapers } from '../db/transfer';
import type { FoundPaper } from '../shared/backup/list-read';
import { parseBackup } from '../shared/backup/parse-backup';
import { describeSkipped, readImport } from '../shared/backup/read-import';
import { type Job, UNWATCHED } from '../shared/jobs';
import { PaperMetaSchema } from '../shared/protocol';
import { mergeRules, type Rules, rulesAdded } from '../shared/rules';
import { explainRules } from '../shared/rules-schema';
import type { ImportResult } from '../shared/transfer-types';

export { buildExportFile } from '../db/export-file';

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
/** Where a backup's rules go: the user's settings (storage.local). */
export interface RuleStore {
  load: () => Promise<Rules>;
  save: (rules: Rules) => Promise<void>;
}

export async function importText(
  db: PaperQueueDB,
  text: string,
  now: number,
  options: { skipInvalid?: boolean; job?: Job; rules?: RuleStore } = {},
): Promise<{ kind: ImportResult['kind']; outcome: ImportOutcome }> {
  const job = options.job ?? UNWATCHED;
  job.report('Reading the file', 0, 0);
  const read = readImport(text, now);
  if (!read.ok) throw new ImportError(read.error);
  job.check();
  if (read.kind === 'backup') {
    const parsed = parseBackup(read.text);
    if (!parsed.ok) throw new ImportError(`Nothing was imported. ${parsed.error}`);
    // The backup's rules join yours; checked before anything is written, so rules that
    // would not fit together refuse the whole import and change nothing.
    const incoming = parsed.value.rules;
    const store = options.rules;
    const before = incoming && store ? await store.load() : null;
    const merged = before && incoming ? mergeRules(before, incoming) : null;
    const problem = merged ? explainRules(merged) : null;
    if (problem) {
      throw new ImportError(
        `Nothing was imported: the backup's rules and yours together do not fit (${problem}).`,
      );
    }
    job.check();
    const outcome = await importBackup(db, parsed.value, now, job);
    if (before && merged && store) {
      const added = rulesAdded(before, merged);
      if (added > 0) await store.save(merged);
      outcome.report = { ...outcome.report, rulesAdded: added };
    }
    return { kind: 'backup', outcome };
  }
  const { list } = read;
  if (list.skipped > 0 && !options.skipInvalid) {
    throw new ImportError(`Nothing was imported. ${describeSkipped(list)}`);
  }
  // Each import snapshots the present first, in its own transaction (db/transfer.ts).
  const outcome =
    read.kind === 'list'
      ? await importIds(
          db,
          list.papers.map((p) => p.id),
          now,
          job,
        )
      : await importPapers(db, list.papers.map(checkedMeta), now, job);
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
