import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../utils/checklist/schema';
import { dumpDatabase, until, type Dump } from '../../scripts/automation/extension-data';
import { readStore } from '../../scripts/automation/evidence-data';
import { openSession, type Session } from './support/session';

/**
 * A visit that changes checklist keeps each checklist's answers apart (the quick checklist reuses
 * the e-commerce checklist's criterion ids), the panel and the report give the same score, and an
 * answer's "this replay moment" lands where it was given.
 */

const item = (id: string) => `[data-testid=page-criteria] [data-testid=criterion-item][data-criterion-id="${id}"]`;

/**
 * A click on the element itself, not at a point of the screen: the panel redraws as the page's
 * checks, signals and audit arrive, and a click aimed at where the button was a frame ago can land
 * on its neighbour. Under CI load the first answer was twice never stored; a lost click is the
 * likeliest cause, not a proven one (a refused answer is now shown in the panel, and printed here).
 */
async function press(p: Page, selector: string): Promise<void> {
  await p.waitForSelector(selector, { visible: true });
  await p.$eval(selector, (el) => (el as HTMLElement).click());
}

async function answer(p: Page, criterionId: string, state: 'yes' | 'no', comment = ''): Promise<void> {
  await press(p, `${item(criterionId)} [data-testid=answer-${state}]`);
  if (state === 'no') {
    await p.locator(`${item(criterionId)} [data-testid=criterion-comment]`).fill(comment);
    await press(p, `${item(criterionId)} [data-testid=criterion-save]`);
  }
  try {
    await p.waitForSelector(`${item(criterionId)}[data-state=${state}]`, { timeout: 10_000 });
  } catch (e) {
    // Say whether the answer was stored (the panel shows a stale read) or never sent (the click missed).
    const stored = (await readStore<Answer>(p, 'answers')).map((a) => `${a.checklistId}/${a.criterionId}=${a.state}`);
    const shown = await p.$eval(item(criterionId), (el) => el.getAttribute('data-state'));
    const refused = await p.$eval('[data-testid=answer-error]', (el) => el.textContent).catch(() => 'no error shown');
    throw new Error(`${criterionId} is shown ${shown}, not ${state}; stored answers: ${stored.join(', ') || 'none'}; panel: ${refused}`, { cause: e });
  }
}

describe('two checklists in one visit, in Chromium', () => {
  let session: Session;
  let answers: Answer[];
  let panelScore: string | null;
  let moment: { before: number; after: number };
  let dump: Dump;
  let report: Page;

  beforeAll(async () => {
    session = await openSession({ path: '/produit/derby-cuir' });
    const { panel, launched } = session;
    const p = panel.page;
    await p.waitForSelector('[data-testid=checklist-select]');
    await p.select('[data-testid=checklist-select]', 'mystere-quick');
    await panel.start();
    await panel.waitForTypes(['product']);

    // Under the quick checklist, once the panel shows it: D03 is not one of its criteria.
    await p.waitForSelector(item('D01'));
    await p.waitForFunction((d03: string) => document.querySelector(d03) === null, {}, item('D03'));
    await answer(p, 'D01', 'yes');
    await answer(p, 'D05', 'no', 'Frais de livraison inconnus avant le panier.');

    // Then the e-commerce checklist: the same criterion ids, not yet answered there.
    await p.select('[data-testid=checklist-select]', 'mystere-ecommerce');
    await p.waitForSelector(`${item('D03')}[data-state=none]`);
    await p.waitForSelector(`${item('D01')}[data-state=none]`);
    await answer(p, 'D01', 'no', 'Le prix barré est illisible.');
    await answer(p, 'D03', 'yes');
    await answer(p, 'D10', 'yes');
    // "This replay moment" as evidence of D10: the moment is when the evaluator clicks.
    // The answer's details open from its question (a click on an answer leaves them closed).
    await press(p, `${item('D10')} .criterion-question`);
    const before = Date.now();
    await p.locator(`${item('D10')} [data-testid=evidence-replay]`).click();
    const after = Date.now();
    moment = { before, after };
    await p.waitForSelector(`${item('D10')} [data-testid=evidence-attached][data-kind=replay]`, { timeout: 10_000 });

    answers = await until(
      () => readStore<Answer>(p, 'answers'),
      (a) => a.length === 5 && a.some((x) => x.criterionId === 'D10' && x.evidence.length === 1),
      'five answers, D10 with its replay moment',
    );
    await p.waitForFunction(() => document.querySelector('[data-testid=progress-score]')?.getAttribute('data-score') !== '');
    panelScore = await p.$eval('[data-testid=progress-score]', (e) => e.getAttribute('data-score'));

    await panel.stop();
    dump = await dumpDatabase(p);
    const visitId = dump.visits[0]!.id;
    report = await launched.browser.newPage();
    await report.goto(`chrome-extension://${launched.extensionId}/report.html?visit=${visitId}`);
    await report.waitForSelector('[data-testid=report-section][data-section=appendix]', { timeout: 20_000 });
  }, 120_000);

  afterAll(() => session?.close());

  it('keeps the answers of each checklist apart', () => {
    const byList = (id: string) =>
      answers
        .filter((a) => a.checklistId === id)
        .map((a) => `${a.criterionId} ${a.state}`)
        .sort();
    expect(byList('mystere-quick')).toEqual(['D01 yes', 'D05 no']);
    expect(byList('mystere-ecommerce')).toEqual(['D01 no', 'D03 yes', 'D10 yes']);
    expect(new Set(answers.map((a) => a.id)).size).toBe(5);
  });

  it('gives the same overall score in the panel and in the report', async () => {
    expect(panelScore).not.toBe('');
    const reportScore = await report.$eval('[data-testid=overall-score]', (e) => e.getAttribute('data-score'));
    expect(reportScore).toBe(panelScore);
    // The report reads the e-commerce answers: D01 is "no" there.
    expect(await report.$eval('[data-testid=report-criterion][data-criterion-id=D01]', (e) => e.getAttribute('data-state'))).toBe('no');
  });

  it('seeks the replay to within 100 ms of the moment given as evidence', async () => {
    const start = Math.min(...dump.chunks.filter((c) => c.count > 0).map((c) => c.firstTs));
    const link = '[data-testid=report-criterion][data-criterion-id=D10] a.replay-link[data-replay-at]';
    const at = Number(await report.$eval(link, (a) => a.getAttribute('data-replay-at')));
    // Where the link points: the moment on the visit's timeline (from its first recorded event).
    expect(at).toBeGreaterThanOrEqual(moment.before - start - 100);
    expect(at).toBeLessThanOrEqual(moment.after - start + 100);
    // And where the player goes.
    await report.click(link);
    const shownNow = () => report.$eval('#replay-player .rr-progress', (e) => Number(e.getAttribute('aria-valuenow')));
    await report
      .waitForFunction(
        (target: number) => Math.abs(Number(document.querySelector('#replay-player .rr-progress')?.getAttribute('aria-valuenow')) - target) <= 100,
        { timeout: 10_000 },
        at,
      )
      .catch(() => undefined);
    const shown = await shownNow();
    expect(Math.abs(shown - at), `the player shows ${shown} ms for a link to ${at} ms`).toBeLessThanOrEqual(100);
  });
});
