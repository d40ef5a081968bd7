import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLISTS, ECOMMERCE_CHECKLIST, QUICK_CHECKLIST } from '../../../utils/checklist/defaults';
import { DEFAULT_SETTINGS } from '../../../utils/schema/settings';
import { checklistSchema, SUGGESTION_RULES, type Checklist, type Criterion, type SuggestionRule } from '../../../utils/checklist/schema';

const criteriaOf = (checklist: Checklist): Criterion[] => checklist.sections.flatMap((section) => section.criteria);

/** The knock-out items of the research (checklist-research.md, part b). */
const RESEARCH_KNOCKOUTS = ['E04', 'G02', 'G06', 'H02', 'L01'];

/** Which criterion each automatic check suggests an answer for (the rules' implementation relies on it). */
const RULE_TO_CRITERION: Record<SuggestionRule, string> = {
  https: 'G02',
  'search-field': 'C01',
  'price-with-currency': 'D01',
  'product-availability-data': 'D04',
  'product-shipping-data': 'D05',
  'images-have-alt': 'M02',
  'page-language': 'M04',
  'zoom-allowed': 'B04',
  'cookie-refuse-choice': 'A04',
  'guest-checkout': 'F01',
  'no-blocking-overlay': 'A03',
  breadcrumb: 'B02',
  'home-link': 'B01',
  'page-title': 'M10',
  'single-h1': 'M11',
  'form-labels': 'M03',
  'checkout-steps': 'F02',
  'delivery-cost-before-cart': 'E03',
  'return-policy-link': 'D06',
  'terms-link': 'L03',
  'legal-notice-link': 'L01',
  'contact-means': 'K01',
  'order-number': 'H01',
  'payment-methods': 'G01',
  'pay-button-wording': 'G06',
  'lcp-good': 'M07',
  'cls-good': 'M09',
  'no-js-errors': 'M12',
  'no-failed-requests': 'M13',
};

const JOURNEY_PAGES = ['home', 'listing', 'search', 'product', 'cart', 'checkout', 'payment', 'confirmation'] as const;

const BASTIEN_SCAPIN_CODES = new Set([
  '1', '1.1', '1.2', '1.2.1', '1.2.2', '1.3', '1.4', '2', '2.1', '2.1.1', '2.1.2', '2.2',
  '3', '3.1', '3.2', '4', '4.1', '4.2', '5', '5.1', '5.2', '5.3', '6', '7', '8',
]);

