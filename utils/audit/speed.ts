import { CLSThresholds, FCPThresholds, INPThresholds, LCPThresholds, TTFBThresholds } from 'web-vitals';
import { VITAL_NAMES, type Rating, type VitalName, type Vitals } from '../schema/page';
import { bareUrl } from '../messaging/audit-page';
import {
  AUDIT_LIMITS,
  RESOURCE_TYPES,
  type ImageFact,
  type ResourceFact,
  type ResourceSummary,
  type ResourceType,
  type SpeedAudit,
  type SpeedFacts,
  type SpeedReason,
  type Tally,
} from './schema';

export type { ImageFact, ResourceFact, SpeedFacts };

/*
 * Sizes are decimal, as browsers' developer tools show them: 1 kB = 1000 bytes, 1 MB = 1000 kB.
 * A resource weighs its transfer size, or its encoded body when it came from the cache (transfer 0).
 */
const KB = 1000;
const MB = 1000 * KB;

/** Thresholds of the verdict. TTFB's are web-vitals' own (good up to 800 ms, poor above 1800 ms). */
export const SPEED_THRESHOLDS = {
  ttfbNeedsImprovementMs: TTFBThresholds[0] ?? 800,
  ttfbPoorMs: TTFBThresholds[1] ?? 1800,
  weightNeedsImprovement: 2 * MB,
  weightPoor: 5 * MB,
  /** Text smaller than this gains little from compression. */
  uncompressedMinBytes: 2 * KB,
} as const;

const RANK: Record<Rating, number> = { good: 0, 'needs-improvement': 1, poor: 2 };
const worse = (a: Rating, b: Rating): Rating => (RANK[b] > RANK[a] ? b : a);

// ——— Resource types and sites ———

const EXTENSION_TYPES: [RegExp, ResourceType][] = [
  [/\.(woff2?|ttf|otf|eot)$/i, 'font'],
  [/\.css$/i, 'style'],
  [/\.(m|c)?js$/i, 'script'],
  [/\.(png|jpe?g|gif|webp|avif|svg|ico|bmp|jxl)$/i, 'image'],
];

function typeFromContentType(contentType: string | undefined): ResourceType | undefined {
  const ct = contentType?.toLowerCase() ?? '';
  if (!ct) return undefined;
  if (ct.includes('css')) return 'style';
  if (ct.includes('javascript') || ct.includes('ecmascript')) return 'script';
  if (ct.startsWith('image/')) return 'image';
  if (ct.startsWith('font/') || ct.includes('woff') || ct.includes('opentype') || ct.includes('truetype')) return 'font';
  if (ct.includes('html')) return 'document';
  return undefined;
}

/** The kind of a resource, from what started it, its media type, then its extension. */
export function resourceType(r: Pick<ResourceFact, 'name' | 'initiatorType' | 'contentType'>): ResourceType {
  const initiator = r.initiatorType.toLowerCase();
  if (initiator === 'navigation' || initiator === 'iframe' || initiator === 'frame') return 'document';
  if (initiator === 'fetch' || initiator === 'xmlhttprequest' || initiator === 'beacon') return 'fetch';
  const fromContent = typeFromContentType(r.contentType);
  if (fromContent) return fromContent;
  let path = r.name;
  try {
    path = new URL(r.name).pathname;
  } catch {
    // Not an absolute address: read the name as it is.
  }
  for (const [pattern, type] of EXTENSION_TYPES) if (pattern.test(path)) return type;
  if (initiator === 'img' || initiator === 'image' || initiator === 'input') return 'image';
  if (initiator === 'script') return 'script';
  return 'other';
}

const IP_V4 = /^\d{1,3}(\.\d{1,3}){3}$/;
// Two-letter country domains often sell names one level down (example.co.uk, example.com.au).
const SECOND_LEVELS = new Set(['co', 'com', 'net', 'org', 'gov', 'gouv', 'ac', 'edu', 'or', 'ne', 'go']);

/**
 * The site a host belongs to, roughly: its last two labels (three under "co.uk" and the like).
 * An IP address and "localhost" are sites of their own.
 */
