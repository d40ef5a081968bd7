import { classifyPage } from './page-type';
import { urlFacts } from './page-facts';
import type { NavType, Page } from '../schema/page';
import { addIgnored } from '../friction/benign';

/**
 * The journey from the browser's own navigation events. A page joins the visit when the browser
 * commits its document, whether or not its recorder ever starts; when the recorder's own page
 * arrives, it takes that page's place. Pure: the background feeds it events and stored pages.
 */

/** A document committed in a tab's top frame (`webNavigation.onCommitted`). */
export interface Commit {
  tabId: number;
  url: string;
  /** The browser's commit time (epoch ms). */
  at: number;
  transitionType?: string;
  transitionQualifiers?: readonly string[];
}

/** A recorder's page starts at its navigation's start, which comes before the commit by the server's answer time at most this. */
const BEFORE_COMMIT_MS = 30_000;
/** …and a restore from the back-forward cache starts just after its commit. */
const AFTER_COMMIT_MS = 5_000;
/** A page on screen less than this with no recording was left before its recorder could start. */
export const LEFT_EARLY_MS = 5_000;

const sameDocument = (a: string, b: string) => a.split('#')[0] === b.split('#')[0];

/** How the navigation came about, in the recorder's words. */
export function navTypeOfCommit(commit: Pick<Commit, 'transitionType' | 'transitionQualifiers'>): NavType {
  if (commit.transitionQualifiers?.includes('forward_back')) return 'back_forward';
  if (commit.transitionType === 'reload') return 'reload';
  return 'navigate';
}

/**
 * The id of the page a commit makes: the same event, delivered twice, makes the same page. The time
 * is written in base 36: a 13-digit run in a stored string looks like a card number to a privacy scan.
 */
export function commitPageId(commit: Pick<Commit, 'tabId' | 'at'>): string {
  return `nav-${commit.tabId}-${Math.round(commit.at).toString(36)}`;
}

/** A page known from its commit alone: typed from its address, waiting for its recording. */
export function pageFromCommit(visitId: string, commit: Commit): Page {
  const guess = classifyPage(urlFacts(commit.url));
  const at = Math.round(commit.at);
  return {
    id: commitPageId(commit),
    visitId,
    tabId: commit.tabId,
    url: commit.url,
    title: '',
    startedAt: at,
    committedAt: at,
    navType: navTypeOfCommit(commit),
    vitals: {},
    autoType: guess.type,
    autoTypeReasons: guess.reasons.slice(0, 20),
    typedFromUrl: true,
    source: 'navigation',
    unrecorded: 'waiting',
  };
}

const isNavigationPage = (p: Page) => p.source === 'navigation';
const near = (recordedStart: number, committedAt: number) =>
  committedAt >= recordedStart - AFTER_COMMIT_MS && committedAt <= recordedStart + BEFORE_COMMIT_MS;

/**
 * The recorder's page that already stands for this commit (the recorder spoke first), if any: a page
 * of the same tab and document, from a document load, not yet tied to a commit, started near it.
 */
export function recordedPageFor(pages: readonly Page[], commit: Commit): Page | undefined {
  return pages
    .filter(
      (p) =>
        p.tabId === commit.tabId &&
        !isNavigationPage(p) &&
        p.committedAt === undefined &&
        p.navType !== 'route-change' &&
        sameDocument(p.url, commit.url) &&
        near(p.startedAt, commit.at),
    )
    .sort((a, b) => Math.abs(a.startedAt - commit.at) - Math.abs(b.startedAt - commit.at))[0];
}

/** The page a commit made that this recorder's page stands for, if any (the closest in time). */
export function commitPageFor(pages: readonly Page[], recorded: Page): Page | undefined {
  if (recorded.navType === 'route-change') return undefined;
  return pages
    .filter(
      (p) =>
        p.tabId === recorded.tabId &&
        p.id !== recorded.id &&
        isNavigationPage(p) &&
        sameDocument(p.url, recorded.url) &&
        near(recorded.startedAt, p.committedAt ?? p.startedAt),
    )
    .sort((a, b) => Math.abs(a.startedAt - recorded.startedAt) - Math.abs(b.startedAt - recorded.startedAt))[0];
}

/**
 * The recorder's page takes the place of the page its commit made: the recorder's measures, the
 * commit's time, and what the evaluator set on the page meanwhile (a type correction). A page that
 * ended meanwhile keeps that end.
 */
export function absorb(commitPage: Page, recorded: Page): Page {
  const endedAt = recorded.endedAt ?? commitPage.endedAt;
  // Until the recorder has read the document, the type its address gives stands.
  const typed = recorded.autoTypeReasons.length > 0 || recorded.autoType !== 'other';
  // Requests set aside as benign while the commit's page stood in (the browser's own favicon request
  // comes early) stay counted.
  const ignored = addIgnored(commitPage.ignoredSignals ?? {}, recorded.ignoredSignals ?? {});
  return {
    ...recorded,
    ...(typed ? {} : { autoType: commitPage.autoType, autoTypeReasons: commitPage.autoTypeReasons, typedFromUrl: true }),
    committedAt: commitPage.committedAt ?? commitPage.startedAt,
    ...(recorded.typeOverride ?? commitPage.typeOverride ? { typeOverride: recorded.typeOverride ?? commitPage.typeOverride } : {}),
    ...(endedAt !== undefined ? { endedAt } : {}),
    ...(Object.keys(ignored).length > 0 ? { ignoredSignals: ignored } : {}),
  };
}

/** Why an ended page has no recording: left before it could start, or on screen and still nothing. */
export function settleUnrecorded(page: Page): Page {
  if (page.unrecorded !== 'waiting' || page.endedAt === undefined) return page;
  return { ...page, unrecorded: page.endedAt - page.startedAt < LEFT_EARLY_MS ? 'left-early' : 'no-recorder' };
}

/** The page's recording is stored: it is a recorded page from now on. */
export function markRecorded(page: Page): Page {
  if (page.unrecorded === undefined) return page;
  const { unrecorded: _, ...rest } = page;
  return rest;
}

/** Whether a page's address is one the visit records (its origins' match patterns, `scheme://host/*`). */
export function inOrigins(url: string, patterns: readonly string[]): boolean {
  try {
    const u = new URL(url);
    return patterns.some((p) => p === `${u.protocol}//${u.hostname}/*`);
  } catch {
    return false;
  }
}
