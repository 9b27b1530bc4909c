// The import parsers, one format at a time: on Paper Queue's own exports (made here by the
// project's exporters) and on hand-made samples modelled on Zotero, Better BibTeX and Google
// Scholar (test/fixtures/README.md says what they are). Pure functions, no database.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListRead } from '../../src/shared/backup/list-read';
import { latexToText, readBibtex, splitNames } from '../../src/shared/backup/parse-bibtex';
import { readCslJson } from '../../src/shared/backup/parse-csl-json';
import { readCsv } from '../../src/shared/backup/parse-csv';
import { readMarkdown } from '../../src/shared/backup/parse-markdown';
import { readRis } from '../../src/shared/backup/parse-ris';
import { detectFormat, readImport } from '../../src/shared/backup/read-import';
import { decodeImportFile, notTextReason } from '../../src/shared/backup/sniff';
import type { ExportEntry } from '../../src/shared/export/entry';
import { renderEntries } from '../../src/shared/export/render';
import { idFromValue, idsInText, issuedPaperId } from '../../src/site/paper-links';
import { FIXTURES } from '../support/huggingface-routes.mjs';

const NOW = Date.UTC(2026, 10, 25, 12);
const sample = (name: string) => readFileSync(join(FIXTURES, 'import', name), 'utf8');
const ids = (list: ListRead) => list.papers.map((p) => p.id);

/** Papers as the exporters get them: a hostile title and note, a paper never seen, read ones. */
const ENTRIES: ExportEntry[] = [
  {
    id: '2407.21783',
    title: 'The Llama 3 Herd of Models',
    authors: ['Abhimanyu Dubey', 'Abhinav Jauhri', 'Meta AI, Team', 'Ahmad Al-Dahle'],
    publishedAt: '2024-07-31T17:54:27.000Z',
    savedAt: Date.UTC(2026, 0, 2, 10),
    readAt: Date.UTC(2026, 0, 3, 9),
    tags: ['llm', 'to_cite'],
    note: 'Quotes " and \\ and {braces} $x$ 100% #1 ~ ^\n- a dash line\n1. a number line\n=SUM(A1)',
  },
  {
    id: '2407.21705',
    title: 'Tora: [Trajectory]-oriented *Diffusion* Transformer & {Video} Generation_2 \\ ~ ^',
    authors: ['Zhenghao Zhang', 'Iker García-Ferrero', 'Jean-Luc d’Orléans'],
    publishedAt: '2024-07-31T15:53:20.000Z',
    savedAt: Date.UTC(2026, 0, 1),
    readAt: 0,
    tags: [],
    note: '',
  },
  {
    // Saved from a plain list and never seen: the exporters write the id as its title.
    id: '2407.21770',
    title: '2407.21770',
    authors: [],
    savedAt: Date.UTC(2025, 11, 31),
    readAt: 0,
    tags: ['later'],
    note: '@mention =1+1\n- [ ] not a task\n@misc{not,\nTY  - JOUR',
  },
];

describe('telling the format from the text', () => {
  it.each([
    ['markdown', 'markdown'],
    ['bibtex', 'bibtex'],
    ['ris', 'ris'],
    ['csl-json', 'csl-json'],
    ['csv', 'csv'],
  ] as const)('reads the %s export as %s', (format, kind) => {
    expect(detectFormat(renderEntries(format, ENTRIES))).toBe(kind);
  });

  it.each([
    ['{"format": "paper-queue-backup"}', 'backup'],
    ['  [\n\t{"id": "x"}]', 'csl-json'],
    ['[]', 'csl-json'],
    ['["2407.21783"]', 'csl-json'],
    ['[Llama](https://arxiv.org/abs/2407.21783)\n', 'list'],
    ['- [Llama](https://arxiv.org/abs/2407.21783)\n', 'markdown'],
    ['% Encoding: UTF-8\n\n@Article{key,\n  eprint = {2407.21783}\n}', 'bibtex'],
    ['\nTY  - JOUR\nER  - \n', 'ris'],
    ['Title;Arxiv ID\nLlama;2407.21783\n', 'csv'],
    ['2407.21783\nhttps://huggingface.co/papers/2407.21770', 'list'],
    ['id\n2407.21783', 'list'],
  ])('%j is %s', (text, kind) => {
    expect(detectFormat(text)).toBe(kind);
  });
});