export function siteOf(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || IP_V4.test(h) || h.startsWith('[') || h.includes(':')) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const tld = labels[labels.length - 1] ?? '';
  const second = labels[labels.length - 2] ?? '';
  const keep = tld.length === 2 && SECOND_LEVELS.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function urlOrUndefined(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** The origin of a resource served by another site than the page's, else undefined. */
function thirdPartyOrigin(resource: string, pageSite: string | undefined): string | undefined {
  const u = urlOrUndefined(resource);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || pageSite === undefined) return undefined;
  return siteOf(u.hostname) === pageSite ? undefined : u.origin;
}

const weightOf = (r: Pick<ResourceFact, 'transferSize' | 'encodedBodySize'>) => Math.max(r.transferSize, r.encodedBodySize);

// ——— The resource summary ———

const emptyTally = (): Tally => ({ count: 0, bytes: 0 });

function topBy<T>(items: readonly T[], key: (t: T) => number, n: number): T[] {
  return [...items].sort((a, b) => key(b) - key(a)).slice(0, n);
}

/** Images shown much smaller than they are, heaviest first; one entry per address, at its largest display. */
function oversizedImages(images: readonly ImageFact[], dpr: number, bytesByUrl: ReadonlyMap<string, number>, pageUrl: string) {
  const largestShown = new Map<string, ImageFact>();
  for (const img of images) {
    if (!(img.shownWidth > 0 && img.shownHeight > 0 && img.naturalWidth > 0 && img.naturalHeight > 0)) continue;
    const url = bareUrl(img.src, pageUrl);
    const seen = largestShown.get(url);
    if (!seen || img.shownWidth * img.shownHeight > seen.shownWidth * seen.shownHeight) largestShown.set(url, img);
  }
  const out: ResourceSummary['oversizedImages'] = [];
  for (const [url, img] of largestShown) {
    const tooWide = img.naturalWidth > 2 * img.shownWidth * dpr && img.naturalHeight > 2 * img.shownHeight * dpr;
    const tooMany = img.naturalWidth * img.naturalHeight >= 4 * img.shownWidth * img.shownHeight;
    if (!tooWide || !tooMany) continue;
    out.push({
      url,
      naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight,
      shownWidth: img.shownWidth,
      shownHeight: img.shownHeight,
      bytes: bytesByUrl.get(url) ?? 0,
    });
  }
  return out.sort((a, b) => b.bytes - a.bytes || b.naturalWidth * b.naturalHeight - a.naturalWidth * a.naturalHeight);
}

const TEXT_TYPES = new Set<ResourceType>(['script', 'style', 'document', 'fetch']);

/** Lists that were cut: the reasons count what was found, not what was kept. */
type Found = { oversized: number; uncompressed: Tally };

/** What the page downloaded, by kind and by site, and what it could have spared. */
function measure(facts: Pick<SpeedFacts, 'url' | 'resources' | 'images' | 'dpr'>): { summary: ResourceSummary; found: Found } {
  const page = urlOrUndefined(facts.url);
  const pageSite = page ? siteOf(page.hostname) : undefined;
  const byType = Object.fromEntries(RESOURCE_TYPES.map((t) => [t, emptyTally()])) as Record<ResourceType, Tally>;
  const total = emptyTally();
  const thirdParty = new Map<string, Tally>();
  let thirdPartyBytes = 0;
  const items: { url: string; type: ResourceType; bytes: number }[] = [];
  const renderBlocking: ResourceSummary['renderBlocking'] = [];
  const uncompressed: ResourceSummary['uncompressed'] = [];
  const bytesByUrl = new Map<string, number>();

  for (const r of facts.resources) {
    const type = resourceType(r);
    const bytes = weightOf(r);
    const url = bareUrl(r.name, facts.url);
    byType[type].count++;
    byType[type].bytes += bytes;
    total.count++;
    total.bytes += bytes;
    items.push({ url, type, bytes });
    bytesByUrl.set(url, Math.max(bytes, bytesByUrl.get(url) ?? 0));
    const origin = thirdPartyOrigin(r.name, pageSite);
    if (origin !== undefined) {
      const t = thirdParty.get(origin) ?? emptyTally();
      t.count++;
      t.bytes += bytes;
      thirdParty.set(origin, t);
      thirdPartyBytes += bytes;
    }
    if (r.renderBlockingStatus === 'blocking' && renderBlocking.length < AUDIT_LIMITS.renderBlocking) renderBlocking.push({ url, type });
    // A transfer size of 0 means cached, or another origin hiding its sizes: nothing to judge then.
    const plainText =
      TEXT_TYPES.has(type) &&
      r.transferSize > 0 &&
      r.encodedBodySize === r.decodedBodySize &&
      r.encodedBodySize > SPEED_THRESHOLDS.uncompressedMinBytes;
    if (plainText) uncompressed.push({ url, type, bytes: r.encodedBodySize });
  }

  const oversized = oversizedImages(facts.images, facts.dpr, bytesByUrl, facts.url);
  const found: Found = { oversized: oversized.length, uncompressed: { count: uncompressed.length, bytes: uncompressed.reduce((sum, u) => sum + u.bytes, 0) } };
  const summary: ResourceSummary = {
    byType,
    total,
    largest: topBy(
      items.filter((i) => i.bytes > 0),
      (i) => i.bytes,
      AUDIT_LIMITS.largest,
    ),
    thirdParty: [...thirdParty]
      .map(([origin, t]) => ({ origin: origin.slice(0, 500), ...t }))
      .sort((a, b) => b.bytes - a.bytes || b.count - a.count)
      .slice(0, AUDIT_LIMITS.thirdParty),
    thirdPartyShare: total.bytes > 0 ? Math.min(1, thirdPartyBytes / total.bytes) : 0,
    renderBlocking,
    oversizedImages: oversized.slice(0, AUDIT_LIMITS.oversizedImages),
    uncompressed: topBy(uncompressed, (u) => u.bytes, AUDIT_LIMITS.uncompressed),
  };
  return { summary, found };
}

