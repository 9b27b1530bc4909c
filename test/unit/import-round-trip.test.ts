// Every export format imports back: export N papers with the background's own code, import
// the file into an empty profile, and the same N papers are saved, read where the format
// carries it (Markdown's [x], CSV's read_at), with their tags and notes where it carries them
// (Markdown, CSV) and their titles and authors where it carries them. And how an import
// merges into papers the user already has.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExportFile, importText } from '../../src/background/transfer';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { applyIntents, recordSeen } from '../../src/db/marks';
import { importPapers } from '../../src/db/transfer';
import { parseBackup } from '../../src/shared/backup/parse-backup';
import type { ExportFormat } from '../../src/shared/export/formats';
import { markPaper } from '../support/decisions';
import { LISTING_2024, readProps } from '../support/fixtures';

const SAVED_AT = Date.UTC(2026, 0, 10);
const EXPORTED_AT = Date.UTC(2026, 1, 1);
const IMPORTED_AT = Date.UTC(2026, 2, 1);

const listing = readProps(LISTING_2024).dailyPapers.map(({ paper }) => {
  const p = paper as typeof paper & { publishedAt: string };
  return {
    id: p.id,
    title: p.title,
    authors: p.authors.filter((a) => !a.hidden).map((a) => a.name),
    publishedAt: p.publishedAt,
  };
});

let source: PaperQueueDB;
let target: PaperQueueDB;
beforeEach(async () => {
  source = openDatabase(`round-trip-source-${crypto.randomUUID()}`);
  target = openDatabase(`round-trip-target-${crypto.randomUUID()}`);
  // All 13 papers of the listing seen; 11 saved (every third read, two tagged, one with a
  // hostile note), one read but never saved (not in the "saved" export), and one saved
  // from a list that was never seen (its files carry the id as its title).
  await recordSeen(source, listing, 1000);
  for (const [i, { id }] of listing.slice(0, 11).entries()) {
    await markPaper(source, { id, saved: true, read: i % 3 === 0 }, SAVED_AT + i * 1000);
  }
  const annotated = {
    tags: ['llm', 'to_cite'],
    note: 'Quotes " and \\ {braces} $x$ 100%\n- dash line\n=HYPERLINK("x") </script> עברית',
  };
  await applyIntents(source, { [listing[1]?.id as string]: annotated }, SAVED_AT, SAVED_AT);
  await applyIntents(
    source,
    { [listing[4]?.id as string]: { tags: ['safety'] } },
    SAVED_AT,
    SAVED_AT,
  );
  await markPaper(source, { id: listing[12]?.id as string, read: true }, SAVED_AT);
  await markPaper(source, { id: '2401.00001', saved: true }, SAVED_AT);
});
afterEach(async () => {
  await source.delete();
  await target.delete();
});

const SAVED_IDS = () => [...listing.slice(0, 11).map((p) => p.id), '2401.00001'].sort();

async function savedInTarget() {
  return (await target.marks.where('savedAt').above(0).toArray()).sort((a, b) =>
    a.id < b.id ? -1 : 1,
  );
}

const CARRIES_READ: ExportFormat[] = ['markdown', 'csv', 'json'];
const CARRIES_ANNOTATIONS: ExportFormat[] = ['markdown', 'csv', 'json'];
const CARRIES_AUTHORS: ExportFormat[] = ['bibtex', 'ris', 'csl-json', 'csv', 'json'];

