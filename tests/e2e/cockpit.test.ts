import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../utils/checklist/schema';
import { PRODUCT_ANSWERS, PRODUCT_ANSWERS_SCORE } from '../shared/product-answers';
import { until } from '../../scripts/automation/extension-data';
import { readStore } from '../../scripts/automation/evidence-data';
import { violations } from './support/axe';
import { openSession, type Session } from './support/session';

const HEIGHT = 900;
const VIEWS = ['checklist', 'visit', 'evidence', 'audits'] as const;

/** Sets the interface language and opens the panel again, as after a change on the options page. */
async function useLanguage(p: Page, language: 'fr' | 'en'): Promise<void> {
  await p.evaluate(async (l: string) => {
    const { storage } = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, Record<string, unknown>>>; set(o: object): Promise<void> } } } }).chrome;
    const { settings = {} } = await storage.local.get('settings');
    await storage.local.set({ settings: { ...settings, language: l } });
  }, language);
  await p.reload();
  await p.waitForSelector(`html[lang=${language}] [data-testid=visit-status]`);
}

const activeTestId = (p: Page) =>
  p.evaluate(() => {
    const a = document.activeElement;
    return `${a?.getAttribute('data-testid') ?? a?.tagName}${a?.getAttribute('data-criterion-id') ? `:${a.getAttribute('data-criterion-id')}` : ''}`;
  });

