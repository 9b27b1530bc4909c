// @vitest-environment happy-dom
// page.css is plain CSS injected by the manifest, so nothing but this test ties its selectors
// to the attribute and part names the content script sets.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import source from '../../manifest.json';
import { BROWSERS, manifestFor } from '../../scripts/manifest-for';
import {
  createControlHost,
  HOST_ATTRIBUTE,
  PARTS,
  renderControls,
  SLOT_ATTRIBUTE,
} from '../../src/content/controls';
import {
  BAR_SLOT_ATTRIBUTE,
  FOCUS_ATTRIBUTE,
  HIGHLIGHT_ATTRIBUTE,
  JUST_NOW,
  MODE_ATTRIBUTE,
  MUTED_ATTRIBUTE,
  PENDING_ATTRIBUTE,
  READ_ATTRIBUTE,
  SEEN_ATTRIBUTE,
  SHOW_MUTED_ATTRIBUTE,
} from '../../src/content/read-filter';
import { UI_ATTRIBUTE } from '../../src/content/shadow-host';
import { DARK_MODE_CLASS } from '../../src/site/huggingface/selectors';

const PAGE_CSS = 'src/content/page.css';
const css = readFileSync(PAGE_CSS, 'utf8');

describe('page.css', () => {
  it('keeps exactly the controls’ height as their room, so inserting them moves nothing', () => {
    const height = /--pq-controls-height:\s*(\d+)px/.exec(css)?.[1];
    expect(Number(height)).toBeGreaterThan(0);
    expect(css).toMatch(/\[data-paper-queue-id\] \{[^}]*min-height: var\(--pq-controls-height\)/);
    expect(css).toMatch(/::after \{[^}]*height: var\(--pq-controls-height\)/);
  });

  it('is injected with the content script in both browsers', () => {
    for (const browser of BROWSERS) {
      const manifest = manifestFor(source, browser) as typeof source;
      expect(manifest.content_scripts[0]?.css).toEqual([PAGE_CSS]);
    }
  });

  it.each([
    `[${HOST_ATTRIBUTE}] {`,
    `html.${DARK_MODE_CLASS} [${HOST_ATTRIBUTE}] {`,
    `html.${DARK_MODE_CLASS} [${UI_ATTRIBUTE}] {`,
    `[${HOST_ATTRIBUTE}]::part(${PARTS.button}) {`,
    `[${HOST_ATTRIBUTE}]::part(${PARTS.on('save')}) {`,
    `[${HOST_ATTRIBUTE}]::part(${PARTS.on('read')}) {`,
    `[${HOST_ATTRIBUTE}]::part(${PARTS.error}) {`,
    `html[${MODE_ATTRIBUTE}="hide"] [${READ_ATTRIBUTE}=""] {`,
    `html[${MODE_ATTRIBUTE}="hide"] [${READ_ATTRIBUTE}="${JUST_NOW}"] {`,
    `html[${MODE_ATTRIBUTE}="dim"] [${READ_ATTRIBUTE}] {`,
    `[${FOCUS_ATTRIBUTE}] {`,
    `[${SLOT_ATTRIBUTE}]::after {`,
    `[${BAR_SLOT_ATTRIBUTE}] {`,
    `[${UI_ATTRIBUTE}="bar"] {`,
    `[${PENDING_ATTRIBUTE}] {`,
    `html[${MODE_ATTRIBUTE}="hide-seen"] [${READ_ATTRIBUTE}=""] {`,
    `html[${MODE_ATTRIBUTE}="hide-seen"] [${SEEN_ATTRIBUTE}] {`,
    `html:not([${SHOW_MUTED_ATTRIBUTE}]) [${MUTED_ATTRIBUTE}=""] {`,
    `html[${SHOW_MUTED_ATTRIBUTE}] [${MUTED_ATTRIBUTE}]::after {`,
    `[${HIGHLIGHT_ATTRIBUTE}] {`,
    `[${HOST_ATTRIBUTE}]::part(${PARTS.new}) {`,
    `[${HOST_ATTRIBUTE}]::part(${PARTS.ruleSlot}) {`,
    `[${HOST_ATTRIBUTE}]::part(highlighted) {`,
  ])('styles %s', (selector) => {
    // A selector may stand alone or in a list of selectors sharing one rule.
    const escaped = selector.replace(/ \{$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(css).toMatch(new RegExp(`${escaped}\\s*[,{]`));
  });
});

describe('the parts a control host shows', () => {
  const parts = (host: HTMLElement) =>
    [...(host.shadowRoot?.querySelectorAll('[part]') ?? [])].map((el) => el.getAttribute('part'));

  it('names a pressed button by its mark, and an error only while there is one', () => {
    const host = createControlHost(document, '2401.00001');
    expect(parts(host)).toEqual([PARTS.button, PARTS.button]);
    renderControls(host, { saved: true, read: false });
    expect(parts(host)).toEqual([`${PARTS.button} ${PARTS.on('save')}`, PARTS.button]);
    renderControls(host, { saved: false, read: true }, 'Storage is full');
    expect(parts(host)).toEqual([PARTS.button, `${PARTS.button} ${PARTS.on('read')}`, PARTS.error]);
    expect(host.shadowRoot?.querySelector('[role="alert"]')?.textContent).toBe('Storage is full');
    renderControls(host, { saved: false, read: true });
    expect(parts(host)).toEqual([PARTS.button, `${PARTS.button} ${PARTS.on('read')}`]);
  });

  it('shows New and a rule’s reason after the buttons only while there are some', () => {
    const host = createControlHost(document, '2401.00002');
    const unread = { saved: false, read: false };
    renderControls(host, unread, '', {
      isNew: true,
      rule: 'Highlighted: word “agents”',
      effect: 'highlighted',
    });
    expect(parts(host)).toEqual([
      PARTS.button,
      PARTS.button,
      PARTS.new,
      PARTS.ruleSlot,
      PARTS.rule('highlighted'),
    ]);
    const reason = host.shadowRoot?.querySelector(`[part="${PARTS.rule('highlighted')}"]`);
    expect(reason?.textContent).toBe('★ Highlighted: word “agents”');
    expect(reason?.getAttribute('title')).toContain('Highlighted: word “agents”');
    renderControls(host, unread, '', { isNew: false, rule: 'Muted: word “x”', effect: 'muted' });
    expect(parts(host)).toEqual([PARTS.button, PARTS.button, PARTS.ruleSlot, PARTS.rule('muted')]);
    renderControls(host, unread);
    expect(parts(host)).toEqual([PARTS.button, PARTS.button]);
  });
});
