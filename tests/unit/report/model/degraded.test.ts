import { describe, expect, it } from 'vitest';
import { reportWords } from '../../../../utils/i18n/report-messages';
import { buildReport } from '../../../../utils/report/build-report';
import { degradedSentences } from '../../../../utils/report/degraded';
import type { DegradedStep } from '../../../../utils/schema/page';
import { bareVisitData, visitData } from './fixture';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const at = (s: number) => Date.UTC(2026, 11, 7, 11, 3, s);
const step = (over: Partial<DegradedStep>): DegradedStep => ({ at: at(0), step: 1, reason: 'mutations', events: 200, changes: 20_000, chars: 800_000, ms: 2000, ...over });

describe('degradedSentences', () => {
  const storm = [
    step({ at: at(4), step: 1 }),
    step({ at: at(7), step: 2, changes: 100_000, ms: 10_000 }),
    step({ at: at(20), step: 1, reason: 'retry', changes: 0, ms: 13_000 }),
  ];

  it('says when the page was sampled and paused, why, and when it resumed, in French and English', () => {
    const en = degradedSentences({ degraded: storm }, reportWords('en'));
    expect(en).toHaveLength(2);
    expect(en[0]).toMatch(/^Recording lightened from \d\d:\d\d:\d\d \(mutation storm: 20,000 changes in 2 s\)/);
    expect(en[1]).toMatch(/^Recording paused from \d\d:\d\d:\d\d to \d\d:\d\d:\d\d \(mutation storm: 100,000 changes in 10 s\)/);
    const fr = degradedSentences({ degraded: storm }, reportWords('fr'));
    expect(fr[1]).toContain('tempête de mutations');
    expect(fr[1]).toMatch(/100\s000/);
  });

  it('names a stop for the budget, and counts the pauses beyond four', () => {
    const many = [step({ step: 1 }), ...Array.from({ length: 6 }, (_, i) => step({ at: at(10 + i), step: 2 })), step({ at: at(30), step: 2, reason: 'budget' })];
    const en = degradedSentences({ degraded: many }, reportWords('en'));
    expect(en.at(-1)).toBe('And 3 more pause(s).');
    // The budget's stop is always told.
    expect(en.some((s) => s.startsWith('Recording stopped at'))).toBe(true);
    expect(degradedSentences({ degraded: [step({ step: 2, reason: 'budget' })] }, reportWords('en'))[0]).toMatch(/storage space was full/);
  });
});

describe('buildReport: degraded recording', () => {
  it('puts the sentences on the page’s line and in the method, with the budget’s stop', () => {
    const data = visitData();
    data.pages[0]!.degraded = [step({ step: 1 }), step({ at: at(9), step: 2 })];
    data.visit.storage = { bytes: 10, budget: 150 * 1024 * 1024, fullAt: at(40) };
    const model = buildReport(data, { lang: 'en', now: NOW });
    expect(model.journey.pages[0]!.degraded?.join(' ')).toContain('mutation storm');
    const method = model.appendix.method.join(' ');
    expect(method).toContain('On 1 page(s) too busy to record in full');
    expect(method).toContain('The visit’s storage space (150\u00a0MB) was reached at');
  });

  it('says nothing of it for a page recorded in full', () => {
    const model = buildReport(bareVisitData(), { lang: 'fr', now: NOW });
    expect(model.appendix.method.join(' ')).not.toContain('allégé');
  });
});
