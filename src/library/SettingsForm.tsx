/** The settings as form controls. Presentational: values in, changes out. */
import { useEffect, useId, useState } from 'preact/hooks';
import { type HideMode, SEEN_AFTER_LIMITS, type Settings } from '../shared/settings';
import { RulesForm } from './RulesForm';

interface Props {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}

const HIDE_MODES: [HideMode, string][] = [
  ['show', 'Show them as they are'],
  ['dim', 'Dim them'],
  ['hide', 'Hide them'],
  ['hide-seen', 'Hide them, and papers seen before'],
];

export function SettingsForm({ settings, onChange }: Props) {
  // Hide seen is only offered with auto-seen on (without it, it hides what Hide does).
  const modes = HIDE_MODES.filter(([mode]) => mode !== 'hide-seen' || settings.autoSeen);
  const shownMode =
    settings.hideMode === 'hide-seen' && !settings.autoSeen ? 'hide' : settings.hideMode;
  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Papers you have read, on Daily Papers</legend>
        {modes.map(([mode, label]) => (
          <label key={mode}>
            <input
              type="radio"
              name="hideMode"
              value={mode}
              checked={shownMode === mode}
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
      <SeenSettings settings={settings} onChange={onChange} />
      <RulesForm rules={settings.rules} onChange={(rules) => onChange({ rules })} />
    </form>
  );
}

/** "New since your last visit" and auto-seen. */
function SeenSettings({ settings, onChange }: Props) {
  const secondsId = useId();
  const [seconds, setSeconds] = useState(String(settings.seenAfterSeconds));
  const [error, setError] = useState('');
  useEffect(() => setSeconds(String(settings.seenAfterSeconds)), [settings.seenAfterSeconds]);
  const { min, max } = SEEN_AFTER_LIMITS;
  return (
    <fieldset>
      <legend>Seen papers, on Daily Papers</legend>
      <p class="muted hint">
        Papers you did not see in an earlier visit get a “New” mark (n goes to the next one).
        Without auto-seen, a paper counts as seen when it was on a listing you opened. Seeing a
        paper never marks it read.
      </p>
      <label>
        <input
          type="checkbox"
          checked={settings.autoSeen}
          onChange={(e) => onChange({ autoSeen: e.currentTarget.checked })}
        />
        Auto-seen: count a paper as seen only once it stayed in view
      </label>
      <div class="rule-field">
        <label for={secondsId}>Seconds in view</label>
        <input
          id={secondsId}
          type="number"
          step={1}
          min={min}
          max={max}
          disabled={!settings.autoSeen}
          value={seconds}
          aria-invalid={error ? true : undefined}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setSeconds(text);
            const n = Number(text);
            if (!Number.isInteger(n) || n < min || n > max) {
              setError(
                `Seconds in view is a whole number from ${min} to ${max}. Nothing was saved.`,
              );
              return;
            }
            setError('');
            onChange({ seenAfterSeconds: n });
          }}
        />
        {error && (
          <span class="error" role="alert">
            {error}
          </span>
        )}
      </div>
    </fieldset>
  );
}
