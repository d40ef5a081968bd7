import type { Page as Tab } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunksOf, dumpDatabase, pagesOf, until, type Dump } from '../../scripts/automation/extension-data';
import { droppedTotal } from '../../utils/schema/visit';
import { openSession, type Session } from './support/session';

/** What the shop's detection page found, once it has checked `rounds` times. */
async function findings(tab: Tab, rounds: number): Promise<string[]> {
  await tab.waitForFunction((n: number) => Number(document.body.dataset.checks) >= n, { timeout: 30_000 }, rounds);
  return JSON.parse((await tab.evaluate(() => document.body.dataset.findings)) ?? '[]') as string[];
}

/**
 * A shop that looks for a recorder while it is recorded finds nothing; the same checks find tells
 * a page of the shop plants itself, so they can fire.
 */
describe('a recorded page cannot tell it is recorded (Chromium)', () => {
  let session: Session;
  let planted: string[];
  let found: string[];
  let dump: Dump;

  beforeAll(async () => {
    session = await openSession();
    const { journey, panel } = session;
    const tab = journey.page;
    // Before the visit: no recorder in the page, and a tell of each kind planted by the page itself.
    // The page listens for events our scripts might dispatch under the extension's id, as a shop that
    // knows it (from the store's listing) could.
    const ext = session.launched.extensionId;
    await journey.open(`/securite?plant=1&ext=${ext}`);
    planted = await findings(tab, 3);
    await journey.open('/');
    await panel.start();
    await journey.dismissCookies();
    await journey.open(`/securite?ext=${ext}`);
    // The page changes its route 1.5 s after load; it checks four times a second for 6 s.
    found = await findings(tab, 24);
    await panel.waitForPages(3);
    await panel.stop();
    dump = await until(() => dumpDatabase(panel.page), (d) => d.visits[0]?.status === 'ended', 'the visit to end');
  });

  afterAll(() => session?.close());

  it('finds the tells a page plants itself', () => {
    const text = planted.join('\n');
    expect(text).toContain('own property added to window: __plantedTell');
    expect(text).toContain('own symbol added to window');
    expect(text).toContain('not native: history.pushState');
    expect(text).toContain('not native: CSSStyleSheet.deleteRule');
    expect(text).toContain('attribute added to <html>');
    expect(text).toContain('a window message reached the page');
    expect(text).toContain('an extension script announced itself on the document: capture');
    expect(text).toContain("the page's own asset was fetched again by a script: /img/logo.svg");
  });

  it('finds nothing while the page is recorded, route change included', () => {
    expect(found).toEqual([]);
  });

  it('recorded the page and its route, each from a full snapshot', () => {
    const pages = pagesOf(dump, dump.visits[0]!.id).filter((p) => new URL(p.url).pathname === '/securite');
    // The route only changes the query (`?etape=2`), which no stored address keeps.
    expect(pages.map((p) => [new URL(p.url).search, p.navType])).toEqual([
      ['', 'navigate'],
      ['', 'route-change'],
    ]);
    for (const page of pages) expect(chunksOf(dump, page.id).flatMap((c) => c.events).some((e) => e.type === 2)).toBe(true);
  });
});

const CANARY = ['FORGED', 'CANARY', String(7 * 1103)].join('-');

/**
 * A page that attacks the recorder — forged window messages, the channel's own event with its
 * port, poisoned natives, floods of DOM changes and errors — as it starts and again once recorded.
 */
describe('a page cannot stop, feed or flood the recorder (Chromium)', () => {
  let session: Session;
  let dump: Dump;
  const answered: string[] = [];

  beforeAll(async () => {
    session = await openSession();
    const { journey, panel } = session;
    const tab = journey.page;
    await panel.start();
    await journey.dismissCookies();
    for (let visitIndex = 0; visitIndex < 2; visitIndex++) {
      // The page's first round runs as it starts, before the recorder is told to start.
      await journey.open('/controle');
      await panel.waitForPages(2 + visitIndex);
      answered.push(await attackAndGoOn(tab));
    }
    dump = await endVisit(session);
  });

  afterAll(() => session?.close());

  it("answers none of the page's ports", () => {
    expect(answered).toEqual(['false', 'false']);
  });

  it('stores nothing forged', () => {
    expect(dump.text).not.toContain(CANARY);
  });

  it('goes on recording after the attacks', () => {
    expectRecordedAfterAttacks(dump, 2);
  });

  it('counts what it dropped in the visit', () => {
    const total = droppedTotal(dump.visits[0]!);
    expect(total.excess).toBeGreaterThan(0);
  });
});

/**
 * The same page, open before the visit starts on it: its scripts ran before the recorder was
 * injected (natives poisoned, a listener on the channel's event), so the page is recorded from the
 * extension's own world, which the page cannot reach.
 */
describe('a page open before Start cannot stop, feed or flood the recorder (Chromium)', () => {
  let session: Session;
  let dump: Dump;
  let answered: string;

  beforeAll(async () => {
    session = await openSession({ path: '/controle' });
    const { journey, panel } = session;
    await panel.start();
    await panel.waitForPages(1);
    answered = await attackAndGoOn(journey.page);
    dump = await endVisit(session);
  });

  afterAll(() => session?.close());

  it("answers none of the page's ports, and stores nothing forged", () => {
    expect(answered).toBe('false');
    expect(dump.text).not.toContain(CANARY);
  });

  it('goes on recording after the attacks', () => {
    expectRecordedAfterAttacks(dump, 1);
  });

  it('counts what it dropped in the visit', () => {
    expect(droppedTotal(dump.visits[0]!).excess).toBeGreaterThan(0);
  });
});

/** The page attacks again, then the shopper goes on once the floods are over; says whether anything answered its ports. */
async function attackAndGoOn(tab: Session['journey']['page']): Promise<string> {
  await tab.evaluate(() => (window as unknown as { hijackRound(): void }).hijackRound());
  // The floods are over, the recorder has taken a new snapshot: the shopper goes on.
  await new Promise((r) => setTimeout(r, 3000));
  await tab.click('#after-attack');
  await new Promise((r) => setTimeout(r, 500));
  return (await tab.evaluate(() => document.body.dataset.answered)) ?? '';
}

async function endVisit(session: Session): Promise<Dump> {
  await new Promise((r) => setTimeout(r, 2500));
  await session.panel.stop();
  return until(
    () => dumpDatabase(session.panel.page),
    (d) => d.visits[0]?.status === 'ended' && droppedTotal(d.visits[0]).excess > 0,
    'the visit to end, with what was dropped',
  );
}

function expectRecordedAfterAttacks(dump: Dump, count: number): void {
  const pages = pagesOf(dump, dump.visits[0]!.id).filter((p) => new URL(p.url).pathname === '/controle');
  expect(pages).toHaveLength(count);
  for (const page of pages) {
    const events = JSON.stringify(chunksOf(dump, page.id).flatMap((c) => c.events));
    expect(events, page.id).toContain('Contrôle terminé, enregistrement intact');
  }
}
