// Guards the architecture's one hard rule: the content script never touches the database.
// Its IndexedDB would be huggingface.co's, not the extension's (see docs/ARCHITECTURE.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CONTENT = join(__dirname, '../../src/content');
const files = readdirSync(CONTENT).filter((f) => /\.tsx?$/.test(f));
const valueImports = (source: string) =>
  [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);

describe('the content script', () => {
  it.each(files)('%s imports neither Dexie, the database layer nor the validators', (file) => {
    const imports = valueImports(readFileSync(join(CONTENT, file), 'utf8'));
    for (const path of imports) {
      expect(path).not.toMatch(/^dexie|\/db(\/|$)|^valibot|\/shared\/protocol$/);
    }
  });
});

// Every schema migration keeps a copy of the data as it was (docs/ARCHITECTURE.md).
describe('the database schema', () => {
  it('starts every .upgrade() with a migration snapshot', () => {
    const source = readFileSync(join(__dirname, '../../src/db/database.ts'), 'utf8');
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