describe('finding the arXiv id', () => {
  it('accepts only ids arXiv could have issued', () => {
    expect(issuedPaperId('2407.21783v3')).toBe('2407.21783');
    expect(issuedPaperId('1412.6980')).toBe('1412.6980'); // four digits until 2014
    expect(issuedPaperId('hep-th/9901001')).toBe('hep-th/9901001');
    // A five-digit id cut short, four-digit ids after 2014, five before 2015, no month 13,
    // nothing before April 2007.
    for (const bad of ['2407.2178', '1501.1234', '1412.69801', '2413.12345', '0612.1234']) {
      expect(issuedPaperId(bad)).toBeNull();
    }
  });

  it('reads ids, links and DOIs as Zotero and others write them', () => {
    for (const value of [
      'arXiv:2407.21783',
      'http://arxiv.org/abs/2407.21783',
      'https://arxiv.org/pdf/2407.21783v2.pdf',
      'https://export.arxiv.org/abs/2407.21783v2',
      'https://arxiv.org/html/2407.21783v1/',
      'https://huggingface.co/papers/2407.21783',
      '10.48550/arXiv.2407.21783',
      '10.48550/ARXIV.2407.21783',
      'https://doi.org/10.48550/arXiv.2407.21783',
      '<https://arxiv.org/abs/2407.21783>',
    ]) {
      expect(idFromValue(value), value).toBe('2407.21783');
    }
    for (const value of [
      '10.1111/j.1365-2966.2011.19851.x',
      'https://example.com/abs/2407.21783',
    ]) {
      expect(idFromValue(value), value).toBeNull();
    }
  });

  it('finds ids mentioned in free text, whole ids only', () => {
    expect(idsInText('arXiv:2407.21783 [cs.CL]')).toEqual(['2407.21783']);
    expect(idsInText('arXiv preprint arXiv:1706.03762')).toEqual(['1706.03762']);
    expect(idsInText('See arXiv:2407.21783. Also https://arxiv.org/abs/2407.21770.')).toEqual([
      '2407.21770',
      '2407.21783',
    ]);
    expect(idsInText('arXiv:2407.217831 and arXiv:2407.2178')).toEqual([]);
  });
});

