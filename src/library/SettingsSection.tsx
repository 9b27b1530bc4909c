/** Settings, read from and saved to storage.local; every open page hears the change. */
import { useState } from 'preact/hooks';
import { type Settings, saveSettings } from '../shared/settings';
import { useSettings } from '../ui/queue/use-settings';
import { SettingsForm } from './SettingsForm';

export function SettingsSection() {
  const settings = useSettings();
  const [error, setError] = useState('');
  const change = (patch: Partial<Settings>) => {
    setError('');
    saveSettings(patch).catch((e: unknown) => setError(String(e)));
  };
  return (
    <section id="settings" class="panel" aria-labelledby="settings-heading" tabIndex={-1}>
      <h2 id="settings-heading">Settings</h2>
      <SettingsForm settings={settings} onChange={change} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
