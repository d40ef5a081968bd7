import { gzipSync } from 'fflate';
import { ECOMMERCE_CHECKLIST } from '../../utils/checklist/defaults';
import { visitDataSchema, type VisitData } from '../../utils/report/visit-data';
import type { PageType } from '../../utils/schema/page-type';

/**
 * A generated 30-minute visit with 60 screenshots, to measure the report on (`npm run bench`): 40
 * pages of about 45 s, each recorded as a full snapshot of ~1 500 nodes and then mouse moves,
 * scrolls and DOM changes at the density of a real session (~35 KB of gzip per minute), answers to
 * the whole default checklist, notes, signals, an audit per page and an abandonment at the cart.
 */

/** `assetImages`: product pictures drawn for the visit, of which those within the asset budget are kept. */
export const GENERATED = { minutes: 30, pages: 40, screenshots: 60, assetImages: 720 } as const;

/** A kept copy of one of the shop's assets, as the generated visit uses it (made by the caller, in a browser). */
export interface GeneratedAsset {
  url: string;
  kind: 'image' | 'stylesheet';
  mime: string;
  hash: string;
  data: Uint8Array;
  width?: number;
  height?: number;
}

/** The address of the generated shop's product picture `k`. */
export const productImageUrl = (k: number) => `https://boutique.example/img/produit-${k}.webp`;
export const THEME_URL = 'https://boutique.example/css/theme.css';

export interface GeneratedRecords {
  data: VisitData;
  chunks: { pageId: string; seq: number; data: Uint8Array; count: number; firstTs: number; lastTs: number }[];
}

const TYPES: PageType[] = ['home', 'listing', 'product', 'product', 'listing', 'product', 'cart', 'checkout', 'search', 'contact'];

let nextId = 10;
function element(tag: string, children: unknown[], attributes: Record<string, string> = {}) {
  return { type: 2, tagName: tag, attributes, childNodes: children, id: nextId++ };
}
const text = (value: string) => ({ type: 3, textContent: value, id: nextId++ });

/** A product grid page: ~1 500 nodes; with `images`, each card shows product picture `first + i` (of `images`) and the page links the theme. */
function snapshot(title: string, images = 0, first = 0) {
  const cards = Array.from({ length: 120 }, (_, i) =>
    element('article', [
      ...(images > 0 ? [element('img', [], { src: productImageUrl((first + i) % images), width: '220', height: '220', alt: `Produit ${i}` })] : []),
      element('h3', [text(`Produit ${i} — ${title}`)]),
      element('p', [text('Cuir pleine fleur, semelle cousue, fabriqué au Portugal. Livraison en 48 h.')]),
      element('span', [text(`${(49 + i).toFixed(2)} €`)], { class: 'price' }),
      element('button', [text('Ajouter au panier')], { class: 'btn', type: 'button' }),
    ], { class: 'card' }),
  );
  const style = element('style', [text('.card{border:1px solid #ddd;padding:8px;margin:4px;display:inline-block;width:220px}'.repeat(20))]);
  const theme = images > 0 ? [element('link', [], { rel: 'stylesheet', href: THEME_URL })] : [];
  return {
    type: 0,
    childNodes: [element('html', [element('head', [element('title', [text(title)]), style, ...theme]), element('body', [element('main', cards)])], { lang: 'fr' })],
    id: 1,
  };
}

/** One page's events, batched every ~2 s as the recorder does. */
function pageEvents(start: number, durationMs: number, title: string, url: string, images = 0, first = 0) {
  const events: { type: number; timestamp: number; data: unknown }[] = [
    { type: 4, timestamp: start, data: { href: url, width: 1280, height: 800 } },
    { type: 2, timestamp: start + 5, data: { node: snapshot(title, images, first), initialOffset: { left: 0, top: 0 } } },
  ];
  for (let t = 200; t < durationMs; t += 50) {
    const at = start + t;
    events.push({ type: 3, timestamp: at, data: { source: 1, positions: [{ x: (t / 7) % 1280, y: (t / 11) % 800, id: 12, timeOffset: 0 }] } });
    if (t % 1000 === 0) events.push({ type: 3, timestamp: at, data: { source: 3, id: 1, x: 0, y: (t / 10) % 3000 } });
    if (t % 2500 === 0) {
      events.push({ type: 3, timestamp: at, data: { source: 0, texts: [{ id: 20, value: `Panier (${t % 7})` }], attributes: [], removes: [], adds: [] } });
    }
  }
  return events;
}

