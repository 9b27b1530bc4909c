/** The user's settings, kept current while the page is open (another page may change them). */
import { useEffect, useState } from 'preact/hooks';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  onSettingsChanged,
  type Settings,
} from '../../shared/settings';

export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    const stop = new AbortController();
    onSettingsChanged(setSettings, stop.signal);
    loadSettings().then((loaded) => {
      if (!stop.signal.aborted) setSettings(loaded);
    });
    return () => stop.abort();
  }, []);
  return settings;
}