describe.each(['markdown', 'bibtex', 'ris', 'csl-json', 'csv', 'json'] as const)(
  'a %s export imported into an empty profile',
  (format) => {
    it('saves the same papers, with what the format carries', async () => {
      const file = await buildExportFile(source, { kind: 'saved' }, format, EXPORTED_AT);
      expect(file.count).toBe(12);
      const { kind, outcome } = await importText(target, file.text, IMPORTED_AT);
      expect(kind).toBe(format === 'json' ? 'backup' : format);
      expect(outcome.report).toEqual({ added: 12, updated: 0, unchanged: 0 });

      const saved = await savedInTarget();
      expect(saved.map((m) => m.id)).toEqual(SAVED_IDS());
      const original = new Map((await source.marks.toArray()).map((m) => [m.id, m]));
      for (const mark of saved) {
        const was = original.get(mark.id);
        if (!was) throw new Error(`not in the source: ${mark.id}`);
        expect(mark.readAt > 0, `read state of ${mark.id}`).toBe(
          CARRIES_READ.includes(format) ? was.readAt > 0 : false,
        );
        if (CARRIES_ANNOTATIONS.includes(format)) {
          expect(mark.tags, mark.id).toEqual(was.tags);
          expect(mark.note, mark.id).toEqual(was.note);
        } else {
          expect([mark.tags, mark.note]).toEqual([[], '']);
        }
        // CSV and the backup carry when it was saved and read; the others are saved now.
        if (format === 'csv' || format === 'json') {
          expect([mark.savedAt, mark.readAt]).toEqual([was.savedAt, was.readAt]);
        } else {
          expect(mark.savedAt).toBe(IMPORTED_AT);
        }
      }

      // The paper shows its title (and, where carried, its authors) before it is ever seen.
      for (const paper of listing.slice(0, 11)) {
        const stored = await target.papers.get(paper.id);
        // The backup is lossless; the other formats write titles on one line.
        const title = format === 'json' ? paper.title : paper.title.replace(/\s+/g, ' ').trim();
        expect(stored?.title, paper.id).toBe(title);
        if (CARRIES_AUTHORS.includes(format))
          expect(stored?.authors, paper.id).toEqual(paper.authors);
      }
      // The paper never seen had only its id as a title: no record is made up for it.
      if (format !== 'json') expect(await target.papers.get('2401.00001')).toBeUndefined();

      // Importing the same file again changes nothing.
      const again = await importText(target, file.text, IMPORTED_AT + 1000);
      expect(again.outcome.report).toMatchObject({ added: 0, updated: 0, unchanged: 12 });
      expect(again.outcome.changed).toEqual({});

      // What an import stored is still a valid backup (it fits the protocol's limits).
      const backup = await buildExportFile(target, { kind: 'everything' }, 'json', IMPORTED_AT);
      expect(parseBackup(backup.text).ok).toBe(true);
    });
  },
);

describe('importing into papers the user already has', () => {
  const [a, b, c, d] = listing.map((p) => p.id) as [string, string, string, string];

  beforeEach(async () => {
    await recordSeen(
      target,
      [
        { id: a, title: 'Seen on the site' },
        { id: b, title: 'B', authors: ['B B'] },
      ],
      500,
    );
    await markPaper(target, { id: a, saved: true }, 1000); // saved, unread
    await markPaper(target, { id: b, saved: true, read: true }, 1000); // saved, read
    await applyIntents(target, { [b]: { tags: ['mine'], note: 'my own note' } }, 1000, 1000);
  });

  it('an [x] marks a saved unread paper read now; an [ ] never marks a read one unread', async () => {
    const text = `- [x] [A](https://huggingface.co/papers/${a})\n- [ ] [B](https://huggingface.co/papers/${b})\n`;
    const untouched = await target.marks.get(b);
    const { outcome } = await importText(target, text, IMPORTED_AT);
    expect(outcome.report).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect(outcome.changed).toEqual({ [a]: { saved: true, read: true, v: IMPORTED_AT } });
    expect(await target.marks.get(a)).toMatchObject({
      savedAt: 1000,
      readAt: IMPORTED_AT,
      updatedAt: IMPORTED_AT,
    });
    expect(await target.marks.get(b)).toEqual(untouched);
  });

  it("adds the file's tags, fills an empty note, keeps the user's note and the site's title", async () => {
    const outcome = await importPapers(
      target,
      [
        {
          id: a,
          tags: ['imported'],
          note: 'from the file',
          title: 'From the file',
          authors: ['X Y'],
        },
        { id: b, tags: ['imported', 'mine'], note: 'from the file' },
        {
          id: c,
          read: true,
          title: 'New paper',
          authors: ['A B'],
          publishedAt: '2024-07-31T00:00:00.000Z',
        },
      ],
      IMPORTED_AT,
    );
    expect(outcome.report).toEqual({ added: 1, updated: 2, unchanged: 0 });
    expect(outcome.savedIds).toEqual([c]);
    expect(await target.marks.get(a)).toMatchObject({ tags: ['imported'], note: 'from the file' });
    expect(await target.marks.get(b)).toMatchObject({
      tags: ['mine', 'imported'],
      note: 'my own note',
    });
    expect(await target.marks.get(c)).toMatchObject({ savedAt: IMPORTED_AT, readAt: IMPORTED_AT });
    expect(await target.papers.get(a)).toMatchObject({
      title: 'Seen on the site',
      authors: ['X Y'],
    });
    // A paper never seen gets a record that counts as never seen: the site's data wins later.
    expect(await target.papers.get(c)).toEqual({
      id: c,
      title: 'New paper',
      authors: ['A B'],
      publishedAt: '2024-07-31T00:00:00.000Z',
      firstSeenAt: 0,
      lastSeenAt: 0,
    });
    await recordSeen(target, [{ id: c, title: 'Title on the site' }], IMPORTED_AT + 1);
    expect(await target.papers.get(c)).toMatchObject({
      title: 'Title on the site',
      authors: ['A B'],
    });
    expect(await target.papers.get(d)).toBeUndefined();
  });
});
