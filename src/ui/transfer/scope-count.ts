/**
 * How many papers an export scope holds, read from the database by the page itself (a read,
 * like the queue's), so the panel can say "nothing to export" instead of downloading an empty
 * file. Mirrors what the background puts in the file (src/db/transfer.ts: saved papers for
 * queue / read / saved / a tag, every mark for "everything").
 */
import { countSaved, countSavedTagged } from '../../db/counts';
import type { PaperQueueDB } from '../../db/database';
import type { ExportScope } from '../../shared/export/formats';
import { tagLabel } from '../../shared/tags';

export async function countScope(db: PaperQueueDB, scope: ExportScope): Promise<number> {
  switch (scope.kind) {
    case 'everything':
      return db.marks.count();
    case 'saved':
      return db.marks.where('savedAt').above(0).count();
    case 'read':
      return (await countSaved(db)).savedRead;
    case 'queue': {
      const { saved, savedRead } = await countSaved(db);
      return saved - savedRead;
    }
    case 'tag':
      return countSavedTagged(db, scope.tag);
  }
}

/** Why a scope exports nothing, in words. */
export function emptyScopeText(scope: ExportScope): string {
  switch (scope.kind) {
    case 'queue':
      return 'Nothing to export: no saved paper is waiting to be read.';
    case 'read':
      return 'Nothing to export: no saved paper is marked read yet.';
    case 'saved':
      return 'Nothing to export: you have no saved papers yet.';
    case 'everything':
      return 'Nothing to export: there are no marks to back up yet.';
    case 'tag':
      return `Nothing to export: no saved paper has the tag ${tagLabel(scope.tag)}.`;
  }
}
