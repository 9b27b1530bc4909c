import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/shared/settings';

describe('parseSettings', () => {
  it('fills defaults for anything missing or malformed', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('hide')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ hideMode: 'vanish', keyboard: 'yes', markReadOnOpen: 1 })).toEqual(
      DEFAULT_SETTINGS,
    );
  });

  it('keeps valid values', () => {
    expect(
      parseSettings({ hideMode: 'dim', keyboard: false, markReadOnOpen: true, sync: false }),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      hideMode: 'dim',
      keyboard: false,
      markReadOnOpen: true,
      sync: false,
    });
    expect(
      parseSettings({
        hideMode: 'hide-seen',
        autoSeen: true,
        seenAfterSeconds: 1,
        rules: { mutedWords: ['diffusion'], minUpvotes: 5 },
      }),
    ).toMatchObject({
      hideMode: 'hide-seen',
      autoSeen: true,
      seenAfterSeconds: 1,
      rules: { mutedWords: ['diffusion'], highlightedWords: [], minUpvotes: 5 },
    });
  });

  it('reads rules and auto-seen leniently: a bad value falls back, never throws', () => {
    const read = parseSettings({
      rules: { mutedWords: ['ok', ''], minUpvotes: -1 },
      seenAfterSeconds: 0,
      autoSeen: 'on',
    });
    expect(read.rules.mutedWords).toEqual(['ok']);
    expect(read.rules.minUpvotes).toBe(0);
    expect(read.seenAfterSeconds).toBe(DEFAULT_SETTINGS.seenAfterSeconds);
    expect(read.autoSeen).toBe(false);
  });
});

describe('the strict check of rules', () => {
  it('refuses a malformed rule with the field and the reason', async () => {
    const { checkRules, explainRules } = await import('../../src/shared/rules-schema');
    const { NO_RULES } = await import('../../src/shared/rules');
    expect(checkRules({ ...NO_RULES, mutedWords: ['a'] })).toEqual({
      ok: true,
      rules: { ...NO_RULES, mutedWords: ['a'] },
    });
    expect(checkRules({ ...NO_RULES, mutedWords: ['a', ''] })).toEqual({
      ok: false,
      error: 'rules.mutedWords[1]: An empty phrase ("")',
    });
    expect(checkRules({ ...NO_RULES, minUpvotes: -3 })).toEqual({
      ok: false,
      error: 'rules.minUpvotes: Negative (0 turns it off)',
    });
    const long = Array.from({ length: 240 }, (_, i) => `a-rather-long-word-${i}`);
    expect(checkRules({ ...NO_RULES, highlightedWords: long })).toEqual({
      ok: false,
      error: 'rules.highlightedWords: Longer than 4,000 characters',
    });
    expect(checkRules({ ...NO_RULES, extra: [] })).toMatchObject({ ok: false });
    expect(explainRules({ ...NO_RULES, mutedAuthors: ['  '] })).toBe(
      'Muted authors: An empty phrase ("")',
    );
    expect(explainRules(NO_RULES)).toBeNull();
  });
});

describe('saveSettings and onSettingsChanged', () => {
  it('store a patch and tell every listener the whole new settings', async () => {
    const { fakeBrowser } = await import('../support/fake-browser');
    const { loadSettings, onSettingsChanged, saveSettings } = await import(
      '../../src/shared/settings'
    );
    fakeBrowser.reset();
    const heard: unknown[] = [];
    const controller = new AbortController();
    onSettingsChanged((s) => heard.push(s), controller.signal);
    await saveSettings({ hideMode: 'dim' });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, hideMode: 'dim' });
    expect(heard).toEqual([{ ...DEFAULT_SETTINGS, hideMode: 'dim' }]);
    controller.abort();
    await saveSettings({ keyboard: false });
    expect(heard).toHaveLength(1);
  });
});
