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
