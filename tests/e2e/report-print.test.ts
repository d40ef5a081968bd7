import type { Page } from 'puppeteer-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordVisitAndOpenReport } from './support/report-visit';
import { openSession, type Session } from './support/session';

/**
 * The report on paper: a short visit of the demo shop recorded end to end, its report printed to
 * an A4 PDF as a browser prints it, then read back page by page. Text is compared without any
 * white space, since a PDF breaks lines where the page's width does.
 */

const squeeze = (text: string) => text.replace(/[\s\u00ad\u200b]+/g, '');

/** What a card of the report is: a heading-first block that must not be cut by a page break. */
const CARDS = [
  '[data-testid=top-finding]',
  '[data-testid=report-finding]',
  '[data-testid=report-criterion]',
  '[data-testid=journey-page]',
  '[data-testid=speed-page]',
  '[data-testid=chart]',
  '[data-testid=outcome]',
].join(', ');

/** Each card's first and last words as printed (print styles applied, hidden helper text left out). */
function cardEnds(report: Page): Promise<Array<{ card: string; first: string; last: string }>> {
  return report.evaluate((selector: string) => {
    const squeezeIn = (text: string) => text.replace(/[\s\u00ad\u200b]+/g, '');
    return [...document.querySelectorAll<HTMLElement>(selector)].flatMap((card) => {
      // What prints of the card, in order: its rendered text, minus the visually hidden labels.
      let flat = squeezeIn(card.innerText);
      for (const hidden of card.querySelectorAll('.visually-hidden')) flat = flat.replace(squeezeIn(hidden.textContent ?? ''), '');
      if (flat.length < 30) return [];
      const label = `${card.getAttribute('data-testid')}:${card.getAttribute('data-finding-id') ?? card.getAttribute('data-criterion-id') ?? card.getAttribute('data-page-id') ?? card.getAttribute('data-chart') ?? ''}`;
      return [{ card: label, first: flat.slice(0, 24), last: flat.slice(-24) }];
    });
  }, CARDS);
}

describe('the report printed to A4', () => {
  let session: Session;
  let report: Page;
  let pages: string[];

  beforeAll(async () => {
    session = await openSession();
    report = await recordVisitAndOpenReport(session);
    await report.select('[data-testid=report-lang]', 'fr');
    await report.waitForFunction(() => document.documentElement.lang === 'fr' && document.querySelector('[data-section=contents] h2')?.textContent === 'Sommaire');
    await report.emulateMediaType('print');
    const pdf = await report.pdf({ format: 'A4', printBackground: true });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
    pages = text.map(squeeze);
  }, 240_000);

  afterAll(() => session?.close());

  it('prints several A4 pages, the first one alone: score, outcome and the three problems to fix first', async () => {
    expect(pages.length).toBeGreaterThan(4);
    const first = await report.evaluate(() => ({
      score: document.querySelector<HTMLElement>('[data-section=cover] [data-testid=overall-score] .score-value')!.innerText,
      outcome: document.querySelector<HTMLElement>('[data-section=cover] [data-testid=outcome] .outcome-text')!.innerText,
      titles: [...document.querySelectorAll<HTMLElement>('[data-section=cover] [data-testid=top-finding] .finding-title')].map((e) => e.innerText),
      contents: document.querySelector<HTMLElement>('[data-section=contents] h2')!.innerText,
    }));
    expect(first.score).toMatch(/^76,9/);
    expect(first.titles).toHaveLength(3);
    const page1 = pages[0]!;
    expect(page1).toContain(squeeze(first.score));
    expect(page1).toContain(squeeze(first.outcome));
    for (const title of first.titles) expect(page1).toContain(squeeze(title));
    // Alone: the contents start the second sheet.
    expect(page1).not.toContain(squeeze(first.contents));
    expect(pages[1]!.startsWith(squeeze(first.contents))).toBe(true);
  });

  it('draws every chart as an SVG with a title and a text alternative, and keeps it in print', async () => {
    const charts = await report.$$eval('[data-testid=chart]', (figures) =>
      figures.map((f) => {
        const svg = f.querySelector('svg');
        const title = svg?.querySelector(':scope > title');
        const described = svg && document.getElementById(svg.getAttribute('aria-describedby') ?? '');
        return {
          id: f.getAttribute('data-chart'),
          role: svg?.getAttribute('role'),
          title: title?.textContent ?? '',
          named: Boolean(title && svg?.getAttribute('aria-labelledby') === title.id),
          sentence: described?.textContent ?? '',
          rows: f.querySelectorAll('details table tbody tr').length,
          height: svg?.getBoundingClientRect().height ?? 0,
          caption: f.querySelector<HTMLElement>('figcaption')?.innerText ?? '',
        };
      }),
    );
    expect(charts.map((c) => c.id)).toEqual(expect.arrayContaining(['scores', 'funnel', 'timeline', 'vitals-lcp', 'vitals-cls']));
    for (const c of charts) {
      expect(c, c.id ?? '').toMatchObject({ role: 'img', named: true });
      expect(c.title.length, c.id ?? '').toBeGreaterThan(5);
      expect(c.sentence.length, c.id ?? '').toBeGreaterThan(10);
      expect(c.rows, c.id ?? '').toBeGreaterThan(0);
      // Printed: drawn with a height, and its caption is on a page of the PDF.
      expect(c.height, c.id ?? '').toBeGreaterThan(50);
      expect(pages.some((p) => p.includes(squeeze(c.caption).slice(0, 40))), c.id ?? '').toBe(true);
    }
  });

  it('cuts no card in two: each card’s first and last words are on the same page', async () => {
    const cards = await cardEnds(report);
    // Every kind of card the visit has, so the check is not vacuous.
    expect(new Set(cards.map((c) => c.card.split(':')[0]))).toEqual(
      new Set(['top-finding', 'report-finding', 'report-criterion', 'journey-page', 'speed-page', 'chart', 'outcome']),
    );
    const on = (fragment: string) => pages.flatMap((p, i) => (p.includes(fragment) ? [i + 1] : []));
    const placed = cards.map((c) => ({ card: c.card, first: on(c.first), last: on(c.last) }));
    // A card cut in two has its ends on different pages, or an end that straddles the break (found nowhere).
    const split = placed.filter((c) => !c.first.some((n) => c.last.includes(n)));
    expect(split).toEqual([]);
    // And each end is found in the PDF, so the check above did not pass for want of reading the text.
    expect(placed.filter((c) => c.first.length === 0 || c.last.length === 0)).toEqual([]);
  });
});
