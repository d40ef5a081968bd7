import { describe, expect, it } from 'vitest';
import { scoreChecklist } from '../../../../utils/checklist/score';
import { ECOMMERCE_CHECKLIST } from '../../../../utils/checklist/defaults';
import { buildReport } from '../../../../utils/report/build-report';
import { topFindings } from '../../../../utils/report/top-findings';
import { visitDataSchema } from '../../../../utils/report/visit-data';
import { bareVisitData, T0, visitData } from './fixture';

const NOW = T0 + 300_000;
const report = (lang: 'fr' | 'en' = 'en', data = visitData()) => buildReport(data, { lang, now: NOW });
const finding = (id: string, lang: 'fr' | 'en' = 'en') => {
  const found = report(lang).questions.flatMap((q) => q.findings).concat(report(lang).summary.topFindings).find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id}`);
  return found;
};

describe('the fixture', () => {
  it('is a valid visit', () => {
    expect(visitDataSchema.safeParse(visitData()).success).toBe(true);
    expect(visitDataSchema.safeParse(bareVisitData()).success).toBe(true);
  });
});

describe('buildReport: summary', () => {
  it('scores with scoreChecklist, section by section', () => {
    const data = visitData();
    const expected = scoreChecklist(ECOMMERCE_CHECKLIST, data.answers);
    const { summary, checklist } = report('en', data);
    expect(summary.score).toBe(expected.overall);
    expect(summary.score).not.toBeNull();
    expect(summary.sections.map((s) => s.score)).toEqual(expected.sections.map((s) => s.score));
    expect(checklist?.sections.map((s) => s.score)).toEqual(expected.sections.map((s) => s.score));
    expect(summary.counts).toEqual({ pages: 6, screenshots: 2, notes: 2, signals: 5, answered: expected.answered, criteria: expected.total });
  });

  it('lists the knock-out "no" as a critical finding', () => {
    const { knockouts } = report().summary;
    expect(knockouts.map((k) => k.id)).toEqual(['criterion:E04']);
    expect(knockouts[0]).toMatchObject({ severity: 'critical', knockout: true, source: 'checklist' });
  });

  it('ranks the top findings, the abandonment and the knock-out first', () => {
    const top = report().summary.topFindings;
    expect(top.length).toBeLessThanOrEqual(10);
    expect(new Set(top.slice(0, 2).map((f) => f.id))).toEqual(new Set(['criterion:E04', 'abandonment:ab1']));
    const ranks = top.map((f) => f.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(new Set(report().summary.topFindings.map((f) => f.id)).size).toBe(top.length);
  });

  it('puts the score, the outcome and the three findings that matter most on the first page', () => {
    const model = report();
    expect(model.firstPage.score).toBe(model.summary.score);
    expect(model.firstPage.outcome).toEqual(model.summary.outcome);
    expect(model.firstPage.findings.map((f) => f.id)).toEqual(topFindings(model).map((f) => f.id));
    expect(model.firstPage.findings).toHaveLength(3);
    // The knock-out first; the abandonment shows its own screenshot.
    expect(model.firstPage.findings[0]?.id).toBe('criterion:E04');
    const abandonment = model.firstPage.findings.find((f) => f.id === 'abandonment:ab1');
    expect(abandonment?.thumbnailId).toBe('s2');
  });

  it('says how the visit ended, with the comment and the proof', () => {
    const { outcome } = report().summary;
    expect(outcome).toMatchObject({ kind: 'abandoned', stage: 'cart', stageLabel: 'Cart', reason: 'Extra costs' });
    expect(outcome.text).toBe('Abandoned at the cart: extra costs. “Les frais de port n’apparaissent qu’à la commande.”');
    expect(outcome.evidence[0]).toEqual({ kind: 'screenshot', screenshotId: 's2' });
    expect(outcome.evidence.some((e) => e.kind === 'replay')).toBe(true);
    expect(report('fr').summary.outcome.text).toBe(
      'Abandon au panier\u00a0: frais supplémentaires. «\u00a0Les frais de port n’apparaissent qu’à la commande.\u00a0»',
    );
  });
});

describe('buildReport: findings', () => {
  it('weighs checklist answers: knock-out and weight 3 critical, a low rating by its weight', () => {
    expect(finding('criterion:E04')).toMatchObject({ severity: 'critical', rank: 331, detail: 'Une assurance est pré-cochée dans le panier.' });
    expect(finding('criterion:E04').evidence).toEqual([
      { kind: 'screenshot', screenshotId: 's2' },
      expect.objectContaining({ kind: 'replay' }),
      expect.objectContaining({ kind: 'replay' }),
    ]);
    expect(finding('criterion:E03').detail).toBeUndefined();
    expect(finding('criterion:H05')).toMatchObject({ severity: 'minor', rank: 111, detail: '2 / 5 — Trop d’étapes.' });
    expect(finding('criterion:E03').title).toBe(ECOMMERCE_CHECKLIST.sections[4]!.criteria[2]!.question.en);
  });

  it('groups signals per page and type, with their count', () => {
    const rage = finding('signal:p3:rage-click');
    expect(rage).toMatchObject({ severity: 'major', rank: 203 });
    expect(rage.detail).toBe('3 times. The first: 5 clicks in 1.2 s on “Guide des tailles”.');
    expect(rage.evidence).toHaveLength(3);
    expect(finding('signal:p5:js-error').severity).toBe('major');
    expect(finding('signal:p4:failed-request').detail).toBe('POST https://shop.example/api/shipping: answered 500.');
  });

  it('groups accessibility violations by rule over the pages', () => {
    const alt = finding('a11y:image-alt');
    expect(alt).toMatchObject({ title: 'Images must have alternative text', severity: 'critical', detail: '21 elements on 6 pages' });
  });

  it('flags the slow page with its reasons in the report language', () => {
    expect(finding('speed:p3')).toMatchObject({ severity: 'major', detail: 'The page’s largest element appeared after 5.2 s (LCP).' });
    expect(finding('speed:p3', 'fr').detail).toContain('s’est affiché au bout de 5,2');
  });

  it('reads the first seconds: the cookie wall and the slow largest paint', () => {
    expect(finding('landing:p1:overlay')).toMatchObject({ severity: 'major', title: 'Cookie banner: covers 45% of the screen for 6.2 s' });
    expect(finding('landing:p1:slow')).toMatchObject({ severity: 'major', title: 'Main content shown after 4.8 s' });
  });
});

describe('buildReport: the customer’s clock', () => {
  it('leaves the evaluator’s work in the panel out of the visit’s, the pages’ and the stages’ times, wall time beside', () => {
    const data = visitData();
    const first = [...data.pages].sort((a, b) => a.startedAt - b.startedAt)[0]!;
    data.visit = { ...data.visit, panelWork: [{ from: first.startedAt + 1_000, to: first.startedAt + 11_000 }] };
    const model = report('en', data);
    expect(model.cover.customerMs).toBe(model.cover.durationMs - 10_000);
    const page = model.journey.pages.find((p) => p.id === first.id)!;
    expect(page.durationMs).toBeGreaterThan(11_000);
    expect(page.customerMs).toBe(page.durationMs - 10_000);
    const later = model.journey.stages.filter((s) => s.reachedAt > first.startedAt + 11_000);
    expect(later.length).toBeGreaterThan(0);
    for (const stage of later) expect(stage.sinceStartCustomer).toBeLessThanOrEqual(stage.sinceStart - 10_000);
  });
});

describe('buildReport: the rest of the model', () => {
  it('fills the cover', () => {
    expect(report().cover).toEqual({
      site: 'shop.example',
      origin: 'https://shop.example',
      mission: 'E-commerce visit',
      startedAt: T0,
      endedAt: T0 + 200_000,
      durationMs: 190_000,
      // No panel work in this visit: the customer's clock leaves out the pause alone.
      customerMs: 190_000,
      evaluator: 'Camille',
      browser: 'Chrome 156 · Linux',
      status: 'ended',
    });
    expect(report('fr').cover.mission).toBe('Visite e-commerce');
  });

  it('has the writing help flag the "no" without a comment', () => {
    const { verdict } = report();
    expect(verdict.issues).toEqual([{ kind: 'no-without-comment', criterionId: 'E03', question: expect.any(String) as string }]);
    expect(verdict).toMatchObject({ final: false, text: 'Le site inspire confiance. Les frais de port arrivent trop tard.' });
  });

  it('shows the criteria with their state in words and their references', () => {
    const criteria = report().checklist!.sections.flatMap((s) => s.criteria);
    const byId = new Map(criteria.map((c) => [c.id, c]));
    expect(byId.get('A01')).toMatchObject({ state: 'yes', stateLabel: 'Yes' });
    expect(byId.get('H05')).toMatchObject({ state: 'yes', stateLabel: '2 / 5' });
    expect(byId.get('B01')).toMatchObject({ state: 'unanswered', stateLabel: 'Unanswered', evidence: [] });
    expect(byId.get('E04')?.references).toContain('Nielsen N3');
  });

  it('credits its sources and says how the visit was measured', () => {
    const { appendix } = report();
    expect(appendix.references.map((r) => r.name)).toEqual(['E-commerce visit', 'axe-core', 'RGAA 4.1.2', 'Opquast', 'web-vitals', 'rrweb']);
    expect(appendix.references[0]!.attribution).toBe(ECOMMERCE_CHECKLIST.attribution);
    expect(appendix.method.join(' ')).toContain('axe-core 4.10.3');
    expect(appendix.glossary).toHaveLength(12);
  });

  it('is pure: the same data give the same model', () => {
    expect(report()).toEqual(report());
  });
});

describe('buildReport: a bare visit', () => {
  const bare = () => buildReport(bareVisitData(), { lang: 'en', now: NOW });

  it('still builds, with empty sections and honest texts', () => {
    const model = bare();
    expect(model.checklist).toBeNull();
    expect(model.summary).toMatchObject({ score: null, sections: [], knockouts: [], topFindings: [] });
    expect(model.firstPage).toEqual({ score: null, outcome: model.summary.outcome, findings: [] });
    expect(model.summary.outcome).toEqual({ kind: 'unknown', text: 'Outcome unknown: the visit was interrupted before its end.', evidence: [] });
    expect(model.cover.mission).toBe('Quick visit');
    expect(model.markers).toEqual([]);
    expect(model.replay).toEqual({ available: false, durationMs: 0, assets: { kept: 0, notKept: {}, budgetReached: false, leftOutOfFile: 0 } });
    expect(model.accessibility.pages.every((p) => !p.audited && p.statusLabel === 'not audited')).toBe(true);
    expect(model.speed.pages.every((p) => p.verdict === null)).toBe(true);
    expect(model.journey.pages.every((p) => p.replayAt === null)).toBe(true);
    // Only the pages speak: checkout then a login page, and nothing after it.
    expect(model.questions.map((q) => [q.id, q.status, q.lead?.kind])).toEqual([
      ['orders', 'answered', 'forced-account'],
      ['first-seconds', 'not-reached', undefined],
      ['product', 'clear', undefined],
      ['return', 'clear', undefined],
    ]);
    expect(model.questions[1]!.coverage).toBe('First pages: home. Their first seconds were not measured.');
    for (const q of model.questions) expect(q.findings).toEqual([]);
    expect(model.appendix.method).toContain('No checklist was used: the visit has no score.');
  });

  it('says in its method what the recorder dropped, in French and English, and nothing when it dropped nothing', () => {
    const data = bareVisitData();
    expect(buildReport(data, { lang: 'en', now: NOW }).appendix.method.join(' ')).not.toContain('dropped');
    data.visit.dropped = { 'doc-1': { forged: 2, excess: 40 }, 'doc-2': { forged: 0, excess: 3 } };
    expect(buildReport(data, { lang: 'en', now: NOW }).appendix.method).toContain(
      'While recording, 2 forged and 43 excess message(s) from the pages were dropped: they are not in the replay.',
    );
    expect(buildReport(data, { lang: 'fr', now: NOW }).appendix.method.join(' ')).toContain('2 message(s) falsifié(s) et 43 message(s) en excès');
  });

  it('says in its method what was left out as benign, summed over the pages, in French and English', () => {
    const data = visitData();
    expect(buildReport(data, { lang: 'en', now: NOW }).appendix.method.join(' ')).not.toContain('benign');
    data.pages[0]!.ignoredSignals = { 'resize-observer-loop': 2, favicon: 1 };
    data.pages[1]!.ignoredSignals = { favicon: 1 };
    expect(buildReport(data, { lang: 'en', now: NOW }).appendix.method.at(-1)).toContain(': 4 ignored as benign (favicon ×2, ResizeObserver loop ×2).');
    expect(buildReport(data, { lang: 'fr', now: NOW }).appendix.method.at(-1)).toContain('\u00a0: 4 ignorés comme bénins (boucle ResizeObserver ×2, favicon ×2).');
  });

  it('names no browser it cannot read', () => {
    const data = bareVisitData();
    delete data.visit.userAgent;
    expect(buildReport(data, { lang: 'fr', now: NOW }).cover.browser).toBe('Navigateur inconnu');
  });
});

describe('buildReport: text from the site', () => {
  const HOSTILE = '<img src=x onerror=alert(1)>';

  it('passes through unchanged, as plain text', () => {
    const data = visitData();
    data.pages[2]!.title = HOSTILE;
    data.notes[0]!.text = `<script>alert("n")</script> & 'quotes'`;
    data.signals[0]!.facts.label = HOSTILE;
    const model = buildReport(data, { lang: 'en', now: NOW });
    expect(model.journey.pages[2]!.title).toBe(HOSTILE);
    expect(model.speed.pages[2]!.title).toBe(HOSTILE);
    expect(model.accessibility.pages[2]!.title).toBe(HOSTILE);
    expect(model.notes[0]!.text).toBe(`<script>alert("n")</script> & 'quotes'`);
    expect(model.markers.find((m) => m.refId === 'p3')!.label).toBe(`Product page · ${HOSTILE}`);
    expect(model.journey.signals.find((s) => s.id === 'g1')!.detail).toContain(`“${HOSTILE}”`);
    expect(JSON.stringify(model)).not.toMatch(/&lt;|&gt;|&amp;|&quot;/);
  });

  it('cuts a long fact at 200 characters', () => {
    const data = visitData();
    data.signals[3]!.facts.message = 'x'.repeat(500);
    const detail = buildReport(data, { lang: 'en', now: NOW }).journey.signals.find((s) => s.id === 'g4')!.detail;
    expect(detail).toBe(`Error “${'x'.repeat(199)}…”`);
  });
});
