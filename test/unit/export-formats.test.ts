// Every exporter on real papers from the saved listing (hand-checked expected output) and on
// hostile strings.
import { describe, expect, it } from 'vitest';
import { baseKey, citationKeys, escapeLatex, toBibtex } from '../../src/shared/export/bibtex';
import { toCslJson } from '../../src/shared/export/csl-json';
import { csvCell, toCsv } from '../../src/shared/export/csv';
import type { ExportEntry } from '../../src/shared/export/entry';
import { exportFileName } from '../../src/shared/export/formats';
import { toMarkdown } from '../../src/shared/export/markdown';
import { toRis } from '../../src/shared/export/ris';
import { LISTING_2024, readProps } from '../support/fixtures';

const SAVED = Date.UTC(2024, 7, 2, 9, 30);
const READ = Date.UTC(2024, 7, 3, 10, 0);

/** A paper from the saved 2024-08-01 listing, as the export reads it. */
function fromListing(id: string, extra: Partial<ExportEntry> = {}): ExportEntry {
  const item = readProps(LISTING_2024).dailyPapers.find((d) => d.paper.id === id);
  if (!item) throw new Error(`${id} is not in the fixture`);
  const paper = item.paper as typeof item.paper & { publishedAt: string };
  return {
    id,
    title: paper.title,
    authors: paper.authors.filter((a) => !a.hidden).map((a) => a.name),
    publishedAt: paper.publishedAt,
    savedAt: SAVED,
    readAt: 0,
    tags: [],
    note: '',
    ...extra,
  };
}

const llama = () => fromListing('2407.21783', { tags: ['llm'], note: 'Read section 3 first.' });
const small = () => fromListing('2407.21686', { readAt: READ });

const HOSTILE: ExportEntry = {
  id: '2501.00001',
  title: 'Quotes "x", {braces}, back\\slash, 100% $5 & #1 a_b ~ ^, commas\nnew line </script>',
  authors: ['=HYPERLINK("http://evil","x")', 'Ann, Jr.', 'Tom and Jerry', 'עִבְרִית ‏RTL‎'],
  publishedAt: '2025-01-01T00:00:00.000Z',
  savedAt: SAVED,
  readAt: 0,
  tags: ['-cmd', '@sum'],
  note: '+1\r\n=2\nline [link](javascript:alert(1)) <b>',
};