/**
 * Builds the visit; `shots` are JPEG screenshots (image and thumbnail) made by the caller; `assets`,
 * the kept copies of the shop's theme and product pictures (the images first), which its pages show:
 * page i shows pictures 60·i to 60·i + 119, so each is met on two pages.
 */
export function generateVisit(
  now: number,
  shots: { image: Uint8Array; thumb: Uint8Array; width: number; height: number }[],
  size: { visitId: string; minutes: number; pages: number } = { visitId: 'bench-30min', ...GENERATED },
  assets: GeneratedAsset[] = [],
): {
  records: GeneratedRecords;
  images: Map<string, { image: Uint8Array; thumb: Uint8Array }>;
} {
  const { visitId, minutes } = size;
  const startedAt = now - minutes * 60_000 - 60_000;
  const pageMs = (minutes * 60_000) / size.pages;
  const pages: VisitData['pages'] = [];
  const chunks: GeneratedRecords['chunks'] = [];
  for (let i = 0; i < size.pages; i++) {
    const id = `${visitId}-p${i}`;
    const type = TYPES[i % TYPES.length]!;
    const begin = startedAt + i * pageMs;
    const url = `https://boutique.example/${type}/${i}`;
    const title = `Page ${i} (${type}) — Boutique exemple`;
    pages.push({
      id, visitId, tabId: 1, url, title, startedAt: begin, endedAt: begin + pageMs, navType: 'navigate',
      timing: { redirect: 0, dns: 2, connect: 5, ttfb: 180 + i, domContentLoaded: 600, load: 900 },
      vitals: { LCP: { value: 1800 + i * 20, rating: 'good' }, CLS: { value: 0.02, rating: 'good' } },
      autoType: type, autoTypeReasons: ['url'],
    });
    const pictures = assets.filter((a) => a.kind === 'image').length;
    const events = pageEvents(begin, pageMs - 500, title, url, pictures, i * 60);
    for (let seq = 0, from = 0; from < events.length; seq++) {
      let to = from + 1;
      while (to < events.length && events[to]!.timestamp - events[from]!.timestamp < 2000) to++;
      const batch = events.slice(from, to);
      chunks.push({
        pageId: id, seq, data: gzipSync(new TextEncoder().encode(JSON.stringify(batch)), { level: 6 }),
        count: batch.length, firstTs: batch[0]!.timestamp, lastTs: batch[batch.length - 1]!.timestamp,
      });
      from = to;
    }
  }
  const images = new Map<string, { image: Uint8Array; thumb: Uint8Array }>();
  const screenshots: VisitData['screenshots'] = shots.map((shot, i) => {
    const id = `${visitId}-s${i}`;
    images.set(id, { image: shot.image, thumb: shot.thumb });
    const page = pages[Math.floor((i * size.pages) / shots.length)]!;
    return {
      id, visitId, pageId: page.id, at: page.startedAt + 10_000, offset: 10_000, kind: i % 10 === 0 ? 'full-page' : 'visible',
      trigger: 'button', width: shot.width, height: shot.height, annotations: [],
    };
  });
  const criteria = ECOMMERCE_CHECKLIST.sections.flatMap((s) => s.criteria);
  const answers: VisitData['answers'] = criteria.map((c, i) => {
    const page = pages[i % pages.length]!;
    const state = i % 4 === 0 ? 'no' : i % 9 === 0 ? 'na' : 'yes';
    return {
      id: `${visitId}/${c.id}`, visitId, checklistId: ECOMMERCE_CHECKLIST.id, criterionId: c.id,
      state, ...(c.answer.kind === 'scale' && state === 'yes' ? { value: 4 } : {}), ...(c.answer.kind === 'number' ? { value: 12 } : {}),
      comment: state === 'no' ? 'Le critère n’est pas respecté sur cette page : voir la capture.' : '',
      pageId: page.id, at: page.startedAt + 5000, offset: 5000, evidence: i % 8 === 0 ? [{ kind: 'screenshot', screenshotId: `${visitId}-s${i % shots.length}` }] : [],
    };
  });
  const signals: VisitData['signals'] = pages.flatMap((p, i) =>
    i % 3 === 0 ? [{ id: `${visitId}-sig${i}`, visitId, pageId: p.id, type: 'rage-click' as const, at: p.startedAt + 8000, offset: 8000, selector: '#size-guide', facts: { clicks: 4 } }] : [],
  );
  const audits: VisitData['audits'] = pages.map((p) => ({
    id: `${visitId}-a-${p.id}`, visitId, pageId: p.id, at: p.startedAt + 3000, trigger: 'auto', status: 'done', durationMs: 400,
    accessibility: {
      axeVersion: '4.11.0',
      violations: [{ ruleId: 'image-alt', impact: 'critical', help: 'Images must have alternative text', helpUrl: 'https://dequeuniversity.com/rules/axe/4.11/image-alt', wcag: ['1.1.1'], level: 'A', rgaa: ['1.1'], nodes: [{ selector: 'img.thumb', html: '<img class="thumb" src="/a.svg">', summary: 'Add an alt attribute' }], nodeCount: 2 }],
      incomplete: [],
    },
  }));
  const cart = pages.find((p) => p.autoType === 'cart') ?? pages[pages.length - 1]!;
  const data = visitDataSchema.parse({
    visit: {
      id: visitId, origin: 'https://boutique.example', site: 'boutique.example', startedAt, endedAt: startedAt + minutes * 60_000,
      status: 'ended', tabIds: [1], origins: ['https://boutique.example/*'], pauses: [], userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0',
      stages: ['landing', 'browse', 'product', 'cart', 'checkout'], checklistId: ECOMMERCE_CHECKLIST.id,
      outcome: { kind: 'abandoned', stage: 'cart', declared: true, reason: 'extra-costs', abandonmentId: `${visitId}-ab1`, pageId: cart.id, signalIds: [] },
      verdict: { text: 'Le parcours est clair. Les frais arrivent trop tard.', alias: 'Banc d’essai', at: now, final: true },
    },
    pages,
    screenshots,
    notes: pages.slice(0, 20).map((p, i) => ({ id: `${visitId}-n${i}`, visitId, pageId: p.id, at: p.startedAt + 12_000, offset: 12_000, text: `Note ${i} : le bouton est peu visible.` })),
    signals,
    abandonments: [{ id: `${visitId}-ab1`, visitId, pageId: cart.id, at: cart.startedAt + 20_000, offset: 20_000, stage: 'cart', reason: 'extra-costs', comment: 'Frais de livraison inconnus.' }],
    answers,
    audits,
    checklist: ECOMMERCE_CHECKLIST,
    recording: chunks.map(({ data: _d, ...part }) => ({ visitId, ...part })),
    ...(assets.length > 0
      ? {
          assets: assets.map((a, n) => ({
            visitId, url: a.url, kind: a.kind, pageId: pages[Math.min(pages.length - 1, Math.floor(n / 60))]!.id, hash: a.hash, at: startedAt + 1000,
            ...(a.width ? { width: 220, height: 220 } : {}),
          })),
          assetCopies: assets.map((a) => ({ hash: a.hash, mime: a.mime, size: a.data.byteLength, ...(a.width && a.height ? { width: a.width, height: a.height } : {}) })),
        }
      : {}),
  });
  if (assets.length > 0) data.visit.assetBytes = assets.reduce((n, a) => n + a.data.byteLength, 0);
  return { records: { data, chunks }, images };
}
