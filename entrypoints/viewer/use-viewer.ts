import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { listImported, viewerDb, type ImportedEntry } from '../../utils/db/viewer-database';
import { pickLang, type Lang } from '../../utils/i18n/messages';
import { viewerMessages } from '../../utils/i18n/viewer-messages';
import { loadSettings } from '../../utils/settings';

/** The interface language (the settings', else the browser's), applied to the document. */
export function useLang(): Lang {
  const [lang, setLang] = useState<Lang>(pickLang('auto', browser.i18n.getUILanguage()));
  useEffect(() => {
    void loadSettings(browser.storage.local).then((s) => setLang(pickLang(s.language, browser.i18n.getUILanguage())));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = viewerMessages(lang).pageTitle;
  }, [lang]);
  return lang;
}

export interface Imports {
  /** Undefined until read (so the list is never shown empty by mistake). */
  visits: ImportedEntry[] | undefined;
  failed: boolean;
  reload: () => Promise<void>;
}

/** The imported visits, newest first, read again on demand after each change. */
export function useImports(): Imports {
  const [visits, setVisits] = useState<ImportedEntry[]>();
  const [failed, setFailed] = useState(false);
  const reload = useCallback(async () => {
    try {
      setVisits(await listImported(await viewerDb()));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { visits, failed, reload };
}