describe('BibTeX', () => {
  it("reads Zotero's export, skipping the book without an arXiv id", () => {
    const list = readBibtex(sample('zotero-style.bib'), NOW);
    expect(ids(list)).toEqual(['2407.21783', '2407.21530', '1107.4612']);
    expect(list.papers[0]).toEqual({
      id: '2407.21783',
      title: 'The Llama 3 Herd of Models',
      authors: [
        'Abhimanyu Dubey',
        'Abhinav Jauhri',
        'Abhinav Pandey',
        'Abhishek Kadian',
        'Ahmad Al-Dahle',
      ],
    });
    expect(list.papers[1]?.authors).toContain('Iker García-Ferrero');
    expect(list.papers[2]?.authors?.[0]).toBe("D. T. O'Dea");
    expect(list.skipped).toBe(1);
    expect(list.problems).toEqual(['entry 3 (key goodfellow_deep_2016, line 30): no arXiv id']);
  });

  it("reads Better BibTeX's eprint fields and biblatex dates", () => {
    const list = readBibtex(sample('better-bibtex-style.bib'), NOW);
    expect(list.papers).toEqual([
      expect.objectContaining({
        id: '2407.21705',
        title: 'Tora: Trajectory-oriented Diffusion Transformer for Video Generation',
        publishedAt: '2024-07-31T00:00:00.000Z',
      }),
      expect.objectContaining({
        id: '2407.21686',
        title: 'Expressive Whole-Body 3D Gaussian Avatar',
      }),
    ]);
    expect(list.skipped).toBe(0);
  });

  it("reads Google Scholar's `journal={arXiv preprint arXiv:…}` and drops `and others`", () => {
    const list = readBibtex(sample('google-scholar-style.bib'), NOW);
    expect(ids(list)).toEqual(['2407.21783']);
    expect(list.papers[0]?.authors).toHaveLength(10);
    expect(list.problems).toEqual(['entry 2 (key vaswani2017attention, line 8): no arXiv id']);
  });

  it('reads back what Paper Queue exports: ids, titles and names with LaTeX specials', () => {
    const list = readBibtex(renderEntries('bibtex', ENTRIES), NOW);
    expect(list.skipped).toBe(0);
    expect(list.papers).toEqual([
      {
        id: '2407.21783',
        title: 'The Llama 3 Herd of Models',
        authors: ['Abhimanyu Dubey', 'Abhinav Jauhri', 'Meta AI, Team', 'Ahmad Al-Dahle'],
      },
      { id: '2407.21705', title: ENTRIES[1]?.title, authors: ENTRIES[1]?.authors },
      { id: '2407.21770' }, // its "title" was the id
    ]);
  });

  it('turns LaTeX into text and names into "Given Family"', () => {
    expect(
      latexToText('{\\"O}sterreich {\\c{C}}a\\~no \\v{S}koda na\\"\\i ve \\ss{} \\L{}ukasz'),
    ).toBe('Österreich Çaño Škoda naïve ß Łukasz');
    expect(latexToText('\\emph{Deep} --- $\\pi_0$ 50\\% \\textbackslash{}x')).toBe(
      'Deep --- $\\pi_0$ 50% \\x',
    );
    expect(
      splitNames('von Neumann, Jr., John and {Google DeepMind} and Smith, Jane and others'),
    ).toEqual(['John von Neumann Jr.', 'Google DeepMind', 'Jane Smith']);
  });

  it('skips an entry cut off at the end, and keeps the complete ones before it', () => {
    const text = renderEntries('bibtex', ENTRIES);
    const cut = text.slice(0, text.indexOf('2407.21770') + 6);
    const list = readBibtex(cut, NOW);
    expect(ids(list)).toEqual(['2407.21783', '2407.21705']);
    expect(list.problems).toEqual([
      expect.stringMatching(
        /^entry 3 \(key anon20242407, line \d+\): cut off before its closing brace$/,
      ),
    ]);
  });

  it('never gives an entry that lost its closing brace the next entry’s fields', () => {
    const text =
      '@misc{a,\n  title = {{First}},\n  eprint = {2407.21783\n@misc{b,\n  title = {{Second}},\n  eprint = {2407.21770},\n}\n';
    const list = readBibtex(text, NOW);
    expect(list.papers).toEqual([{ id: '2407.21770', title: 'Second' }]);
    expect(list.problems).toEqual([
      'entry 1 (key a, line 1): cannot be read at line 4 (the next entry starts before this one ends)',
    ]);
  });

  it('skips entries naming two papers, and eprints of another archive', () => {
    const text = [
      '@misc{two, eprint = {2407.21783}, url = {https://arxiv.org/abs/2407.21770}}',
      '@article{pubmed, eprint = {12345678}, eprinttype = {pubmed}, doi = {10.1000/x}}',
      '@string{arx = "arXiv:"}',
      '@comment{ignored @misc{not, eprint = {2407.21772}} }',
      '@misc{macro, number = arx # "2407.21646"}',
    ].join('\n');
    const list = readBibtex(text, NOW);
    expect(ids(list)).toEqual(['2407.21646']);
    expect(list.problems).toEqual([
      'entry 1 (key two, line 1): names more than one paper (2407.21783, 2407.21770)',
      'entry 2 (key pubmed, line 2): no arXiv id',
    ]);
  });
});

describe('RIS', () => {
  it("reads Zotero's export (CRLF, versioned links), skipping the book", () => {
    const list = readRis(sample('zotero-style.ris'), NOW);
    expect(ids(list)).toEqual(['2407.21783', '2407.21772', '1107.4612']);
    expect(list.papers[0]).toEqual({
      id: '2407.21783',
      title: 'The Llama 3 Herd of Models',
      authors: [
        'Abhimanyu Dubey',
        'Abhinav Jauhri',
        'Abhinav Pandey',
        'Abhishek Kadian',
        'Ahmad Al-Dahle',
      ],
      publishedAt: '2024-07-31T00:00:00.000Z',
    });
    expect(list.problems).toEqual(['record 3 (line 39, "Deep Learning"): no arXiv id']);
  });

  it('reads back what Paper Queue exports', () => {
    const list = readRis(renderEntries('ris', ENTRIES), NOW);
    expect(list.skipped).toBe(0);
    expect(list.papers).toEqual([
      {
        id: '2407.21783',
        title: 'The Llama 3 Herd of Models',
        authors: ['Abhimanyu Dubey', 'Abhinav Jauhri', 'Team Meta AI', 'Ahmad Al-Dahle'],
        publishedAt: '2024-07-31T00:00:00.000Z',
      },
      expect.objectContaining({ id: '2407.21705', title: ENTRIES[1]?.title }),
      { id: '2407.21770' },
    ]);
  });

  it('skips a record without its ER line, and joins wrapped lines', () => {
    const text = [
      'TY  - UNPB',
      'TI  - A title wrapped',
      '  onto two lines',
      'UR  - https://arxiv.org/abs/2407.21783',
      'TY  - UNPB',
      'UR  - https://arxiv.org/abs/2407.21770',
      'ER  - ',
      'TY  - UNPB',
      'UR  - https://arxiv.org/abs/2407.21772',
    ].join('\n');
    const list = readRis(text, NOW);
    expect(ids(list)).toEqual(['2407.21770']);
    expect(list.problems).toEqual([
      'record 1 (line 1, "A title wrapped onto two lines"): no ER line before the next record (line 5)',
      'record 3 (line 8): cut off before its ER line',
    ]);
  });
});