// ——— Words ———

const numberIn = (locale: string, digits: number) => (n: number) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
const fr0 = numberIn('fr-FR', 0);
const fr1 = numberIn('fr-FR', 1);
const fr2 = numberIn('fr-FR', 2);
const en0 = numberIn('en-GB', 0);
const en1 = numberIn('en-GB', 1);
const en2 = numberIn('en-GB', 2);
// French puts a no-break space before a unit.
const NB = '\u00a0';

const frDuration = (ms: number) => (ms < 1000 ? `${fr0(ms)}${NB}ms` : `${fr1(ms / 1000)}${NB}s`);
const enDuration = (ms: number) => (ms < 1000 ? `${en0(ms)} ms` : `${en1(ms / 1000)} s`);
const frBytes = (b: number) => (b < KB ? `${fr0(b)}${NB}o` : b < MB ? `${fr0(b / KB)}${NB}ko` : `${fr1(b / MB)}${NB}Mo`);
const enBytes = (b: number) => (b < KB ? `${en0(b)} B` : b < MB ? `${en0(b / KB)} kB` : `${en1(b / MB)} MB`);

/** An address as a person reads it: the path on the page's own origin, else host and path. */
function shortUrl(url: string, pageUrl: string): string {
  const u = urlOrUndefined(url);
  const page = urlOrUndefined(pageUrl);
  if (!u) return url;
  return page && u.origin === page.origin ? u.pathname : `${u.host}${u.pathname}`;
}

const VITAL_WORDS: Record<Exclude<VitalName, 'TTFB'>, { fr: (v: number) => string; en: (v: number) => string }> = {
  LCP: {
    fr: (v) => `Le plus grand élément de la page s’est affiché au bout de ${frDuration(v)} (LCP)`,
    en: (v) => `The page’s largest element appeared after ${enDuration(v)} (LCP)`,
  },
  FCP: {
    fr: (v) => `Le premier contenu s’est affiché au bout de ${frDuration(v)} (FCP)`,
    en: (v) => `The first content appeared after ${enDuration(v)} (FCP)`,
  },
  CLS: {
    fr: (v) => `La mise en page s’est décalée de ${fr2(v)} (CLS)`,
    en: (v) => `The layout shifted by ${en2(v)} (CLS)`,
  },
  INP: {
    fr: (v) => `La page a mis ${frDuration(v)} à réagir à une action (INP)`,
    en: (v) => `The page took ${enDuration(v)} to respond to an action (INP)`,
  },
};

// ——— The verdict ———

type Cause = SpeedReason & { rating: Rating };

