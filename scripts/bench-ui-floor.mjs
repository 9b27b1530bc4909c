// The page-load floor of showing our controls at all: what any extension that put the same
// controls on the same page would cost the page, however little script it ran.
//
// The floor page is the finished page itself: a listing our content script decorated (first
// visit), serialized with its shadow roots as declarative shadow DOM, so the parser builds
// every control host, the listing bar and the toast with no script at all. It is loaded with
// an extension whose content script is empty and which injects the same page.css at
// document_start: the browser's own price of a content script world and its stylesheet, plus
// the style, layout and paint of the controls. What our extension costs above that floor is
// its script; the floor's own overhead over the bare page is what no script could remove.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the floor page of a listing path is served (the empty extension matches only this). */
export const UI_FLOOR_PREFIX = '/__bench__/ui-floor';
/**
 * Where the same empty content script runs without page.css (BENCH_FLOOR_SPLIT: the bare page
 * served here and under UI_FLOOR_PREFIX splits the floor into the content script world, the
 * stylesheet, and the controls).
 */
export const SCRIPT_ONLY_PREFIX = '/__bench__/script-only';

/**
 * An unpacked MV3 extension: an empty content script and `pageCss` at document_start (under
 * SCRIPT_ONLY_PREFIX, the script alone).
 */
export function writeFloorExtension(pageCss) {
  const dir = mkdtempSync(join(tmpdir(), 'paper-queue-ui-floor-'));
  copyFileSync(pageCss, join(dir, 'page.css'));
  writeFileSync(join(dir, 'empty.js'), '// The floor runs no script of its own.\n');
  const manifest = {
    manifest_version: 3,
    name: 'Paper Queue bench floor',
    version: '1.0',
    content_scripts: [
      {
        matches: [`https://huggingface.co${UI_FLOOR_PREFIX}/*`],
        js: ['empty.js'],
        css: ['page.css'],
        run_at: 'document_start',
      },
      {
        matches: [`https://huggingface.co${SCRIPT_ONLY_PREFIX}/*`],
        js: ['empty.js'],
        run_at: 'document_start',
      },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/**
 * The page open in `page`, as HTML the parser turns back into the same tree: its open shadow
 * roots (ours) as `<template shadowrootmode>`, its root element's attributes (the mode) kept.
 */
export function serializeFinishedPage(page) {
  return page.evaluate(() => {
    const roots = [];
    for (const element of document.querySelectorAll('*')) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
    const quote = (value) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
    const attributes = [...document.documentElement.attributes]
      .map((attribute) => ` ${attribute.name}="${quote(attribute.value)}"`)
      .join('');
    const inner = document.documentElement.getHTML({ shadowRoots: roots });
    return { html: `<!doctype html><html${attributes}>${inner}</html>`, shadowRoots: roots.length };
  });
}