describe('CSL-JSON', () => {
  it("reads Zotero's export, skipping the book", () => {
    const read = readCslJson(sample('zotero-style.csl.json'), NOW);
    if (!read.ok) throw new Error(read.error);
    expect(ids(read.list)).toEqual(['2407.21783', '2407.21770']);
    expect(read.list.papers[1]).toEqual({
      id: '2407.21770',
      title: 'MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts',
      authors: ['Xi Victoria Lin', 'Akshat Shrivastava'],
      publishedAt: '2024-07-31T00:00:00.000Z',
    });
    expect(read.list.problems).toEqual(['item 3 ("Deep Learning"): no arXiv id']);
  });

  it('reads back what Paper Queue exports, and an array of ids', () => {
    const read = readCslJson(renderEntries('csl-json', ENTRIES), NOW);
    expect(read).toMatchObject({ ok: true, list: { skipped: 0 } });
    if (read.ok) {
      expect(read.list.papers[0]).toEqual({
        id: '2407.21783',
        title: 'The Llama 3 Herd of Models',
        authors: ENTRIES[0]?.authors,
        publishedAt: '2024-07-31T00:00:00.000Z',
      });
    }
    expect(
      readCslJson('["2407.21783", "https://huggingface.co/papers/2407.21770", 7]', NOW),
    ).toEqual({
      ok: true,
      list: {
        papers: [{ id: '2407.21783' }, { id: '2407.21770' }],
        skipped: 1,
        problems: ['item 3: not a CSL item'],
      },
    });
  });

  it('refuses a cut file whole', () => {
    const text = renderEntries('csl-json', ENTRIES);
    expect(readCslJson(text.slice(0, -20), NOW)).toMatchObject({
      ok: false,
      error: /^Not valid JSON \(truncated or damaged\?\)/,
    });
  });
});

describe('CSV', () => {
  it('reads back what Paper Queue exports: read state, times, tags, notes, formula guards', () => {
    const list = readCsv(renderEntries('csv', ENTRIES), NOW);
    expect(list.skipped).toBe(0);
    expect(list.papers).toEqual([
      {
        id: '2407.21783',
        read: true,
        savedAt: ENTRIES[0]?.savedAt,
        readAt: ENTRIES[0]?.readAt,
        tags: ['llm', 'to_cite'],
        note: ENTRIES[0]?.note,
        title: 'The Llama 3 Herd of Models',
        authors: ['Abhimanyu Dubey', 'Abhinav Jauhri', 'Meta AI, Team', 'Ahmad Al-Dahle'],
        publishedAt: '2024-07-31T00:00:00.000Z',
      },
      expect.objectContaining({ id: '2407.21705', read: false, title: ENTRIES[1]?.title }),
      {
        id: '2407.21770',
        read: false,
        savedAt: ENTRIES[2]?.savedAt,
        tags: ['later'],
        note: ENTRIES[2]?.note,
      },
    ]);
  });

  it('reads other tables by their id, URL or DOI column, with ; or tab between cells', () => {
    const table =
      'Title;Arxiv ID;Read\r\n"Llama; 3";2407.21783v2;yes\r\nNo id;;no\r\n;;\r\nMoMa;https://arxiv.org/abs/2407.21770;\r\n';
    const list = readCsv(table, NOW);
    expect(list.papers).toEqual([
      { id: '2407.21783', read: true, title: 'Llama; 3' },
      { id: '2407.21770', read: false, title: 'MoMa' },
    ]);
    expect(list.problems).toEqual(['line 3: no arXiv id']);
    expect(ids(readCsv('DOI\tUrl\n10.48550/arXiv.2407.21783\t\n', NOW))).toEqual(['2407.21783']);
  });

  it('skips a row cut off or misaligned, and one whose quote never closes', () => {
    const text = renderEntries('csv', ENTRIES);
    const cut = text.slice(0, text.lastIndexOf('later'));
    expect(readCsv(cut, NOW).problems).toEqual([
      expect.stringMatching(/^line 7: has 7 cells, the header 9$/),
    ]);
    const open = 'id,note\n2407.21783,"a note\nthat goes on';
    expect(readCsv(open, NOW)).toMatchObject({
      papers: [],
      problems: ['line 2: a quoted cell is never closed (cut off?)'],
    });
  });
});