describe('markdown', () => {
  it('writes a checklist with links, authors, date, tags and note', () => {
    const text = toMarkdown([llama(), small()]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Paper Queue');
    expect(lines[2]).toBe(
      '- [ ] [The Llama 3 Herd of Models](https://huggingface.co/papers/2407.21783) ([arXiv:2407.21783](https://arxiv.org/abs/2407.21783))',
    );
    expect(lines[3]).toBe(
      '  Abhimanyu Dubey, Abhinav Jauhri, Abhinav Pandey, Abhishek Kadian, Ahmad Al-Dahle, Aiesha Letman, Akhil Mathur, Alan Schelten, Amy Yang, Angela Fan, et al. · 2024-07-31',
    );
    expect(lines[4]).toBe('  Tags: llm');
    expect(lines[5]).toBe('  > Read section 3 first.');
    expect(lines[6]).toBe(
      '- [x] [Expressive Whole-Body 3D Gaussian Avatar](https://huggingface.co/papers/2407.21686) ([arXiv:2407.21686](https://arxiv.org/abs/2407.21686))',
    );
    expect(lines[7]).toBe('  Gyeongsik Moon, Takaaki Shiratori, Shunsuke Saito · 2024-07-31');
  });

  it('cannot be made to add links, HTML or list items', () => {
    const text = toMarkdown([HOSTILE]);
    expect(text).not.toContain('</script>');
    expect(text).not.toContain('](javascript');
    expect(text).not.toContain('<b>');
    // The title's newline stays inside the item; the note's lines stay quoted.
    expect(text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(1);
    expect(text).toContain(
      '  > \\+1\n  > \\=2\n  > line \\[link\\]\\(javascript:alert\\(1\\)\\) \\<b\\>',
    );
    expect(text).toContain('עִבְרִית ‏RTL‎');
    expect(toMarkdown([{ ...HOSTILE, note: '1. not a list' }])).toContain('  > 1\\. not a list');
  });
});

describe('bibtex', () => {
  it('writes the @misc entry arXiv recommends', () => {
    const entry = { ...small(), tags: [], note: '' };
    expect(toBibtex([entry])).toBe(
      [
        '@misc{moon2024expressive,',
        '  title = {{Expressive Whole-Body 3D Gaussian Avatar}},',
        '  author = {Gyeongsik Moon and Takaaki Shiratori and Shunsuke Saito},',
        '  year = {2024},',
        '  eprint = {2407.21686},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/2407.21686},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keys Llama 3 as dubey2024llama and joins all 533 authors with "and"', () => {
    const text = toBibtex([llama()]);
    expect(text.startsWith('@misc{dubey2024llama,\n')).toBe(true);
    const author = /author = \{(.*)\},/.exec(text)?.[1] ?? '';
    expect(author.split(' and ')).toHaveLength(533);
    expect(author).toMatch(/^Abhimanyu Dubey and Abhinav Jauhri and /);
    expect(text).toContain('  note = {Read section 3 first.},\n  keywords = {llm},\n');
  });

  it('gives colliding keys a, b suffixes in arXiv id order, whatever the export order', () => {
    const a = { ...llama(), id: '2407.21783' };
    const b = { ...llama(), id: '2407.00001' };
    expect(baseKey(a)).toBe('dubey2024llama');
    const keys = citationKeys([a, b]);
    expect(keys.get('2407.00001')).toBe('dubey2024llamaa');
    expect(keys.get('2407.21783')).toBe('dubey2024llamab');
    expect(citationKeys([b, a])).toEqual(keys);
  });

  it('escapes LaTeX specials and braces names that BibTeX would split', () => {
    expect(escapeLatex('{a}\\$&%#_~^')).toBe(
      '\\{a\\}\\textbackslash{}\\$\\&\\%\\#\\_\\textasciitilde{}\\textasciicircum{}',
    );
    const text = toBibtex([HOSTILE]);
    expect(text).toContain(
      'title = {{Quotes "x", \\{braces\\}, back\\textbackslash{}slash, 100\\% \\$5 \\& \\#1 a\\_b \\textasciitilde{} \\textasciicircum{}, commas new line </script>}},',
    );
    expect(text).toContain('{Ann, Jr.} and {Tom and Jerry} and ');
    // Braces stay balanced, so no field can end early.
    const unescaped = text.replace(/\\[{}]/g, '');
    expect(unescaped.split('{').length).toBe(unescaped.split('}').length);
  });
});

describe('ris', () => {
  it('writes one record per paper, CRLF, one line per value', () => {
    const text = toRis([{ ...small(), tags: ['3d'], note: 'avatars' }]);
    expect(text).toBe(
      [
        'TY  - UNPB',
        'TI  - Expressive Whole-Body 3D Gaussian Avatar',
        'AU  - Gyeongsik Moon',
        'AU  - Takaaki Shiratori',
        'AU  - Shunsuke Saito',
        'PY  - 2024',
        'DA  - 2024/07/31/',
        'PB  - arXiv',
        'M1  - arXiv:2407.21686',
        'DO  - 10.48550/arXiv.2407.21686',
        'UR  - https://arxiv.org/abs/2407.21686',
        'KW  - 3d',
        'N1  - avatars',
        'ER  -',
        '',
      ].join('\r\n'),
    );
  });

  it('keeps newlines in values from starting a tag', () => {
    const text = toRis([{ ...HOSTILE, title: 'x\r\nER  - \nTY  - JOUR' }]);
    expect(text.split('\r\n').filter((l) => l.startsWith('ER'))).toHaveLength(1);
    expect(text).toContain('TI  - x ER - TY - JOUR\r\n');
  });
});

describe('csl-json', () => {
  it('writes CSL items with keys, literal names, dates, DOI and URL', () => {
    const [item] = JSON.parse(toCslJson([small()]));
    expect(item).toEqual({
      id: 'moon2024expressive',
      type: 'article',
      title: 'Expressive Whole-Body 3D Gaussian Avatar',
      author: [
        { literal: 'Gyeongsik Moon' },
        { literal: 'Takaaki Shiratori' },
        { literal: 'Shunsuke Saito' },
      ],
      issued: { 'date-parts': [[2024, 7, 31]] },
      publisher: 'arXiv',
      number: '2407.21686',
      DOI: '10.48550/arXiv.2407.21686',
      URL: 'https://arxiv.org/abs/2407.21686',
    });
  });

  it('keeps hostile strings intact as JSON data', () => {
    const [item] = JSON.parse(toCslJson([HOSTILE]));
    expect(item.author[0]).toEqual({ literal: '=HYPERLINK("http://evil","x")' });
    expect(item.note).toBe(HOSTILE.note);
    expect(item.title).toContain('</script>');
  });
});

describe('csv', () => {
  it('writes a header and one CRLF row per paper', () => {
    const text = toCsv([small()]);
    expect(text).toBe(
      'id,title,authors,published,saved_at,read_at,tags,note,url\r\n' +
        '2407.21686,Expressive Whole-Body 3D Gaussian Avatar,Gyeongsik Moon; Takaaki Shiratori; Shunsuke Saito,2024-07-31,2024-08-02T09:30:00.000Z,2024-08-03T10:00:00.000Z,,,https://arxiv.org/abs/2407.21686\r\n',
    );
  });

  it('quotes per RFC 4180 and neutralises formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    const row = toCsv([HOSTILE]).split('\r\n')[1] ?? '';
    expect(row.startsWith('2501.00001,"Quotes ""x"",')).toBe(true);
    expect(row).toContain(
      ',"\'=HYPERLINK(""http://evil"",""x""); Ann, Jr.; Tom and Jerry; עִבְרִית ‏RTL‎",',
    );
    expect(row).toContain(",'-cmd; @sum,\"'+1");
  });
});

describe('exportFileName', () => {
  it('names the scope, the local date and the extension', () => {
    const day = new Date(2026, 10, 5, 12);
    expect(exportFileName({ kind: 'queue' }, 'bibtex', day)).toBe(
      'paper-queue-queue-2026-11-05.bib',
    );
    expect(exportFileName({ kind: 'tag', tag: 'To Read/Now' }, 'csl-json', day)).toBe(
      'paper-queue-tag-to-read-now-2026-11-05.csl.json',
    );
    expect(exportFileName({ kind: 'everything' }, 'json', day)).toBe(
      'paper-queue-everything-2026-11-05.json',
    );
  });
});
