import type { AuditRecord, Finding, SpeedAudit } from '../../../../utils/audit/schema';
import type { Answer } from '../../../../utils/checklist/schema';
import { ECOMMERCE_CHECKLIST } from '../../../../utils/checklist/defaults';
import type { Page } from '../../../../utils/schema/page';
import type { PageType } from '../../../../utils/schema/page-type';
import type { Signal } from '../../../../utils/schema/evidence';
import type { RecordingPart, ScreenshotMeta, VisitData } from '../../../../utils/report/visit-data';

/**
 * A realistic visit of "Maison Lumière": home → listing → product → cart → checkout, then an
 * account page the recorder was not allowed on. The shopper would have left at the cart (extra
 * costs); a cookie wall covered the home page; the product page is slow.
 */

export const T0 = 1_760_000_000_000;
export const VISIT_ID = 'v1';
const s = (seconds: number) => T0 + seconds * 1000;

const PAGES: [id: string, type: PageType, start: number, title: string][] = [
  ['p1', 'home', 0, 'Maison Lumière — Luminaires'],
  ['p2', 'listing', 20, 'Suspensions'],
  ['p3', 'product', 45, 'Suspension Opaline'],
  ['p4', 'cart', 90, 'Votre panier'],
  ['p5', 'checkout', 130, 'Commande'],
  ['p6', 'account', 160, 'Créer un compte'],
];
/** When each page started (epoch ms). */
const START = new Map(PAGES.map(([id, , start]) => [id, s(start)]));
const at = (pageId: string, offset: number) => (START.get(pageId) ?? T0) + offset;

/** The account page has no recording. */
export const RECORDED = ['p1', 'p2', 'p3', 'p4', 'p5'];
/** A page's first recorded event comes a little after its start. */
export const FIRST_EVENT_DELAY = 150;

function page(id: string, type: PageType, start: number, title: string): Page {
  return {
    id,
    visitId: VISIT_ID,
    tabId: 7,
    url: `https://shop.example/${id === 'p1' ? '' : id}`,
    title,
    startedAt: s(start),
    navType: 'navigate',
    timing: { redirect: 0, dns: 5, connect: 20, ttfb: 180, domContentLoaded: 900 },
    vitals: { LCP: { value: 1800, rating: 'good' } },
    autoType: type,
    autoTypeReasons: ['fixture'],
  };
}

function pages(): Page[] {
  const list = PAGES.map(([id, type, start, title]) => page(id, type, start, title));
  list[0]!.landing = {
    fcp: 2100,
    lcp: 4800,
    cls: 0.02,
    shifts: 1,
    overlay: { kind: 'cookie-banner', selector: '#cookie-wall', coverage: 0.45, shownAt: 800, dismissedAt: 7000, coveredFor: 6200 },
    firstInteraction: 7100,
    observedFor: 10000,
  };
  return list;
}

function recording(list: Page[]): RecordingPart[] {
  return list
    .filter((p) => RECORDED.includes(p.id))
    .flatMap((p, i, recorded) => {
      const first = p.startedAt + FIRST_EVENT_DELAY;
      const end = (recorded[i + 1]?.startedAt ?? s(160)) - 100;
      const mid = Math.round((first + end) / 2);
      return [
        { visitId: VISIT_ID, pageId: p.id, seq: 0, count: 40, firstTs: first, lastTs: mid },
        { visitId: VISIT_ID, pageId: p.id, seq: 1, count: 12, firstTs: mid + 10, lastTs: end },
      ];
    });
}

function answer(criterionId: string, pageId: string, offset: number, more: Partial<Answer>): Answer {
  return {
    id: `${VISIT_ID}/${criterionId}`,
    visitId: VISIT_ID,
    checklistId: ECOMMERCE_CHECKLIST.id,
    criterionId,
    state: 'yes',
    comment: '',
    pageId,
    at: at(pageId, offset),
    offset,
    evidence: [],
    ...more,
  };
}

function signal(id: string, pageId: string, type: Signal['type'], offset: number, facts: Signal['facts']): Signal {
  return { id, visitId: VISIT_ID, pageId, type, at: at(pageId, offset), offset, facts };
}

function screenshot(id: string, pageId: string, offset: number, kind: ScreenshotMeta['kind'], trigger: ScreenshotMeta['trigger']): ScreenshotMeta {
  return { id, visitId: VISIT_ID, pageId, at: at(pageId, offset), offset, kind, trigger, width: 1280, height: 720, annotations: [] };
}

const IMAGE_ALT: Finding = {
  ruleId: 'image-alt',
  impact: 'critical',
  help: 'Images must have alternative text',
  helpUrl: 'https://dequeuniversity.com/rules/axe/4.10/image-alt',
  wcag: ['1.1.1'],
  level: 'A',
  rgaa: ['1.1'],
  nodes: [{ selector: 'img.hero', html: '<img class="hero" src="hero.jpg">', summary: 'Element does not have an alt attribute' }],
  nodeCount: 2,
};

