import { browser } from 'wxt/browser';
import type { Typed } from '../../utils/messaging/protocol';
import { PrivacyPass } from '../../utils/privacy/pass';
import { SEARCH_NAMES } from '../../utils/privacy/typed';
import { loadSettings } from '../../utils/settings';
import { db } from '../../utils/db/database';
import { findActiveVisit, getVisit, latestVisit } from '../../utils/db/repository';
import { effectivePrivacy } from '../../utils/mission/privacy';

/**
 * What the evaluator typed into the shop's fields, remembered for the whole visit — every page,
 * every tab — so that the privacy pass masks it wherever the shop puts it back. It lives in session
 * storage: in memory, never on disk, gone when the browser closes, and out of content scripts'
 * reach. It outlives the service worker, which may stop between two pages.
 */

const KEY = 'privacy/typed';
/** The most fields remembered; the oldest are forgotten first. */
const MAX_FIELDS = 500;
const MAX_VALUE_CHARS = 1000;

interface Remembered {
  /** The latest value of each field, by field key (its page and its place in the page). */
  fields: Record<string, { value: string; search: boolean }>;
}

let cache: Promise<Remembered> | undefined;
/** Bumped at each change of what is remembered: the pass built for it is kept until then. */
let version = 0;
let built: { version: number; keepSearchTerms: boolean; pass: PrivacyPass } | undefined;

function remembered(): Promise<Remembered> {
  cache ??= browser.storage.session
    .get(KEY)
    .then((got) => ({ fields: (got[KEY] as Remembered | undefined)?.fields ?? {} }))
    .catch((error: unknown) => {
      cache = undefined;
      throw error;
    });
  return cache;
}

/** Remembers the latest values of fields the evaluator typed into. */
export async function rememberTyped(message: Typed): Promise<void> {
  const now = await remembered();
  version++;
  for (const { field, value, search } of message.fields) {
    delete now.fields[field];
    if (value.trim()) now.fields[field] = { value: value.slice(0, MAX_VALUE_CHARS), search };
  }
  const keys = Object.keys(now.fields);
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_FIELDS))) delete now.fields[key];
  await browser.storage.session.set({ [KEY]: now });
}

/**
 * The search terms in a page's address (`?q=…`): a search sent from the previous page, whose own
 * message saying what was typed may not have arrived before the new document's first batch. Remembered
 * as terms typed into a search field.
 */
export async function rememberSearchIn(url: string, visitId: string): Promise<void> {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return;
  }
  const fields = [...params]
    .filter(([name, value]) => SEARCH_NAMES.test(name) && value.trim())
    .slice(0, 10)
    .map(([name, value]) => ({ field: `address:${name}:${value.slice(0, 100)}`, value, search: true }));
  if (fields.length > 0) await rememberTyped({ type: 'recorder/typed', visitId, fields });
}

/** Whether a visit's mission lets search terms be kept, by visit (a visit's mission never changes). */
const missionKeeps = new Map<string, boolean>();

/** Whether the mission of visit `visitId` allows keeping search terms (a visit without mission: yes; an unknown one: no). */
async function missionAllows(visitId: string): Promise<boolean> {
  const known = missionKeeps.get(visitId);
  if (known !== undefined) return known;
  const visit = await getVisit(await db(), visitId);
  if (!visit) return false;
  const allows = visit.mission ? visit.mission.privacy.keepSearchTerms : true;
  missionKeeps.set(visitId, allows);
  return allows;
}

/**
 * Whether search terms may be kept in a write: the evaluator chose to keep them, and the mission of
 * the visit the write belongs to allows it too (`effectivePrivacy`). A write that does not say its
 * visit belongs to the running visit or, late, to the one that ran last. Read each time: the
 * evaluator's setting may change; a visit's mission is read once.
 */
async function keepsSearchTerms(visitId?: string): Promise<boolean> {
  const settings = await loadSettings(browser.storage.local);
  if (!settings.keepSearchTerms) return false;
  if (visitId !== undefined) return missionAllows(visitId);
  const d = await db();
  const visit = (await findActiveVisit(d)) ?? (await latestVisit(d));
  return visit?.mission ? effectivePrivacy(visit.mission, settings).keepSearchTerms : true;
}

/**
 * The privacy pass as it stands now: every value typed in this browser session, but terms typed
 * into search fields when the evaluator and the visit's mission chose to keep them (identifiers in
 * them are masked still).
 */
export async function privacyPass(visitId?: string): Promise<PrivacyPass> {
  const [{ fields }, keepSearchTerms] = await Promise.all([remembered(), keepsSearchTerms(visitId)]);
  // Every write of the visit asks for it: its matcher is built again only when something changed.
  if (built?.version !== version || built.keepSearchTerms !== keepSearchTerms) {
    const { values, searchTerms } = split(fields, keepSearchTerms);
    built = { version, keepSearchTerms, pass: new PrivacyPass(values, searchTerms) };
  }
  return built.pass;
}

/**
 * The values the evaluator typed, as the privacy pass masks them: search terms apart (masked whole
 * only), and none of them when search terms are kept (the evaluator's choice and the mission's).
 */
export async function typedValues(visitId?: string): Promise<{ values: string[]; searchTerms: string[] }> {
  const [{ fields }, keepSearchTerms] = await Promise.all([remembered(), keepsSearchTerms(visitId)]);
  return split(fields, keepSearchTerms);
}

function split(fields: Remembered['fields'], keepSearchTerms: boolean): { values: string[]; searchTerms: string[] } {
  const all = Object.values(fields);
  return {
    values: all.filter((f) => !f.search).map((f) => f.value),
    searchTerms: keepSearchTerms ? [] : all.filter((f) => f.search).map((f) => f.value),
  };
}

/** Forgets the cache (tests; a worker that starts again reads session storage anew). */
export function forgetTypedCache(): void {
  cache = undefined;
  missionKeeps.clear();
  built = undefined;
}
