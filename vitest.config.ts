import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'unit',
          // The real polyfill refuses to load outside an extension: use an in-memory stand-in.
          alias: {
            'webextension-polyfill': new URL('test/support/fake-browser.ts', import.meta.url)
              .pathname,
          },
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/support/unit-setup.ts'],
          environmentOptions: {
            // Saved pages link the site's CSS and scripts: never load them, quietly.
            happyDOM: {
              settings: {
                disableCSSFileLoading: true,
                disableJavaScriptFileLoading: true,
                handleDisabledFileLoadingAsSuccess: true,
              },
            },
          },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One browser at a time: the machine has 2 cores and each file starts Chromium.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
