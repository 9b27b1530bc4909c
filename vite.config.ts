import { readdir, readFile } from 'node:fs/promises';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { manifestFor, type TargetBrowser } from './scripts/manifest-for.ts';

/** Where each browser's build goes; `vite build --mode firefox` selects Firefox. */
export const OUT_DIRS: Record<TargetBrowser, string> = { chrome: 'dist', firefox: 'dist-firefox' };

/**
 * `vite build --mode test`: the Chrome build with the test hooks compiled in (the counters of
 * src/content/diagnostics.ts), for the end-to-end tests and the benchmark that read them.
 */
export const TEST_OUT_DIR = 'dist-test';

/**
 * The sites' stylesheets (`src/site/<site>/*.css`, named by src/site/optional-sites.ts), copied
 * to the same path in the build: no manifest names them, since the background registers them
 * with the content script only once the user grants the site (src/background/site-scripts.ts).
 */
function siteStylesheets(): Plugin {
  return {
    name: 'paper-queue:site-stylesheets',
    apply: 'build',
    async generateBundle() {
      const files = await readdir('src/site', { recursive: true });
      for (const file of files.filter((name) => name.endsWith('.css')).sort()) {
        const fileName = `src/site/${file.replaceAll('\\', '/')}`;
        this.emitFile({ type: 'asset', fileName, source: await readFile(fileName, 'utf8') });
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  const testHooks = mode === 'test';
  return {
    // Replaced at build time, so in dist/ and dist-firefox/ the hooks are dead code, removed.
    define: { __PAPER_QUEUE_TEST_HOOKS__: JSON.stringify(testHooks) },
    plugins: [
      preact(),
      siteStylesheets(),
      crx({
        // manifest.json holds both browsers' keys; this build gets only its own. Plain JSON
        // has no crxjs type: test/unit/manifest.test.ts and the build tests check the result.
        manifest: manifestFor(manifest, browser) as unknown as ManifestV3Export,
        browser,
        contentScripts: {
          // A self-contained IIFE: no loader, no web-accessible chunks, nothing the page can fetch.
          standaloneFiles: ['src/content/index.ts'],
          // Content-script styles live in a shadow root (imported `?inline`), never in the page.
          injectCss: false,
        },
      }),
    ],
    build: {
      outDir: testHooks ? TEST_OUT_DIR : OUT_DIRS[browser],
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // Pages crxjs does not find in the manifest: the library (no key names it) and the side
      // panel (Firefox's `sidebar_action.default_panel`; Chrome's `side_panel` it knows).
      rollupOptions: {
        input: { library: 'src/library/index.html', sidepanel: 'src/sidepanel/index.html' },
      },
    },
    // Vite's dev server is not used for the extension; crxjs still starts one under `vite`.
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
