import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export interface TabInfo {
  id: number;
  url?: string;
  title?: string;
}

/**
 * The tab the panel drives: `?tabId=N` when given (tests, scripts), else the active tab of the
 * panel's window, followed as the evaluator switches tabs.
 */
export function useDrivenTab(): TabInfo | undefined {
  const [tab, setTab] = useState<TabInfo>();
  useEffect(() => {
    const fixed = Number(new URLSearchParams(location.search).get('tabId'));
    const read = async () => {
      const t = Number.isInteger(fixed) && fixed > 0
        ? await browser.tabs.get(fixed).catch(() => undefined)
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      setTab(t?.id === undefined ? undefined : { id: t.id, url: t.url, title: t.title });
    };
    void read();
    const onUpdated = () => void read();
    browser.tabs.onActivated.addListener(onUpdated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onUpdated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return tab;
}
