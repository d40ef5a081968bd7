// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { $, $$, mount, root, catalogueKeys } from '../support/mount';
import { PageAudit, VisitSpeedSummary, VitalPills } from '../../../components/audit/audit-view';
import { auditEn, auditFr } from '../../../utils/i18n/audit-messages';

type Audit = Parameters<typeof PageAudit>[0]['audits'][number];
type Speed = NonNullable<Audit['speed']>;
type Impact = NonNullable<Audit['accessibility']>['violations'][number]['impact'];

const t = auditFr;

const none = { count: 0, bytes: 0 };
const speed: Speed = {
  verdict: 'needs-improvement',
  reasons: [{ code: 'lcp-slow', fr: 'Le plus grand élément arrive tard.', en: 'The largest element arrives late.' }],
  vitals: { LCP: { value: 3100, rating: 'needs-improvement' }, CLS: { value: 0.02, rating: 'good' } },
  timing: { redirect: 0, dns: 12, connect: 30, ttfb: 180, domContentLoaded: 900 },
  resources: {
    byType: { document: { count: 1, bytes: 20_000 }, script: { count: 4, bytes: 1_400_000 }, style: none, image: none, font: none, fetch: none, other: none },
    total: { count: 5, bytes: 1_420_000 },
    largest: [{ url: 'http://127.0.0.1:4173/app.js', type: 'script', bytes: 1_200_000 }],
    thirdParty: [{ origin: 'https://cdn.example', count: 2, bytes: 400_000 }],
    thirdPartyShare: 0.28,
    renderBlocking: [{ url: 'http://127.0.0.1:4173/app.js', type: 'script' }],
    oversizedImages: [{ url: 'http://127.0.0.1:4173/hero.jpg', naturalWidth: 3000, naturalHeight: 2000, shownWidth: 300, shownHeight: 200, bytes: 900_000 }],
    uncompressed: [],
  },
};

const finding = (ruleId: string, impact: Impact, nodeCount = 1) => ({
  ruleId,
  impact,
  help: `Aide ${ruleId}`,
  helpUrl: `https://dequeuniversity.com/rules/axe/4.10/${ruleId}`,
  wcag: ['1.4.3'],
  level: 'AA' as const,
  rgaa: ['3.2'],
  nodes: Array.from({ length: Math.min(nodeCount, 7) }, (_, i) => ({ selector: `#n${i}`, html: `<p id="n${i}">x</p>`, summary: 'Fix this' })),
  nodeCount,
});

const audit = (over: Partial<Audit> = {}): Audit => ({
  id: 'a1',
  visitId: 'v1',
  pageId: 'p1',
  at: Date.UTC(2025, 0, 1, 10, 0, 0),
  trigger: 'auto',
  status: 'done',
  durationMs: 2300,
  accessibility: {
    axeVersion: '4.10.0',
    violations: [finding('image-alt', 'minor'), finding('color-contrast', 'serious', 12), finding('label', 'critical')],
    incomplete: [finding('aria-hidden-focus', null)],
  },
  speed,
  ...over,
});

const page = (audits: Audit[], running = false, onRerun = vi.fn()) =>
  mount(<PageAudit t={t} lang="fr" pageTitle="Derby cuir" audits={audits} running={running} canRerun onRerun={onRerun} />);

