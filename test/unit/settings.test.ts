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
      hideMode: 'dim',
      keyboard: false,
      markReadOnOpen: true,
      sync: false,
    });
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
