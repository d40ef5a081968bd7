import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ECOMMERCE_CHECKLIST } from '../../utils/checklist/defaults';
import type { Answer } from '../../utils/checklist/schema';
import { PRODUCT_ANSWERS, PRODUCT_ANSWERS_SCORE } from '../shared/product-answers';
import { until } from '../../scripts/automation/extension-data';
import { pathOf, readEvidence, readStore } from '../../scripts/automation/evidence-data';
import { openSession, type Session } from './support/session';
import { openExtensionPage } from './support/panel-extras';

type Stored = Awaited<ReturnType<typeof readEvidence>> & { answers: Answer[]; checklists: { id: string }[] };

/** Visits, pages, evidence, answers and installed checklists, read from the extension's database. */
async function readAll(session: Session): Promise<Stored> {
  const page = session.panel.page;
  const [evidence, answers, checklists] = await Promise.all([
    readEvidence(page),
    readStore<Answer>(page, 'answers'),
    readStore<{ id: string }>(page, 'checklists'),
  ]);
  return { ...evidence, answers, checklists };
}

const item = (id: string) => `[data-testid=page-criteria] [data-testid=criterion-item][data-criterion-id="${id}"]`;

describe('the checklist on the product page, in Chromium', () => {
  let session: Session;
  let stored: Stored;
  let pageCriteria: string[];
  let shownScore: string | null;

  beforeAll(async () => {
    session = await openSession({ path: '/produit/derby-cuir' });
    const { panel } = session;
    const p = panel.page;
    await panel.start();
    await panel.waitForTypes(['product']);
    await p.waitForSelector('[data-testid=page-criteria] [data-testid=criterion-item]');
    pageCriteria = await p.$$eval('[data-testid=page-criteria] [data-testid=criterion-item]', (items) =>
      items.map((i) => i.getAttribute('data-criterion-id') ?? ''),
    );

    for (const answer of PRODUCT_ANSWERS) {
      await p.locator(`${item(answer.criterionId)} [data-testid=answer-${answer.state}]`).click();
      if (answer.state === 'no') {
        await p.locator(`${item(answer.criterionId)} [data-testid=criterion-comment]`).fill(answer.comment);
        await p.locator(`${item(answer.criterionId)} [data-testid=criterion-save]`).click();
        await p.waitForSelector(`${item(answer.criterionId)}[data-state=no]`);
        // Proof: a screenshot taken now, attached to the answer.
        await p.locator(`${item(answer.criterionId)} [data-testid=evidence-capture]`).click();
        await p.waitForSelector(`${item(answer.criterionId)} [data-testid=evidence-attached][data-kind=screenshot]`, { timeout: 15_000 });
      }
      await p.waitForSelector(`${item(answer.criterionId)}[data-state=${answer.state}]`);
    }
    stored = await until(
      () => readAll(session),
      (d) => d.answers.length === 5 && d.answers.some((a) => a.evidence.length > 0),
      'five answers, one with its screenshot',
    );
    await p.waitForSelector(`[data-testid=progress-score][data-score="${PRODUCT_ANSWERS_SCORE}"]`, { timeout: 10_000 }).catch(() => undefined);
    shownScore = await p.$eval('[data-testid=progress-score]', (e) => e.getAttribute('data-score'));
  }, 120_000);

  afterAll(() => session?.close());

  it('prompts the product criteria first', () => {
    const forProduct = ECOMMERCE_CHECKLIST.sections
      .flatMap((s) => s.criteria)
      .filter((c) => c.pages.includes('product') || c.pages.includes('any'))
      .map((c) => c.id);
    expect(pageCriteria.length).toBeGreaterThanOrEqual(10);
    expect(new Set(pageCriteria)).toEqual(new Set(forProduct));
    // And they come before every section of the checklist.
    expect(pageCriteria.filter((id) => id.startsWith('D'))).toEqual(['D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07', 'D08', 'D09', 'D10']);
  });

  it('stores each answer with its page, time, replay offset and evidence', () => {
    const product = stored.pages.find((p) => pathOf(stored, p.id) === '/produit/derby-cuir')!;
    expect(stored.answers.map((a) => [a.criterionId, a.state]).sort()).toEqual(
      PRODUCT_ANSWERS.map((a) => [a.criterionId, a.state]).sort(),
    );
    for (const answer of stored.answers) {
      expect(answer).toMatchObject({ pageId: product.id, checklistId: 'mystere-ecommerce' });
      expect(answer.at).toBeGreaterThanOrEqual(product.startedAt);
      expect(answer.offset).toBeGreaterThan(0);
    }
    const no = stored.answers.find((a) => a.state === 'no')!;
    expect(no.comment).toBe(PRODUCT_ANSWERS.find((a) => a.state === 'no')!.comment);
    expect(no.evidence).toHaveLength(1);
    const shot = stored.screenshots.find((s) => no.evidence[0]!.kind === 'screenshot' && s.id === no.evidence[0]!.screenshotId);
    expect(shot).toMatchObject({ trigger: 'evidence', pageId: product.id });
  });

  it('shows the score the scoring unit test expects for the same answers', () => {
    expect(shownScore).toBe(String(PRODUCT_ANSWERS_SCORE));
  });
});