/** What sticks out of the panel sideways (nothing when nothing is cut or scrolls sideways). */
const overflow = (p: Page) =>
  p.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > width + 0.5 && e.getClientRects().length > 0)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} [${e.getAttribute('data-testid') ?? ''}] right ${Math.round(e.getBoundingClientRect().right)} of ${width}`);
  });

describe('the cockpit beside the product page, at 400 × 900, keyboard first', () => {
  let session: Session;
  let p: Page;
  let pageCriteria: string[];

  beforeAll(async () => {
    session = await openSession({ path: '/produit/derby-cuir' });
    p = session.panel.page;
    await p.setViewport({ width: 400, height: HEIGHT });
    await session.panel.start();
    await useLanguage(p, 'fr');
    await session.panel.waitForTypes(['product']);
    await p.waitForSelector('[data-testid=page-criteria] [data-testid=criterion-item]');
    pageCriteria = await p.$$eval('[data-testid=page-criteria] [data-testid=criterion-item]', (items) => items.map((i) => i.getAttribute('data-criterion-id') ?? ''));
  }, 90_000);

  afterAll(() => session?.close());

  it('shows the page, its type and the signals at the top, and the views with their counts', async () => {
    expect(await p.$eval('[data-testid=strip-page]', (e) => e.getAttribute('data-page-type'))).toBe('product');
    expect(await p.$eval('[data-testid=strip-page]', (e) => e.textContent)).toContain('Fiche produit');
    expect(await p.$eval('[data-testid=strip-signals]', (e) => e.textContent)).toMatch(/signa/);
    const tabs = await p.$$eval('[data-testid=view-tab]', (ts) => ts.map((t) => [t.getAttribute('data-view'), t.getAttribute('aria-selected'), t.textContent]));
    expect(tabs.map(([v]) => v)).toEqual([...VIEWS]);
    expect(tabs[0]![1]).toBe('true');
    expect(tabs[0]![2]).toMatch(/^Grille0\/80/);
    expect(tabs[1]![2]).toContain('1 page');
  });

  it('fits the page’s criteria in at most three screen heights, without scrolling sideways', async () => {
    expect(pageCriteria.length).toBeGreaterThanOrEqual(30);
    const bottom = await p.$eval('[data-testid=page-criteria]', (e) => e.getBoundingClientRect().bottom + window.scrollY);
    console.log(`[cockpit] the product page's ${pageCriteria.length} criteria end ${Math.round(bottom)} px down the panel (three screens: ${3 * HEIGHT} px)`);
    expect(bottom).toBeLessThanOrEqual(3 * HEIGHT);
    expect(await overflow(p)).toEqual([]);
    // The comment and the evidence are not there until a criterion is in use.
    expect(await p.$$('[data-testid=page-criteria] [data-testid=criterion-comment]')).toHaveLength(0);
  });

  it('answers five criteria with the keyboard alone: one "no" with its comment and a screenshot', async () => {
    // Shift+G goes to the checklist's current criterion: the first of the page.
    await p.keyboard.down('Shift');
    await p.keyboard.press('G');
    await p.keyboard.up('Shift');
    await p.waitForFunction((id: string) => document.activeElement?.getAttribute('data-criterion-id') === id, {}, pageCriteria[0]!);
    let at = 0;
    for (const answer of PRODUCT_ANSWERS) {
      const target = pageCriteria.indexOf(answer.criterionId);
      expect(target).toBeGreaterThanOrEqual(0);
      for (; at < target; at++) await p.keyboard.press('ArrowDown');
      for (; at > target; at--) await p.keyboard.press('ArrowUp');
      expect(await activeTestId(p)).toBe(`criterion-item:${answer.criterionId}`);
      const row = `[data-testid=criterion-item][data-criterion-id=${answer.criterionId}]`;
      if (answer.state === 'no') {
        await p.keyboard.press('n');
        // "No" opens the comment and puts the focus in it; Ctrl+Enter saves and goes back to the row.
        await p.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'criterion-comment');
        await p.keyboard.type(answer.comment);
        await p.keyboard.down('Control');
        await p.keyboard.press('Enter');
        await p.keyboard.up('Control');
        await p.waitForSelector(`${row}[data-state=no]`);
        expect(await activeTestId(p)).toBe(`criterion-item:${answer.criterionId}`);
        await p.keyboard.press('s');
        await p.waitForSelector(`${row} [data-testid=evidence-attached][data-kind=screenshot]`, { timeout: 15_000 });
      } else {
        await p.keyboard.press('o');
        await p.waitForSelector(`${row}[data-state=yes]`);
      }
    }
    const answers = await until(
      () => readStore<Answer>(p, 'answers'),
      (a) => a.length === 5 && a.some((x) => x.evidence.some((e) => e.kind === 'screenshot')),
      'five answers, the "no" with its screenshot',
    );
    expect(answers.map((a) => [a.criterionId, a.state]).sort()).toEqual(PRODUCT_ANSWERS.map((a) => [a.criterionId, a.state]).sort());
    const no = answers.find((a) => a.state === 'no')!;
    expect(no.comment).toBe(PRODUCT_ANSWERS.find((a) => a.state === 'no')!.comment);
    expect(no.evidence.map((e) => e.kind)).toEqual(['screenshot']);
    await p.waitForSelector(`[data-testid=progress-score][data-score="${PRODUCT_ANSWERS_SCORE}"]`);
    expect(await p.$eval('[data-testid=view-tab][data-view=checklist]', (t) => t.textContent)).toContain('5/80');
  }, 90_000);

  it('lists its keys in a help overlay opened with "?" and closed with Escape', async () => {
    await p.keyboard.press('?');
    await p.waitForSelector('[data-testid=keys-help][open]');
    const text = await p.$eval('[data-testid=keys-help]', (d) => d.textContent ?? '');
    for (const words of ['Non applicable', 'Joindre une capture', 'Ctrl+Entrée', 'Maj+S']) expect(text).toContain(words);
    expect(await violations(p)).toEqual([]);
    await p.keyboard.press('Escape');
    await p.waitForSelector('[data-testid=keys-help]:not([open])');
  });

  it('changes view from the keyboard on the views bar', async () => {
    await p.focus('[data-testid=view-tab][aria-selected=true]');
    await p.keyboard.press('ArrowRight');
    await p.waitForSelector('[data-testid=view-panel][data-view=visit]:not([hidden])');
    expect(await activeTestId(p)).toBe('view-tab');
    await p.keyboard.press('ArrowRight');
    await p.waitForSelector('[data-testid=view-panel][data-view=evidence]:not([hidden]) [data-testid=screenshot-item]');
    await p.keyboard.press('Home');
    await p.waitForSelector('[data-testid=view-panel][data-view=checklist]:not([hidden])');
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`has no accessibility violation in any view, in ${lang === 'fr' ? 'French' : 'English'}`, async () => {
      await useLanguage(p, lang);
      for (const view of VIEWS) {
        await session.panel.view(view);
        expect({ view, found: await violations(p) }).toEqual({ view, found: [] });
      }
      // With a criterion in use: its comment and evidence open.
      await session.panel.view('checklist');
      await p.focus('[data-testid=page-criteria] [data-testid=criterion-item][data-state=no]');
      await p.keyboard.press('c');
      await p.waitForSelector('[data-testid=criterion-item][data-open=true] [data-testid=criterion-comment]');
      expect(await violations(p)).toEqual([]);
      await p.keyboard.press('Escape');
    });
  }

  it('works at 320 px wide and at 200 % zoom (420 px), with nothing cut sideways', async () => {
    // 200 % zoom of a 420 × 900 panel: 210 × 450 CSS pixels, drawn at twice the density.
    for (const size of [{ width: 320, height: HEIGHT }, { width: 210, height: 450, deviceScaleFactor: 2 }]) {
      await p.setViewport(size);
      for (const view of VIEWS) {
        await session.panel.view(view);
        expect({ size, view, out: await overflow(p) }).toEqual({ size, view, out: [] });
      }
    }
    await session.panel.view('checklist');
    // The top no longer stays in place (it would take half the screen) and every answer button is within reach.
    expect(await p.$eval('header.top', (h) => getComputedStyle(h).position)).not.toBe('sticky');
    const outside = await p.$$eval('[data-testid=page-criteria] .answer-btn', (bs) =>
      bs.filter((b) => b.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).length,
    );
    expect(outside).toBe(0);
    await p.setViewport({ width: 400, height: HEIGHT });
  });
});