describe('Markdown', () => {
  it('reads back what Paper Queue exports: [x] read, tags, the note, the date, the title', () => {
    const list = readMarkdown(renderEntries('markdown', ENTRIES), NOW);
    expect(list.skipped).toBe(0);
    expect(list.papers).toEqual([
      {
        id: '2407.21783',
        read: true,
        tags: ['llm', 'to_cite'],
        note: ENTRIES[0]?.note,
        title: 'The Llama 3 Herd of Models',
        publishedAt: '2024-07-31T00:00:00.000Z',
      },
      {
        id: '2407.21705',
        read: false,
        title: ENTRIES[1]?.title,
        publishedAt: '2024-07-31T00:00:00.000Z',
      },
      { id: '2407.21770', read: false, tags: ['later'], note: ENTRIES[2]?.note },
    ]);
  });

  it('reads a hand-written checklist and a reading list; a task without a paper is skipped', () => {
    const text = [
      '# To read',
      '',
      'Some prose that links https://arxiv.org/abs/2407.21772 but is no item.',
      '* [X] arXiv:2407.21783',
      '- [ ] Buy milk',
      '1. [Tora](https://arxiv.org/abs/2407.21705v1) — interesting',
      '- just a bullet',
      '- [ ] compare [A](https://arxiv.org/abs/2407.21770) with [B](https://huggingface.co/papers/2407.21646)',
    ].join('\n');
    const list = readMarkdown(text, NOW);
    expect(list.papers).toEqual([
      { id: '2407.21783', read: true },
      { id: '2407.21705', read: false, title: 'Tora' },
    ]);
    expect(list.problems).toEqual([
      'line 5: no arXiv id or paper link',
      'line 8: names more than one paper (2407.21770, 2407.21646)',
    ]);
  });
});

describe('a file that is not text', () => {
  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(
      parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)),
    );
  const random = Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);

  it.each([
    ['a PDF', bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n', random)],
    ['a ZIP archive', bytes('PK', [3, 4, 20, 0, 0, 0, 8, 0], random)],
    ['a PNG image', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', random)],
    ['a compressed (gzip) file', bytes([0x1f, 0x8b, 8, 0], random)],
    ['a binary file', bytes(random)],
  ])('gets one sentence naming %s, never its bytes', (kind, file) => {
    const text = decodeImportFile(file);
    const error = notTextReason(text);
    const escaped = kind.replace(/[()]/g, '\\$&');
    expect(error).toMatch(
      new RegExp(
        `^This file is not text Paper Queue can read \\(it looks like ${escaped}[^)]*\\)\\. Nothing was imported\\.$`,
      ),
    );
    expect(readImport(text)).toEqual({ ok: false, error });
  });

  it('reads UTF-16 with a byte-order mark, and an old Latin-1 file, as text', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('2407.21783\n', 'utf16le')]);
    expect(readImport(decodeImportFile(utf16))).toMatchObject({ ok: true, kind: 'list' });
    const latin1 = bytes('@misc{k, title = {Caf', [0xe9], '}, eprint = {2407.21783}}\n');
    expect(readImport(decodeImportFile(latin1))).toMatchObject({
      ok: true,
      list: { papers: [{ id: '2407.21783', title: 'Café' }] },
    });
    const bom = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...Buffer.from('TY  - UNPB\nDO  - 10.48550/arXiv.2407.21783\nER  -\n'),
    ]);
    expect(readImport(decodeImportFile(bom))).toMatchObject({ ok: true, kind: 'ris' });
  });

  it('calls a text with no format and no id what it is, without quoting it', () => {
    const essay = 'Dear diary,\nToday I read about llamas.\nThey herd.\nThe end.\n';
    const read = readImport(essay);
    expect(read).toEqual({
      ok: false,
      error: expect.stringMatching(/^Nothing was imported: this is not a format Paper Queue reads/),
    });
    expect(JSON.stringify(read)).not.toContain('diary');
    // A short paste with a typo still says which line, so it can be fixed.
    expect(readImport('2407.2178')).toEqual({
      ok: false,
      error: 'Nothing was imported. line 1: not an arXiv id or paper link: "2407.2178"',
    });
  });
});