function speed(verdict: SpeedAudit['verdict']): SpeedAudit {
  const zero = { count: 0, bytes: 0 };
  return {
    verdict,
    reasons:
      verdict === 'poor'
        ? [{ code: 'lcp', fr: 'Le plus grand élément de la page s’est affiché au bout de 5,2 s (LCP)', en: 'The page’s largest element appeared after 5.2 s (LCP)' }]
        : [],
    vitals: { LCP: { value: verdict === 'poor' ? 5200 : 1800, rating: verdict === 'poor' ? 'poor' : 'good' } },
    resources: {
      byType: { document: zero, script: zero, style: zero, image: zero, font: zero, fetch: zero, other: zero },
      total: { count: 30, bytes: 1_200_000 },
      largest: [],
      thirdParty: [],
      thirdPartyShare: 0,
      renderBlocking: [],
      oversizedImages: [],
      uncompressed: [],
    },
  };
}

function audit(pageId: string, start: number, index: number): AuditRecord {
  return {
    id: `a-${pageId}`,
    visitId: VISIT_ID,
    pageId,
    at: s(start) + 5000,
    trigger: 'auto',
    status: 'done',
    durationMs: 1200,
    accessibility: { axeVersion: '4.10.3', violations: [{ ...IMAGE_ALT, nodeCount: index + 1 }], incomplete: [] },
    speed: speed(pageId === 'p3' ? 'poor' : 'good'),
  };
}

/** The whole visit; each call gives a fresh copy to change. */
export function visitData(): VisitData {
  const list = pages();
  return {
    visit: {
      id: VISIT_ID,
      origin: 'https://shop.example',
      site: 'shop.example',
      startedAt: T0,
      endedAt: s(200),
      status: 'ended',
      tabIds: [7],
      origins: ['https://shop.example/*'],
      pauses: [{ from: s(100), to: s(110) }],
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
      stages: ['landing', 'browse', 'product', 'cart', 'checkout'],
      checklistId: ECOMMERCE_CHECKLIST.id,
      outcome: { kind: 'abandoned', stage: 'cart', declared: true, reason: 'extra-costs', abandonmentId: 'ab1', pageId: 'p4', signalIds: ['g5'] },
      verdict: { text: 'Le site inspire confiance. Les frais de port arrivent trop tard.', alias: 'Camille', at: s(210), final: false },
    },
    pages: list,
    screenshots: [screenshot('s1', 'p1', 500, 'visible', 'stage'), screenshot('s2', 'p4', 11000, 'full-page', 'abandon')],
    notes: [
      { id: 'n1', visitId: VISIT_ID, pageId: 'p2', at: at('p2', 4000), offset: 4000, text: 'Les filtres se réinitialisent au retour à la liste, très pénible pour comparer des articles.' },
      { id: 'n2', visitId: VISIT_ID, pageId: 'p5', at: at('p5', 10000), offset: 10000, text: 'Pas de paiement invité visible.' },
    ],
    signals: [
      signal('g1', 'p3', 'rage-click', 20000, { clicks: 5, spanMs: 1200, radiusPx: 8, label: 'Guide des tailles' }),
      signal('g2', 'p3', 'rage-click', 25000, { clicks: 4, spanMs: 900, radiusPx: 5, label: 'Guide des tailles' }),
      signal('g3', 'p3', 'rage-click', 30000, { clicks: 3, spanMs: 700, radiusPx: 6, label: 'Guide des tailles' }),
      signal('g4', 'p5', 'js-error', 5000, { error: 'error', message: 'TypeError: cart is undefined', source: 'https://shop.example/app.js', line: 12 }),
      signal('g5', 'p4', 'failed-request', 6000, { url: 'https://shop.example/api/shipping', method: 'POST', status: 500, resource: 'fetch' }),
    ],
    abandonments: [
      { id: 'ab1', visitId: VISIT_ID, pageId: 'p4', at: at('p4', 11000), offset: 11000, stage: 'cart', reason: 'extra-costs', comment: 'Les frais de port n’apparaissent qu’à la commande.', screenshotId: 's2' },
    ],
    answers: [
      answer('A01', 'p1', 5000, { state: 'yes' }),
      answer('D02', 'p3', 12000, { state: 'no', comment: 'Le prix est affiché hors taxes jusqu’au panier.' }),
      answer('E03', 'p4', 8000, { state: 'no' }),
      answer('E04', 'p4', 10000, {
        state: 'no',
        comment: 'Une assurance est pré-cochée dans le panier.',
        evidence: [{ kind: 'screenshot', screenshotId: 's2' }, { kind: 'replay', pageId: 'p4', offset: 9000 }],
      }),
      answer('H05', 'p5', 20000, { state: 'yes', value: 2, comment: 'Trop d’étapes.' }),
    ],
    audits: list.map((p, i) => audit(p.id, PAGES[i]![2], i)),
    checklist: ECOMMERCE_CHECKLIST,
    recording: recording(list),
  };
}

/** The same visit with nothing but its pages: no checklist, no audit, no recording, no evidence. */
export function bareVisitData(): VisitData {
  const data = visitData();
  const { checklistId: _c, outcome: _o, verdict: _v, stages: _s, ...visit } = data.visit;
  const { checklist: _k, ...rest } = data;
  return {
    ...rest,
    visit: { ...visit, status: 'interrupted' },
    pages: data.pages.map(({ landing: _l, ...p }) => p),
    screenshots: [],
    notes: [],
    signals: [],
    abandonments: [],
    answers: [],
    audits: [],
    recording: [],
  };
}
