// The built Chrome extension: what it asks for, what ships in the content script, and that
// Chromium loads it without a warning.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionDiagnostics } from '../support/chrome-extensions-page.mjs';
import { launchWithExtension } from '../support/launch-chromium.mjs';
import { useSession } from '../support/use-session';

const DIST = join(__dirname, '../../dist');
const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));

describe('dist/manifest.json', () => {
  it('asks for storage and downloads only, and for huggingface.co only', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'downloads']);
    expect(manifest.host_permissions).toEqual(['https://huggingface.co/*']);
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

describe('Chromium loading dist/ unpacked', () => {
  const session = useSession(() => launchWithExtension());

  it('reports no manifest warning and no runtime error', async () => {
    const diagnostics = await extensionDiagnostics(session.context, 'Paper Queue');
    expect(diagnostics).toEqual({ installWarnings: [], manifestErrors: [], runtimeErrors: [] });
  });
});
