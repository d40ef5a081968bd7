import { DEFAULT_SETTINGS, settingsSchema, type Settings } from './schema/settings';

const KEY = 'settings';

/** Where the settings are kept: `browser.storage.local` in the extension, a plain object in tests. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Reads the settings; anything unreadable falls back to the defaults rather than stopping the recorder. */
export async function loadSettings(area: SettingsArea): Promise<Settings> {
  const parsed = settingsSchema.safeParse((await area.get(KEY))[KEY] ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(area: SettingsArea, settings: Settings): Promise<void> {
  await area.set({ [KEY]: settingsSchema.parse(settings) });
}
