import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db } from '../../utils/db/database';
import { listPages, listVisits } from '../../utils/db/repository';
import { MESSAGES, type Lang } from '../../utils/i18n/messages';
import type { Page } from '../../utils/schema/page';
import type { Visit } from '../../utils/schema/visit';
import { REVISION_KEY, STORAGE_PROBLEM_KEY } from '../../utils/messaging/revision';
import { useRead } from './use-read';

/** Re-reads whenever the background says stored data changed. */
export function useRevision(): number {
  const [rev, setRev] = useState(0);
  useEffect(() => {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && REVISION_KEY in changes) setRev((r) => r + 1);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return rev;
}

export function useVisits(rev: number): Visit[] | undefined {
  return useRead(() => db().then(listVisits), [rev]);
}

/** A visit's pages; undefined until they are read (so a list is never shown empty by mistake). */
export function usePages(visitId: string | undefined, rev: number): Page[] | undefined {
  const loaded = useRead(visitId ? async () => ({ visitId, pages: await listPages(await db(), visitId) }) : undefined, [visitId, rev]);
  return visitId && loaded?.visitId === visitId ? loaded.pages : undefined;
}

/** A clock for elapsed times, ticking each second. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}

export const messagesFor = (lang: Lang) => MESSAGES[lang];

/** True while the background cannot write for lack of space. */
export function useStorageProblem(): boolean {
  const [problem, setProblem] = useState(false);
  useEffect(() => {
    const read = () => void browser.storage.session.get(STORAGE_PROBLEM_KEY).then((r) => setProblem(Boolean(r[STORAGE_PROBLEM_KEY])));
    read();
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && STORAGE_PROBLEM_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return problem;
}