/** TTFB from the vitals when the recorder saw it, else from Navigation Timing; rated by both. */
function ttfbCause(facts: SpeedFacts): Cause | undefined {
  const vital = facts.vitals.TTFB;
  const ms = vital?.value ?? facts.timing?.ttfb;
  if (ms === undefined) return undefined;
  const byThreshold: Rating =
    ms > SPEED_THRESHOLDS.ttfbPoorMs ? 'poor' : ms > SPEED_THRESHOLDS.ttfbNeedsImprovementMs ? 'needs-improvement' : 'good';
  const rating = worse(byThreshold, vital?.rating ?? 'good');
  if (rating === 'good') return undefined;
  return {
    rating,
    code: 'ttfb',
    fr: `Le serveur a mis ${frDuration(ms)} à répondre (TTFB)`,
    en: `The server took ${enDuration(ms)} to respond (TTFB)`,
  };
}

function vitalCauses(facts: SpeedFacts): Cause[] {
  const out: Cause[] = [];
  for (const name of ['LCP', 'FCP', 'CLS', 'INP'] as const) {
    const vital = facts.vitals[name];
    if (!vital || vital.rating === 'good') continue;
    const words = VITAL_WORDS[name];
    out.push({ rating: vital.rating, code: name.toLowerCase(), fr: words.fr(vital.value), en: words.en(vital.value) });
  }
  return out;
}

function weightCause(res: ResourceSummary): Cause | undefined {
  const { bytes } = res.total;
  const rating: Rating =
    bytes > SPEED_THRESHOLDS.weightPoor ? 'poor' : bytes > SPEED_THRESHOLDS.weightNeedsImprovement ? 'needs-improvement' : 'good';
  if (rating === 'good') return undefined;
  const limit = rating === 'poor' ? SPEED_THRESHOLDS.weightPoor : SPEED_THRESHOLDS.weightNeedsImprovement;
  const [heaviest, heaviestTally] = topBy(Object.entries(res.byType) as [ResourceType, Tally][], ([, t]) => t.bytes, 1)[0] ?? [];
  const frKinds: Record<ResourceType, string> = {
    document: 'de documents', script: 'de scripts', style: 'de styles', image: 'd’images', font: 'de polices', fetch: 'de données', other: 'd’autres fichiers',
  };
  const enKinds: Record<ResourceType, string> = {
    document: 'documents', script: 'scripts', style: 'styles', image: 'images', font: 'fonts', fetch: 'data', other: 'other files',
  };
  const part = heaviest && heaviestTally ? { fr: `, dont ${frBytes(heaviestTally.bytes)} ${frKinds[heaviest]}`, en: `, ${enBytes(heaviestTally.bytes)} of it ${enKinds[heaviest]}` } : { fr: '', en: '' };
  return {
    rating,
    code: 'weight',
    fr: `La page pèse ${frBytes(bytes)}${part.fr} (seuil${NB}: ${frBytes(limit)})`,
    en: `The page weighs ${enBytes(bytes)}${part.en} (threshold: ${enBytes(limit)})`,
  };
}

function oversizedCause(res: ResourceSummary, found: Found, pageUrl: string): Cause | undefined {
  const first = res.oversizedImages[0];
  if (!first) return undefined;
  const others = found.oversized - 1;
  const name = shortUrl(first.url, pageUrl);
  const natural = `${first.naturalWidth}×${first.naturalHeight}`;
  const shown = `${Math.round(first.shownWidth)}×${Math.round(first.shownHeight)}`;
  const s = others > 1 ? 's' : '';
  const frMore = others > 0 ? `${NB}; ${others} autre${s} image${s} dans ce cas` : '';
  const enMore = others > 0 ? `; ${others} more image${s} like it` : '';
  return {
    rating: 'needs-improvement',
    code: 'oversized-image',
    fr: `L’image ${name} fait ${natural}${NB}px mais s’affiche en ${shown}${first.bytes ? ` (${frBytes(first.bytes)})` : ''}${frMore}`,
    en: `Image ${name} is ${natural} px, shown at ${shown}${first.bytes ? ` (${enBytes(first.bytes)})` : ''}${enMore}`,
  };
}

