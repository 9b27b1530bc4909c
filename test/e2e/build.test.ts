// The built Chrome extension: what it asks for, what ships in the content script (and that
// the test hooks only ship in the test build), and that Chromium loads it without a warning.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionDiagnostics } from '../support/chrome-extensions-page.mjs';
import { launchWithExtension } from '../support/launch-chromium.mjs';
import { useSession } from '../support/use-session';

const DIST = join(__dirname, '../../dist');
const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));

describe('dist/manifest.json', () => {
  it('asks for huggingface.co only at install; arXiv and alphaXiv only when turned on', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual([
      'storage',
      'unlimitedStorage',
      'downloads',
      'scripting',
      'activeTab',
      'sidePanel',
    ]);
    expect(manifest.host_permissions).toEqual(['https://huggingface.co/*']);
    expect(manifest.optional_host_permissions).toEqual([
      'https://arxiv.org/*',
      'https://www.alphaxiv.org/*',
      'https://alphaxiv.org/*',
    ]);
    expect(manifest.content_scripts).toEqual([
      expect.objectContaining({ matches: ['https://huggingface.co/papers*'] }),
    ]);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('ships a self-contained content script with no database or validator code', () => {
    const files = manifest.content_scripts.flatMap((c: { js: string[] }) => c.js);
    expect(files).toHaveLength(1);
    const code = readFileSync(join(DIST, files[0]), 'utf8');
    expect(code).not.toMatch(/indexedDB|Dexie|valibot|safeParse/);
    expect(code).not.toMatch(/^\s*import[\s{(]/m);
  });

  it('keeps everything inside the package: no remote scripts', () => {
    const assets = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    for (const file of assets) {
      expect(readFileSync(join(DIST, 'assets', file), 'utf8')).not.toMatch(
        /import\(\s*["']https?:/,
      );
    }
  });
});

describe('the test hooks (src/content/diagnostics.ts)', () => {
  const TEST_BUILD = join(__dirname, '../../dist-test');
  const STATS = 'data-paper-queue-stats';
  const contentScript = (dir: string) => {
    const built = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    return readFileSync(join(dir, built.content_scripts[0].js[0]), 'utf8');
  };
  const files = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort();

  it.each(['dist', 'dist-firefox'])('are compiled out of %s: no stats attribute', (dir) => {
    expect(contentScript(join(__dirname, '../..', dir))).not.toContain(STATS);
  });

  it('are in the test build (dist-test/, npm run build:test)', () => {
    expect(contentScript(TEST_BUILD)).toContain(STATS);
  });

  it('are all that differs: every other file of dist-test/ is the one in dist/', () => {
    expect(files(TEST_BUILD)).toEqual(files(DIST));
    const differing = files(DIST).filter(
      (file) => !readFileSync(join(DIST, file)).equals(readFileSync(join(TEST_BUILD, file))),
    );
    expect(differing).toEqual(manifest.content_scripts[0].js);
  });
});

describe('Chromium loading dist/ unpacked', () => {
  const session = useSession(() => launchWithExtension());

  it('reports no manifest warning and no runtime error', async () => {
    const diagnostics = await extensionDiagnostics(session.context, 'Paper Queue');
    expect(diagnostics).toEqual({ installWarnings: [], manifestErrors: [], runtimeErrors: [] });
  });
});
