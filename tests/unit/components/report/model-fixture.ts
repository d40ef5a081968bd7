import type { ReportModel } from '../../../../utils/report/model-types';
import { topFindings } from '../../../../utils/report/top-findings';

/**
 * A complete report, written by hand, with strings an audited site (or a person) could have put
 * anywhere: the components must show them as text, never run them as markup.
 */
export const HOSTILE = {
  title: '<img src=x onerror=alert(1)>',
  selector: '"><script>alert(2)</script>',
  comment: '</textarea><svg onload=alert(3)>',
  url: 'javascript:alert(4)',
} as const;

const START = Date.UTC(2025, 5, 12, 12, 0, 0);
const shot = (id: string) => ({ kind: 'screenshot' as const, screenshotId: id });
const replay = (at: number) => ({ kind: 'replay' as const, at });

const base: Omit<ReportModel, 'firstPage'> = {
  lang: 'en',
  visitId: 'v1',
  generatedAt: START + 3_600_000,
  cover: {
    site: `shop.example ${HOSTILE.title}`,
    origin: HOSTILE.url,
    mission: 'Find shoes under 50 €',
    personaAlias: `Claire ${HOSTILE.comment}`,
    deadline: { at: START + 86_400_000, met: true },
    startedAt: START,
    endedAt: START + 754_000,
    durationMs: 754_000,
    customerMs: 694_000,
    evaluator: `Eva ${HOSTILE.comment}`,
    browser: 'Chrome 156 · Linux',
    screen: { width: 1280, height: 800 },
    status: 'ended',
  },
  summary: {
    score: 72,
    sections: [
      { id: 'trust', title: `Trust ${HOSTILE.title}`, score: 80, answered: 4, total: 5 },
      { id: 'delivery', title: 'Delivery', score: null, answered: 0, total: 3 },
    ],
    outcome: {
      kind: 'abandoned',
      stage: 'cart',
      stageLabel: 'Cart',
      reason: 'Extra costs',
      comment: HOSTILE.comment,
      text: 'Abandoned at the cart: extra costs shown too late.',
      evidence: [shot('s1'), replay(83_000)],
    },
    topFindings: [
      {
        id: 'criterion:C12',
        source: 'checklist',
        title: `Delivery costs hidden ${HOSTILE.title}`,
        detail: HOSTILE.comment,
        severity: 'critical',
        rank: 100,
        knockout: true,
        pageId: 'p2',
        pageUrl: HOSTILE.url,
        evidence: [shot('s2'), replay(83_000)],
      },
      {
        id: 'signal:g1',
        source: 'signal',
        title: 'Rage clicks on the size guide',
        severity: 'major',
        rank: 50,
        knockout: false,
        evidence: [replay(95_500)],
      },
      { id: 'speed:p1', source: 'speed', title: 'Slow home page', severity: 'minor', rank: 10, knockout: false, evidence: [] },
    ],
    knockouts: [
      {
        id: 'criterion:C12',
        source: 'checklist',
        title: 'Delivery costs hidden',
        severity: 'critical',
        rank: 100,
        knockout: true,
        evidence: [shot('s2')],
      },
    ],
    counts: { pages: 2, screenshots: 2, notes: 1, signals: 1, answered: 4, criteria: 8 },
  },
  questions: [
    {
      id: 'orders',
      question: 'Does the site lose orders?',
      status: 'answered',
      answer: 'Yes: at the cart.',
      lead: { kind: 'surprise-cost', tier: 1, text: 'The shopper would have left at the cart: extra costs.', pageId: 'p2', evidence: [shot('s2')] },
      causes: [
        { kind: 'surprise-cost', tier: 1, text: 'The shopper would have left at the cart: extra costs.', pageId: 'p2', evidence: [shot('s2')] },
        { kind: 'accessibility', tier: 4, text: 'Accessibility: Form elements must have labels (2 elements, the cart).', pageId: 'p2', evidence: [] },
      ],
      coverage: 'Seen in this visit: cart.',
      findings: [],
    },
    { id: 'first-seconds', question: 'Do the first seconds convince?', status: 'clear', answer: HOSTILE.title, causes: [], coverage: HOSTILE.title, findings: [] },
    {
      id: 'product',
      question: 'Does the product page answer questions?',
      status: 'answered',
      answer: 'Partly.',
      lead: { kind: 'unresponsive', tier: 3, text: 'Rage clicks on the product page.', criterionId: 'C12', evidence: [replay(95_500)] },
      causes: [{ kind: 'unresponsive', tier: 3, text: 'Rage clicks on the product page.', criterionId: 'C12', evidence: [replay(95_500)] }],
      coverage: 'Seen in this visit: product page.',
      findings: [{ id: 'signal:g1', source: 'signal', title: 'Rage clicks', severity: 'major', rank: 50, knockout: false, evidence: [replay(95_500)] }],
    },
    { id: 'return', question: 'Would a shopper come back?', status: 'not-reached', answer: 'Nothing seen.', causes: [], coverage: 'No contact page was viewed.', findings: [] },
  ],
  mission: {
    id: 'shoes-2025',
    title: `Shoes ${HOSTILE.title}`,
    agency: `Agence ${HOSTILE.selector}`,
    builtIn: false,
    hash: 'a'.repeat(64),
    instructions: `Buy shoes.\n${HOSTILE.comment}`,
    persona: { alias: 'Claire', lang: 'fr', device: 'mobile', viewport: { width: 390, height: 844 }, country: 'FR', currency: 'EUR' },
    deadline: { at: START + 86_400_000, met: true },
    orderFollowed: false,
    steps: [
      {
        id: 'find',
        instruction: `Find shoes ${HOSTILE.title}`,
        success: 'A product page',
        required: true,
        reached: true,
        inOrder: true,
        missing: false,
        status: 'failed',
        comment: `No size guide ${HOSTILE.comment}`,
        pageId: 'p2',
        replayAt: 15_000,
        wallMs: 95_000,
        customerMs: 55_000,
        targetMs: 60_000,
        overTarget: false,
      },
      {
        id: 'pay',
        instruction: 'Pay',
        success: 'The payment page',
        required: true,
        reached: false,
        inOrder: false,
        missing: true,
        explanation: `Out of stock ${HOSTILE.title}`,
        replayAt: null,
      },
    ],
    evidence: [
      { id: 'shot-confirm', kind: 'screenshot', label: `Confirmation ${HOSTILE.title}`, present: false, explanation: 'No order' },
      { id: 'note-delivery', kind: 'note', label: 'Delivery options', present: true },
    ],
  },
  journey: {
    stages: [
      { stage: 'landing', label: 'Landing', reachedAt: START, sinceStart: 0, sinceStartCustomer: 0, replayAt: 0 },
      { stage: 'cart', label: 'Cart', reachedAt: START + 65_000, sinceStart: 65_000, sinceStartCustomer: 45_000, replayAt: 65_000 },
    ],
    pages: [
      {
        id: 'p1',
        url: HOSTILE.url,
        title: HOSTILE.title,
        type: 'home',
        typeLabel: 'Home',
        startedAt: START,
        durationMs: 65_000,
        customerMs: 45_000,
        replayAt: 0,
        thumbnailId: 's1',
        refinements: 0,
        signals: [{ type: 'rage-click', label: 'Rage click', count: 1 }],
      },
      { id: 'p2', url: 'https://shop.example/cart', title: 'Cart', type: 'cart', typeLabel: 'Cart', startedAt: START + 65_000, durationMs: 30_000, customerMs: 30_000, replayAt: null, refinements: 3, signals: [] },
    ],
    signals: [
      {
        id: 'g1',
        type: 'rage-click',
        label: 'Rage click',
        pageId: 'p1',
        at: START + 95_500,
        replayAt: 95_500,
        selector: HOSTILE.selector,
        detail: `5 clicks in 1.2 s on “${HOSTILE.title}”`,
      },
    ],
  },
  checklist: {
    title: 'Quick visit',
    sections: [
      {
        id: 'trust',
        title: 'Trust',
        score: 80,
        criteria: [
          {
            id: 'C12',
            question: 'Are delivery costs shown before the cart?',
            state: 'no',
            stateLabel: 'No',
            comment: HOSTILE.comment,
            weight: 3,
            knockout: true,
            references: ['Opquast 35', 'RGAA 1.1'],
            evidence: [shot('s2'), replay(83_000)],
            pageId: 'p2',
            reviewComment: `Say which page ${HOSTILE.title}`,
          },
          { id: 'C13', question: 'Is there a phone number?', state: 'unanswered', stateLabel: 'Not answered', comment: '', weight: 1, knockout: false, references: [], evidence: [] },
        ],
      },
    ],
  },
  accessibility: {
    pages: [
      {
        pageId: 'p1',
        url: HOSTILE.url,
        title: HOSTILE.title,
        statusLabel: 'done',
        audited: true,
        findings: [
          {
            ruleId: 'image-alt',
            impact: 'critical',
            impactLabel: 'critical',
            help: 'Images must have alternative text',
            helpUrl: HOSTILE.url,
            wcag: ['1.1.1'],
            rgaa: ['1.1'],
            nodeCount: 7,
            nodes: [{ selector: HOSTILE.selector, html: HOSTILE.title, summary: HOSTILE.comment }],
          },
          {
            ruleId: 'color-contrast',
            impact: 'serious',
            impactLabel: 'serious',
            help: 'Elements must meet contrast',
            helpUrl: 'https://dequeuniversity.com/rules/axe/4.10/color-contrast',
            wcag: [],
            rgaa: [],
            nodeCount: 1,
            nodes: [],
          },
        ],
      },
    ],
    violations: 2,
    byImpact: { critical: 1, serious: 1 },
  },
  speed: {
    pages: [
      {
        pageId: 'p1',
        url: HOSTILE.url,
        title: HOSTILE.title,
        verdict: 'poor',
        verdictLabel: 'Slow page',
        vitals: { LCP: { value: 4200, rating: 'poor', target: HOSTILE.selector }, CLS: { value: 0.02, rating: 'good' } },
        reasons: [`Largest element ${HOSTILE.selector} shown after 4.2 s`],
        ttfbMs: 900,
        transferBytes: 1_450_000,
      },
    ],
  },
  notes: [{ id: 'n1', pageId: 'p1', at: START + 40_000, replayAt: 40_000, text: `Guide does not open ${HOSTILE.comment}` }],
  screenshots: [
    {
      id: 's1',
      pageId: 'p1',
      at: START + 10_000,
      replayAt: 10_000,
      kind: 'visible',
      trigger: 'stage',
      width: 1280,
      height: 800,
      caption: `Visible · Home · ${HOSTILE.title}`,
      annotations: [{ id: 'a1', x: 0.1, y: 0.2, w: 0.3, h: 0.1, caption: HOSTILE.comment }],
    },
    { id: 's2', pageId: 'p2', at: START + 83_000, replayAt: 83_000, kind: 'full-page', trigger: 'button', width: 1280, height: 4000, caption: 'Full page · Cart', annotations: [] },
  ],
  verdict: {
    text: `The shop is trusted.\n${HOSTILE.comment}`,
    final: false,
    at: START + 800_000,
    issues: [
      { kind: 'long-sentence', sentence: HOSTILE.title, words: 30 },
      { kind: 'no-without-comment', criterionId: 'C14', question: HOSTILE.selector },
    ],
  },
  markers: [
    { at: 0, kind: 'page', label: HOSTILE.title, refId: 'p1' },
    { at: 83_000, kind: 'answer', label: 'C12: No', refId: 'C12' },
    { at: 3_723_000, kind: 'note', label: 'Long visit', refId: 'n1' },
  ],
  replay: { available: true, durationMs: 3_800_000, assets: { kept: 42, notKept: { 'other-site': 3, 'not-cached': 2 }, budgetReached: false, leftOutOfFile: 0 } },
  review: {
    status: 'returned',
    updatedAt: START + 7_200_000,
    reviewer: HOSTILE.title,
    comments: [{ criterionId: 'C12', text: 'Say which page', at: START + 7_200_000 }],
    history: [{ status: 'submitted', at: START + 3_600_000 }],
  },
  appendix: {
    method: ['One evaluator shopped the site as a customer would.'],
    references: [
      { name: 'RGAA 4.1.2', attribution: 'DINUM, Licence Ouverte 2.0', url: 'https://accessibilite.numerique.gouv.fr/' },
      { name: 'Hostile', attribution: HOSTILE.title, url: HOSTILE.url },
    ],
    glossary: [{ term: 'Knock-out', definition: 'A criterion that fails the whole visit.' }],
  },
};

export const reportModel: ReportModel = {
  ...base,
  firstPage: { score: base.summary.score, outcome: base.summary.outcome, findings: topFindings(base) },
};
