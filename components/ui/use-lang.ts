import { useEffect, useState } from 'preact/hooks';
import { pickLang, type Lang } from '../../utils/i18n/messages';
import { loadSettings, type SettingsArea } from '../../utils/settings';

/**
 * The interface language of an extension page: the browser's at first, then the settings' once they
 * are read; set on the document so that screen readers speak it right. The setter lets a page switch
 * (the report's language menu). The world comes in: `area` is where the settings are kept,
 * `uiLanguage` the browser's language (`browser.i18n.getUILanguage()`).
 */
export function useLang(area: SettingsArea, uiLanguage: string): readonly [Lang, (lang: Lang) => void] {
  const [lang, setLang] = useState<Lang>(pickLang('auto', uiLanguage));
  useEffect(() => {
    void loadSettings(area).then((s) => setLang(pickLang(s.language, uiLanguage)));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return [lang, setLang];
}