describe('PageAudit', () => {
  it('summarises the latest audit: status, violation count, number of audits', async () => {
    await page([audit({ id: 'a0', status: 'failed' }), audit({ id: 'a1', trigger: 'rerun' })]);
    const summary = $('[data-testid=audit-summary]');
    expect(summary.dataset.violations).toBe('3');
    expect(summary.dataset.status).toBe('done');
    expect($('[data-testid=audit-meta]').textContent).toContain('2\u00a0audits');
    expect($$('[data-testid=impact-count]').map((c) => c.dataset.impact)).toEqual(['critical', 'serious', 'minor']);
  });

  it('lists violations most severe first, with rule id, impact, WCAG level, RGAA and at most five nodes', async () => {
    await page([audit()]);
    const items = $$('[data-testid=violation-item]');
    expect(items.map((i) => [i.dataset.ruleId, i.dataset.impact])).toEqual([
      ['label', 'critical'],
      ['color-contrast', 'serious'],
      ['image-alt', 'minor'],
    ]);
    const contrast = items[1]!;
    expect(contrast.textContent).toContain('1.4.3 (niveau AA)');
    expect(contrast.textContent).toContain('3.2');
    expect(contrast.querySelectorAll('[data-testid=finding-node]')).toHaveLength(5);
    expect(contrast.querySelector('.node-selector')!.tagName).toBe('CODE');
    expect(contrast.querySelector('[data-testid=node-count]')!.textContent).toContain('12\u00a0éléments concernés');
    expect($('[data-testid=violations]').tagName).toBe('DETAILS');
  });

  it('keeps "needs review" apart and collapsed', async () => {
    await page([audit()]);
    const review = $<HTMLDetailsElement>('[data-testid=needs-review]');
    expect(review.open).toBe(false);
    expect([...review.querySelectorAll<HTMLElement>('[data-testid=review-item]')].map((i) => i.dataset.ruleId)).toEqual(['aria-hidden-focus']);
    expect($('[data-testid=violations]').querySelector('[data-rule-id=aria-hidden-focus]')).toBeNull();
  });

  it('shows the speed verdict with its reasons, the one-sample label and the resource drill-down', async () => {
    await page([audit()]);
    expect($('[data-testid=speed-verdict]').dataset.verdict).toBe('needs-improvement');
    expect($('[data-testid=speed-reason]').textContent).toBe('Le plus grand élément arrive tard.');
    expect(root.textContent).toContain(t.observed);
    expect($$('[data-testid=resource-type]').map((r) => r.dataset.type)).toEqual(['document', 'script']);
    expect($('[data-testid=resources-by-type]').textContent).toContain('1,4\u00a0Mo');
    expect($('[data-testid=third-party]').textContent).toContain('28');
    expect($('[data-testid=oversized-image]').textContent).toContain('3000\u00a0×\u00a02000\u00a0px pour 300\u00a0×\u00a0200\u00a0px');
  });

  it('disables the re-run button and says so while an audit runs', async () => {
    const onRerun = vi.fn();
    await page([audit()], true, onRerun);
    expect($<HTMLButtonElement>('[data-testid=audit-rerun]').disabled).toBe(true);
    expect($('[data-testid=audit-running]').textContent).toBe(t.running);
    expect($('[data-testid=audit-running]').getAttribute('aria-live')).toBe('polite');
  });

  it('re-runs on click when idle', async () => {
    const onRerun = vi.fn();
    await page([audit()], false, onRerun);
    const button = $<HTMLButtonElement>('[data-testid=audit-rerun]');
    expect(button.disabled).toBe(false);
    expect($('[data-testid=audit-running]').textContent).toBe('');
    await act(() => button.click());
    expect(onRerun).toHaveBeenCalledTimes(1);
  });

  it('shows a timed-out audit with its text', async () => {
    await page([audit({ status: 'timed-out', accessibility: undefined, speed: undefined, error: 'axe-timeout' })]);
    expect($('[data-testid=audit-summary]').dataset.status).toBe('timed-out');
    expect($('[data-testid=audit-summary]').dataset.violations).toBe('0');
    const problem = $('[data-testid=audit-problem]');
    expect(problem.textContent).toContain(t.timedOut);
    expect(problem.textContent).toContain('axe-timeout');
    expect($('[data-testid=violation-item]')).toBeNull();
  });

  it('says when the page has no audit yet', async () => {
    await page([]);
    expect($('[data-testid=audit-summary]')).toBeNull();
    expect(root.textContent).toContain(t.noAudit);
  });
});

describe('VitalPills', () => {
  it('writes each measured metric with its value and rating in words', async () => {
    await mount(<VitalPills t={t} lang="fr" vitals={{ LCP: { value: 1200, rating: 'good' }, INP: { value: 640, rating: 'poor' } }} />);
    const pills = $$('[data-testid=vital-pill]');
    expect(pills.map((p) => [p.dataset.metric, p.dataset.rating])).toEqual([
      ['LCP', 'good'],
      ['INP', 'poor'],
    ]);
    expect(pills[0]!.textContent).toBe('LCP 1,2\u00a0s · bon');
    expect(pills[1]!.textContent).toBe('INP 0,64\u00a0s · mauvais');
  });

  it('shows CLS as a score, in English too', async () => {
    await mount(<VitalPills t={auditEn} lang="en" vitals={{ CLS: { value: 0.25, rating: 'needs-improvement' } }} />);
    expect($('[data-testid=vital-pill]').textContent).toBe('CLS 0.25 · needs improvement');
  });
});

describe('VisitSpeedSummary', () => {
  it('names the slowest page and shows the median pills', async () => {
    await mount(
      <VisitSpeedSummary
        t={t}
        lang="fr"
        pages={3}
        worst={{ pageTitle: 'Paiement', verdict: 'poor', vitals: { LCP: { value: 5200, rating: 'poor' } } }}
        median={{ LCP: { value: 2100, rating: 'good' } }}
      />,
    );
    const summary = $('[data-testid=visit-speed-summary]');
    expect(summary.dataset.pages).toBe('3');
    expect(summary.dataset.worstVerdict).toBe('poor');
    expect($('[data-testid=visit-speed-worst]').textContent).toContain('Paiement');
    expect($('[data-testid=visit-speed-median] [data-testid=vital-pill]').dataset.rating).toBe('good');
  });
});

describe('audit catalogues', () => {
  it('have the same keys in French and English', () => {
    expect(catalogueKeys(auditEn).sort()).toEqual(catalogueKeys(auditFr).sort());
  });

  it('format sizes and times in each language', () => {
    expect(auditFr.bytes(1_400_000)).toBe('1,4\u00a0Mo');
    expect(auditEn.bytes(1_400_000)).toBe('1.4 MB');
    expect(auditFr.bytes(245_000)).toBe('245\u00a0ko');
    expect(auditEn.bytes(850)).toBe('850 B');
    expect(auditFr.seconds(1200)).toBe('1,2\u00a0s');
    expect(auditEn.seconds(180)).toBe('0.18 s');
    expect(auditFr.auditsCount(2)).toBe('2\u00a0audits');
    expect(auditFr.rgaaCredit).toBe('Correspondance RGAA 4.1.2\u00a0: DINUM, Licence Ouverte 2.0');
  });
});
