/** The settings as form controls. Presentational: values in, changes out. */
import type { HideMode, Settings } from '../shared/settings';

interface Props {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}

const HIDE_MODES: [HideMode, string][] = [
  ['show', 'Show them as they are'],
  ['dim', 'Dim them'],
  ['hide', 'Hide them'],
];

export function SettingsForm({ settings, onChange }: Props) {
  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Papers you have read, on Daily Papers</legend>
        {HIDE_MODES.map(([mode, label]) => (
          <label key={mode}>
            <input
              type="radio"
              name="hideMode"
              value={mode}
              checked={settings.hideMode === mode}
              onChange={() => onChange({ hideMode: mode })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={settings.keyboard}
          onChange={(e) => onChange({ keyboard: e.currentTarget.checked })}
        />
        Keyboard shortcuts (on Daily Papers and in the queue)
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.markReadOnOpen}
          onChange={(e) => onChange({ markReadOnOpen: e.currentTarget.checked })}
        />
        Mark a paper read when I open it
      </label>
    </form>
  );
}