describe('default checklists', () => {
  it('has unique ids, the default setting’s first', () => {
    const ids = DEFAULT_CHECKLISTS.map((checklist) => checklist.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(DEFAULT_CHECKLISTS[0]?.id).toBe(DEFAULT_SETTINGS.checklistId);
  });

  describe.each(DEFAULT_CHECKLISTS.map((checklist) => [checklist.id, checklist] as const))('%s', (_id, checklist) => {
    it('passes the checklist schema unchanged (so no duplicate ids and no stray keys)', () => {
      const parsed = checklistSchema.safeParse(checklist);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toEqual(checklist);
    });

    it('asks every question in French and English, differently', () => {
      for (const criterion of criteriaOf(checklist)) {
        expect(criterion.question.fr.trim(), criterion.id).not.toBe('');
        expect(criterion.question.en.trim(), criterion.id).not.toBe('');
        expect(criterion.question.fr, criterion.id).not.toBe(criterion.question.en);
        if (criterion.help) {
          expect(criterion.help.fr.trim(), criterion.id).not.toBe('');
          expect(criterion.help.en.trim(), criterion.id).not.toBe('');
          expect(criterion.help.fr, criterion.id).not.toBe(criterion.help.en);
        }
      }
    });

    it('gives every criterion well-formed references', () => {
      for (const criterion of criteriaOf(checklist)) {
        expect(criterion.references.length, criterion.id).toBeGreaterThan(0);
        for (const ref of criterion.references) {
          const where = `${criterion.id} ${ref.kind} ${ref.code}`;
          if (ref.kind === 'opquast') expect(ref.code, where).toMatch(/^\d{1,3} \(V5 \d{1,3}\)$/);
          if (ref.kind === 'nielsen') expect(ref.code, where).toMatch(/^N([1-9]|10)$/);
          if (ref.kind === 'wcag') expect(ref.code, where).toMatch(/^[1-4]\.\d{1,2}\.\d{1,2}$/);
          if (ref.kind === 'rgaa') expect(ref.code, where).toMatch(/^\d{1,2}\.\d{1,2}$/);
          if (ref.kind === 'bastien-scapin') expect(BASTIEN_SCAPIN_CODES.has(ref.code), where).toBe(true);
        }
        // A reference cited twice on one criterion is a slip.
        const keys = criterion.references.map((ref) => `${ref.kind}|${ref.code}|${ref.label ?? ''}`);
        expect(new Set(keys).size, criterion.id).toBe(keys.length);
      }
    });

    it('gives number answers a unit in both languages', () => {
      for (const criterion of criteriaOf(checklist)) {
        if (criterion.answer.kind === 'number') {
          expect(criterion.answer.unit.fr, criterion.id).not.toBe(criterion.answer.unit.en);
        }
      }
    });

    it('only flags knock-outs that the research names', () => {
      const knockouts = criteriaOf(checklist).filter((criterion) => criterion.knockout).map((criterion) => criterion.id);
      for (const id of knockouts) expect(RESEARCH_KNOCKOUTS).toContain(id);
      for (const criterion of criteriaOf(checklist).filter((c) => c.knockout)) expect(criterion.answer.kind).toBe('yes-no');
    });

    it('credits Opquast (CC BY-SA 4.0) and the RGAA (Licence Ouverte)', () => {
      expect(checklist.attribution).toMatch(/Opquast/);
      expect(checklist.attribution).toMatch(/CC BY-SA 4\.0/);
      expect(checklist.attribution).toMatch(/RGAA 4\.1\.2/);
      expect(checklist.attribution).toMatch(/Licence Ouverte/);
    });

    it('prompts every journey page type', () => {
      const min = checklist.id === ECOMMERCE_CHECKLIST.id ? 3 : 1;
      for (const page of JOURNEY_PAGES) {
        const prompted = criteriaOf(checklist).filter((criterion) => criterion.pages.includes(page));
        expect(prompted.length, page).toBeGreaterThanOrEqual(min);
      }
    });
  });
});

describe('e-commerce checklist', () => {
  const criteria = criteriaOf(ECOMMERCE_CHECKLIST);

  it('has 60 to 80 criteria in the research’s 13 sections, weighted as there', () => {
    expect(criteria.length).toBeGreaterThanOrEqual(60);
    expect(criteria.length).toBeLessThanOrEqual(80);
    expect(ECOMMERCE_CHECKLIST.sections.map((section) => section.id)).toEqual('ABCDEFGHIJKLM'.split(''));
    expect(ECOMMERCE_CHECKLIST.sections.reduce((sum, section) => sum + section.weight, 0)).toBe(100);
  });

  it('keeps each criterion in the section its id names', () => {
    for (const section of ECOMMERCE_CHECKLIST.sections) {
      for (const criterion of section.criteria) expect(criterion.id).toMatch(new RegExp(`^${section.id}\\d{2}$`));
    }
  });

  it('flags exactly the research’s knock-out items', () => {
    const knockouts = criteria.filter((criterion) => criterion.knockout).map((criterion) => criterion.id);
    expect(knockouts.sort()).toEqual([...RESEARCH_KNOCKOUTS].sort());
  });

  it('uses at least 15 distinct suggestion rules', () => {
    const rules = new Set(criteria.flatMap((criterion) => (criterion.suggestion ? [criterion.suggestion] : [])));
    expect(rules.size).toBeGreaterThanOrEqual(15);
  });

  it('puts each suggestion rule on the agreed criterion, once', () => {
    const found: Partial<Record<SuggestionRule, string[]>> = {};
    for (const criterion of criteria) {
      if (criterion.suggestion) (found[criterion.suggestion] ??= []).push(criterion.id);
    }
    for (const rule of SUGGESTION_RULES) expect(found[rule], rule).toEqual([RULE_TO_CRITERION[rule]]);
  });

  it('includes a few perception scales and measured numbers', () => {
    expect(criteria.filter((criterion) => criterion.answer.kind === 'scale').length).toBeGreaterThanOrEqual(2);
    expect(criteria.filter((criterion) => criterion.answer.kind === 'number').length).toBeGreaterThanOrEqual(2);
  });
});

describe('quick checklist', () => {
  const criteria = criteriaOf(QUICK_CHECKLIST);
  const ecommerce = new Map(criteriaOf(ECOMMERCE_CHECKLIST).map((criterion) => [criterion.id, criterion]));

  it('has 12 to 18 criteria, at least 8 with a suggestion rule', () => {
    expect(criteria.length).toBeGreaterThanOrEqual(12);
    expect(criteria.length).toBeLessThanOrEqual(18);
    expect(criteria.filter((criterion) => criterion.suggestion).length).toBeGreaterThanOrEqual(8);
  });

  it('reuses the e-commerce criteria as they are', () => {
    for (const criterion of criteria) expect(criterion, criterion.id).toEqual(ecommerce.get(criterion.id));
  });

  it('keeps the knock-outs met during the visit itself', () => {
    const knockouts = criteria.filter((criterion) => criterion.knockout).map((criterion) => criterion.id);
    expect(knockouts.sort()).toEqual(['E04', 'G02', 'G06', 'L01']);
  });
});