function uncompressedCause(res: ResourceSummary, found: Found, pageUrl: string): Cause | undefined {
  const first = res.uncompressed[0];
  if (!first) return undefined;
  const { count: n, bytes } = found.uncompressed;
  const path = shortUrl(first.url, pageUrl);
  // The page's own HTML reads badly as "text file /": it is named for what it is.
  const isPage = first.type === 'document' && first.url === bareUrl(pageUrl);
  const frName = isPage ? `le document de la page (${path})` : path;
  const enName = isPage ? `the page’s document (${path})` : path;
  return {
    rating: 'needs-improvement',
    code: 'uncompressed',
    fr:
      n > 1
        ? `${n} fichiers texte sont envoyés sans compression (${frBytes(bytes)}), dont ${frName}`
        : `${isPage ? 'Le document de la page' : 'Le fichier texte'} ${isPage ? `(${path})` : path} est envoyé sans compression (${frBytes(bytes)})`,
    en:
      n > 1
        ? `${n} text files are sent uncompressed (${enBytes(bytes)}), including ${enName}`
        : `${isPage ? 'The page’s document' : 'Text file'} ${isPage ? `(${path})` : path} is sent uncompressed (${enBytes(bytes)})`,
  };
}

/**
 * A page's speed verdict and its reasons, one per cause. Poor: a vital rated poor, TTFB over 1.8 s or
 * more than 5 MB. Needs improvement: a vital to improve, TTFB over 800 ms, an oversized image, text
 * sent uncompressed or more than 2 MB. Else good.
 */
export function analyseSpeed(facts: SpeedFacts): SpeedAudit {
  const { summary: resources, found } = measure(facts);
  const causes = [
    ttfbCause(facts),
    ...vitalCauses(facts),
    weightCause(resources),
    oversizedCause(resources, found, facts.url),
    uncompressedCause(resources, found, facts.url),
  ].filter((c): c is Cause => c !== undefined);
  const verdict = causes.reduce<Rating>((v, c) => worse(v, c.rating), 'good');
  // The worst causes first, so a cut keeps them.
  const reasons = causes
    .sort((a, b) => RANK[b.rating] - RANK[a.rating])
    .slice(0, AUDIT_LIMITS.reasons)
    .map(({ code, fr, en }) => ({ code, fr, en }));
  return {
    verdict,
    reasons,
    vitals: facts.vitals,
    ...(facts.timing ? { timing: facts.timing } : {}),
    resources,
  };
}

export type VisitSpeed = {
  pages: number;
  /** The page with the worst verdict (on a tie, the one with more reasons), by its index in the list. */
  worst?: { index: number; verdict: Rating; vitals: Vitals };
  /** Each vital's median over the pages that have it (the higher of the two middle ones), rated. */
  median: Vitals;
};

/** web-vitals' own bounds: good up to the first, poor above the second (also drawn by the report's vitals chart). */
export const VITAL_THRESHOLDS: Record<VitalName, readonly number[]> = {
  LCP: LCPThresholds,
  FCP: FCPThresholds,
  CLS: CLSThresholds,
  INP: INPThresholds,
  TTFB: TTFBThresholds,
};

/** A vital's rating as web-vitals gives it. */
export function rateVital(name: VitalName, value: number): Rating {
  const [good = Infinity, poor = Infinity] = VITAL_THRESHOLDS[name];
  return value > poor ? 'poor' : value > good ? 'needs-improvement' : 'good';
}

const upperMiddle = <T>(sorted: readonly T[]): T | undefined => sorted[Math.floor(sorted.length / 2)];

/** A visit's speed at a glance (the panel's summary): its worst page and each vital's median. */
export function summariseVisit(audits: readonly Pick<SpeedAudit, 'verdict' | 'reasons' | 'vitals'>[]): VisitSpeed {
  let worst: VisitSpeed['worst'];
  audits.forEach((a, index) => {
    const seen = worst ? audits[worst.index] : undefined;
    const beats = !seen || RANK[a.verdict] > RANK[seen.verdict] || (a.verdict === seen.verdict && a.reasons.length > seen.reasons.length);
    if (beats) worst = { index, verdict: a.verdict, vitals: a.vitals };
  });
  const median: Vitals = {};
  for (const name of VITAL_NAMES) {
    const value = upperMiddle(audits.flatMap((a) => a.vitals[name]?.value ?? []).sort((x, y) => x - y));
    if (value !== undefined) median[name] = { value, rating: rateVital(name, value) };
  }
  return { pages: audits.length, ...(worst ? { worst } : {}), median };
}
