// Guards the architecture's rules (docs/ARCHITECTURE.md): the content script never touches
// the database (its IndexedDB would be huggingface.co's), knowledge of the sites' pages lives
// in src/site/ only, and src has no import circles.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}
const ALL = sourceFiles(SRC);

/** Relative imports that load code at run time (`import type` loads nothing). */
const valueImports = (source: string) =>
  [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] as string);

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (ALL.includes(candidate)) return candidate;
  }
  return null;
}

/** Every file the content script's entry loads, directly or through others. */
function contentScriptFiles(): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImports(readFileSync(file, 'utf8'))) {
      const next = resolveImport(file, spec);
      if (next) visit(next);
    }
  };
  visit(join(SRC, 'content/index.ts'));
  return seen;
}

describe('the content script', () => {
  const files = [...contentScriptFiles()];

  it('loads the site module and the shared rules, never the database', () => {
    const names = files.map((f) => relative(SRC, f));
    expect(names).toContain('site/huggingface/page.ts');
    expect(names.filter((n) => n.startsWith('db/'))).toEqual([]);
  });

  it.each(files.map((f) => [relative(SRC, f), f]))(
    '%s imports neither Dexie nor the validators',
    (_name, file) => {
      const source = readFileSync(file, 'utf8');
      const imports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map(
        (m) => m[1],
      );
      for (const path of imports) {
        expect(path).not.toMatch(/^dexie|\/db(\/|$)|^valibot|\/shared\/protocol$/);
      }
    },
  );
});

/** Code without its comments: prose may mention anything. */
const code = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** What only src/site/ may name: the site's tags, paths, islands, fields and API. */
const SITE_KNOWLEDGE =
  /SVELTE_HYDRATER|data-props|data-target|dailyPapers|ai_summary|['"`]h[13]\b|\bh3 >|closest\(['"`]article|getElementsByTagName\(['"`]article|\/papers\/|\/api\/papers|citation_|arxiv\.org\/(abs|pdf|list)/;

describe('site knowledge', () => {
  const outside = ALL.filter((f) => !relative(SRC, f).startsWith('site/'));

  it.each(outside.map((f) => [relative(SRC, f), f]))('%s names none of it', (_name, file) => {
    expect(code(readFileSync(file, 'utf8'))).not.toMatch(SITE_KNOWLEDGE);
  });

  it('is really found by the check (the site module itself is full of it)', () => {
    const site = ALL.filter((f) => relative(SRC, f).startsWith('site/'));
    expect(site.some((f) => SITE_KNOWLEDGE.test(code(readFileSync(f, 'utf8'))))).toBe(true);
  });
});

describe('imports', () => {
  it('form no circle in src (value imports; `import type` loads nothing)', () => {
    const edges = new Map(
      ALL.map((file) => [
        file,
        valueImports(readFileSync(file, 'utf8'))
          .map((spec) => resolveImport(file, spec))
          .filter((f): f is string => f !== null),
      ]),
    );
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      path.push(file);
      for (const next of edges.get(file) ?? []) {
        if (state.get(next) === 'open') {
          circles.push(
            path
              .slice(path.indexOf(next))
              .map((f) => relative(SRC, f))
              .join(' → '),
          );
        } else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of ALL) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });
});

// Every schema migration keeps a copy of the data as it was (docs/ARCHITECTURE.md).
describe('the database schema', () => {
  it('starts every .upgrade() with a migration snapshot', () => {
    const source = readFileSync(join(SRC, 'db/database.ts'), 'utf8');
    // Calls only (a line starting with `.upgrade(`), not mentions in comments.
    const upgrades = source.split(/\n\s*\.upgrade\(/).slice(1);
    expect(upgrades.length).toBeGreaterThan(0);
    for (const body of upgrades) {
      expect(body.slice(0, 120)).toMatch(
        /^async \(tx\) => \{\s+await snapshotBeforeUpgrade\(tx\);/,
      );
    }
  });
});
