// Damaged exports of every list-like format: cut anywhere, garbled in up to 6 places, or
// replaced by arbitrary text. The readers never throw, never import an id the file did not
// hold, and a cut file never gives a paper another paper's title or a read state it did not
// have; an entry cut before its end (BibTeX, RIS) is skipped. Through the router, a damaged
// file imports only papers of the original, or nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage, type RouterContext } from '../../../src/background/router';
import { openDatabase, type PaperQueueDB } from '../../../src/db/database';
import { readImport } from '../../../src/shared/backup/read-import';
import { type ExportEntry, oneLine } from '../../../src/shared/export/entry';
import { renderEntries } from '../../../src/shared/export/render';
import { LISTING_2024, readProps } from '../../support/fixtures';

const RUNS = 300;
const FORMATS = ['markdown', 'bibtex', 'ris', 'csl-json', 'csv'] as const;

const entries: ExportEntry[] = readProps(LISTING_2024).dailyPapers.map(({ paper }, i) => {
  const p = paper as typeof paper & { publishedAt: string };
  return {
    id: p.id,
    title: p.title,
    authors: p.authors.map((a) => a.name),
    publishedAt: p.publishedAt,
    savedAt: Date.UTC(2026, 0, 1 + i),
    readAt: i % 3 === 0 ? Date.UTC(2026, 1, 1 + i) : 0,
    tags: i % 4 === 0 ? ['llm', `t${i}`] : [],
    note: i % 5 === 0 ? `Note ${i} with "quotes", {braces} and\n- a second line` : '',
  };
});
const byId = new Map(entries.map((e) => [e.id, e]));
const texts = Object.fromEntries([
  ...FORMATS.map((format) => [format, renderEntries(format, entries)]),
  ['list', entries.map((e) => `https://huggingface.co/papers/${e.id}`).join('\n')],
]) as Record<(typeof FORMATS)[number] | 'list', string>;
const KINDS = [...FORMATS, 'list'] as const;

/** What a read may hold: ids of the original, their own titles, read only if it was read. */
function checkRead(text: string, options: { cut: boolean }) {
  const read = readImport(text);
  if (!read.ok || read.kind === 'backup') return read;
  for (const paper of read.list.papers) {
    const original = byId.get(paper.id);
    expect(original, `an id the file did not hold: ${paper.id}`).toBeDefined();
    if (!options.cut || !original) continue;
    if (paper.title !== undefined) expect(paper.title).toBe(oneLine(original.title));
    if (paper.read) expect(original.readAt).toBeGreaterThan(0);
  }
  return read;
}

/** The ids of BibTeX entries / RIS records whose end lies before the cut. */
function completeBefore(text: string, end: RegExp, cut: number): string[] {
  const complete: string[] = [];
  let from = 0;
  for (const entry of entries) {
    end.lastIndex = from;
    const match = end.exec(text);
    if (!match || match.index + match[0].length > cut) break;
    complete.push(entry.id);
    from = match.index + match[0].length;
  }
  return complete;
}

describe.each(KINDS)('a damaged %s file', (kind) => {
  const text = texts[kind];

  it(`never throws, never imports an id it did not hold, when cut anywhere (${RUNS} cuts)`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length }), (cut) => {
        const read = checkRead(text.slice(0, cut), { cut: true });
        if (kind !== 'bibtex' && kind !== 'ris') return;
        // An entry is imported only when the file reaches its end.
        const end = kind === 'bibtex' ? /\n\}/g : /ER {2}-/g;
        const found = read.ok && read.kind !== 'backup' ? read.list.papers.map((p) => p.id) : [];
        expect(found).toEqual(completeBefore(text, end, cut));
      }),
      { numRuns: RUNS, seed: 20 },
    );
  });

  it(`never throws, never imports an id it did not hold, when garbled (${RUNS} runs)`, () => {
    const edit = fc.record({
      at: fc.nat(),
      how: fc.constantFrom('delete', 'insert', 'replace'),
      // No digits: an edit inside an id must not be able to make another real id.
      char: fc.constantFrom(
        ...'{}[]"\',;:\\\n\r\t@=#%-()<>/. xv'.split(''),
        '\u0000',
        '\uFFFD',
        'TY  - ',
        '@misc{',
        '- [x] ',
        'ER  -\n',
      ),
    });
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let garbled = text;
        for (const { at, how, char } of edits) {
          const i = at % (garbled.length + 1);
          const rest = garbled.slice(how === 'insert' ? i : i + 1);
          garbled = garbled.slice(0, i) + (how === 'delete' ? '' : char) + rest;
        }
        if (checkRead(garbled, { cut: false }).ok) accepted++;
      }),
      { numRuns: RUNS, seed: 20 },
    );
    // Line by line formats still offer the good entries of most damaged files; CSL-JSON is
    // JSON, refused whole wherever the damage breaks the syntax.
    if (kind !== 'csl-json') expect(accepted).toBeGreaterThan(RUNS / 2);
    console.info(`import property: ${RUNS} garbled ${kind} files, ${accepted} still read`);
  });
});

describe('arbitrary text', () => {
  it(`never throws, whatever format it starts like (${RUNS * 2} texts)`, () => {
    const start = fc.constantFrom(
      '',
      '{',
      '[',
      '[{"URL": ',
      '@misc{k,',
      'TY  - UNPB\n',
      '- [x] ',
      'id,url\n',
      'Title;DOI\n"',
      '%PDF-',
    );
    fc.assert(
      fc.property(start, fc.string({ maxLength: 400, unit: 'binary' }), (head, tail) => {
        const read = readImport(head + tail);
        expect(typeof read.ok).toBe('boolean');
        if (!read.ok) expect(read.error).toMatch(/\S/);
      }),
      { numRuns: RUNS * 2, seed: 20 },
    );
  });
});

describe('through the router', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const fromPopup = { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` };
  let db: PaperQueueDB;
  const ctx: RouterContext = {
    db: () => db,
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    announce: async () => {},
  };
  beforeAll(() => {
    db = openDatabase(`import-formats-property-${crypto.randomUUID()}`);
  });
  afterAll(() => db.delete());

  it('a cut file, imported with skipInvalid, saves only papers of the original (100 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...KINDS),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (kind, where) => {
          await db.marks.clear();
          await db.papers.clear();
          const text = texts[kind].slice(0, Math.floor(where * texts[kind].length));
          const reply = await handleMessage(
            { type: 'transfer.import', text, skipInvalid: true },
            fromPopup,
            ctx,
          );
          const marks = await db.marks.toArray();
          if (!reply.ok) expect(marks).toEqual([]);
          for (const mark of marks) {
            const original = byId.get(mark.id);
            expect(original).toBeDefined();
            expect(mark.savedAt).toBeGreaterThan(0);
            if (mark.readAt > 0) expect(original?.readAt).toBeGreaterThan(0);
          }
          for (const paper of await db.papers.toArray()) {
            expect(paper.title).toBe(oneLine(byId.get(paper.id)?.title ?? ''));
          }
        },
      ),
      { numRuns: 100, seed: 20 },
    );
  });
});
