import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest,
      contentScripts: {
        // A self-contained IIFE: no loader, no web-accessible chunks, nothing the page can fetch.
        standaloneFiles: ['src/content/index.ts'],
        // Content-script styles live in a shadow root (imported `?inline`), never in the page.
        injectCss: false,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Pages the manifest does not name: crxjs builds them when they are inputs here.
    rollupOptions: {
      input: { library: 'src/library/index.html' },
    },
  },
  // Vite's dev server is not used for the extension; crxjs still starts one under `vite`.
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