describe('importing a checklist on the options page, in Chromium', () => {
  let session: Session;
  const dir = mkdtempSync(join(tmpdir(), 'mystere-checklists-'));

  const valid = {
    format: 'mystere-checklist',
    version: 1,
    id: 'agence-exemple',
    title: { fr: 'Grille de l’agence', en: 'Agency checklist' },
    sections: [
      {
        id: 'S1',
        title: { fr: 'Fiche produit', en: 'Product page' },
        weight: 1,
        criteria: [
          {
            id: 'P1',
            question: { fr: 'Le prix est-il affiché ?', en: 'Is the price shown?' },
            answer: { kind: 'yes-no' },
            weight: 2,
            knockout: false,
            pages: ['product'],
            references: [{ kind: 'nielsen', code: 'N1' }],
          },
        ],
      },
    ],
  };

  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  /** The agency's side: the options page, where checklists are imported and exported. */
  let settings: Page;

  async function importFile(path: string): Promise<void> {
    const input = (await settings.$('[data-testid=checklist-import]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
  }

  async function problems(): Promise<string> {
    const alert = await settings.waitForSelector('[data-testid=checklist-import-error]', { timeout: 10_000 });
    return alert!.evaluate((e) => e.textContent ?? '');
  }

  /** The checklists the evaluator can pick in the panel (which follows what is installed). */
  const options = () => session.panel.page.$$eval('[data-testid=checklist-select] option', (os) => os.map((o) => o.value));

  beforeAll(async () => {
    session = await openSession();
    settings = await openExtensionPage(session.launched, 'options.html');
    await settings.waitForSelector('[data-testid=checklist-library]');
  }, 60_000);
  afterAll(() => session?.close());

  it('installs a valid checklist and offers it', async () => {
    await importFile(file('valid.json', JSON.stringify(valid)));
    await settings.waitForSelector('[data-testid=checklist-import-ok]');
    await settings.waitForSelector('[data-testid=library-checklist][data-checklist-id=agence-exemple]');
    await until(options, (o) => o.includes('agence-exemple'), 'the imported checklist in the panel’s list');
  });

  const cases: Array<[string, string, RegExp]> = [
    ['bad JSON', '{ "format": "mystere-checklist",\n  "version": 1,\n  "id": oops }', /line 3|ligne 3/i],
    [
      'a criterion without a question',
      JSON.stringify({ ...valid, id: 'sans-question', sections: [{ ...valid.sections[0], criteria: [{ ...valid.sections[0]!.criteria[0], question: undefined }] }] }),
      /criteria\[0\] \(P1\) › question/,
    ],
    [
      'a duplicate id',
      JSON.stringify({ ...valid, id: 'doublon', sections: [{ ...valid.sections[0], criteria: [valid.sections[0]!.criteria[0], valid.sections[0]!.criteria[0]] }] }),
      /criteria\[1\] \(P1\).*(P1)/,
    ],
    [
      'an unknown page type',
      JSON.stringify({ ...valid, id: 'page-inconnue', sections: [{ ...valid.sections[0], criteria: [{ ...valid.sections[0]!.criteria[0], pages: ['checkout-page'] }] }] }),
      /criteria\[0\] \(P1\) › pages/,
    ],
  ];

  for (const [what, text, place] of cases) {
    it(`refuses ${what}, names the place, and changes nothing`, async () => {
      const before = await options();
      const installedBefore = (await readAll(session)).checklists.map((c) => c.id);
      await importFile(file(`${what.replace(/\W+/g, '-')}.json`, text));
      const message = await problems();
      expect(message).toMatch(place);
      expect(await options()).toEqual(before);
      expect((await readAll(session)).checklists.map((c) => c.id)).toEqual(installedBefore);
    });
  }
});
