import { CANARIES, contextOf, findCanary, fold, type Canary } from '../../shared/privacy-canaries';

/** One canary found: in which place (store, export, screenshot), at which path of which record. */
export interface Leak {
  canary: string;
  place: string;
  path: string;
  spelling: string;
  context: string;
}

const EVENT_TYPES: Record<number, string> = { 0: 'DomContentLoaded', 1: 'Load', 2: 'FullSnapshot', 3: 'Incremental', 4: 'Meta', 5: 'Custom', 6: 'Plugin' };
const SOURCES: Record<number, string> = { 0: 'Mutation', 1: 'MouseMove', 2: 'MouseInteraction', 3: 'Scroll', 4: 'ViewportResize', 5: 'Input', 6: 'TouchMove', 7: 'MediaInteraction', 8: 'StyleSheetRule', 9: 'CanvasMutation', 10: 'Font', 11: 'Log', 12: 'Drag', 13: 'StyleDeclaration', 14: 'Selection', 15: 'AdoptedStyleSheet', 16: 'CustomElement' };

/** A path step naming an rrweb event by its type (and source), or a record by its key. */
function step(key: string | number, value: unknown): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (typeof v.type === 'number' && typeof v.timestamp === 'number') {
      const data = v.data as { source?: number } | undefined;
      const src = typeof data?.source === 'number' ? `/${SOURCES[data.source] ?? data.source}` : '';
      return `[${key} ${EVENT_TYPES[v.type] ?? v.type}${src}]`;
    }
    if (typeof v.tagName === 'string' && typeof key === 'number') return `[${key} <${v.tagName}>]`;
  }
  return typeof key === 'number' ? `[${key}]` : `.${key}`;
}

/** Every string in `value` (and every key), with its path. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') {
    yield [path, value];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* strings(value[i], path + step(i, value[i]));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield [`${path}.<key>`, k];
      yield* strings(v, path + step(k, v));
    }
  }
}

/** The canary's spelling in one field: anywhere in it, or (for a short one such as a CVC) the whole field. */
function inField(canary: Canary, s: string): string | undefined {
  return findCanary(canary, s) ?? (s.trim() === canary.value ? canary.value : undefined);
}

/** A record's name in a report: its store and its id (or index). */
function recordName(store: string, rec: unknown, i: number): string {
  const r = rec as Record<string, unknown>;
  const part = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const id = part(r.id) ?? (part(r.pageId) !== undefined ? `${part(r.pageId)}/${part(r.seq)}` : undefined) ?? part(r.key) ?? String(i);
  return `${store}[${id}]`;
}

/** Looks for every canary in every field of every record of every store. */
export function scanStores(stores: Record<string, unknown[]>, place = 'IndexedDB'): Leak[] {
  const leaks: Leak[] = [];
  for (const [store, records] of Object.entries(stores)) {
    records.forEach((rec, i) => {
      const name = recordName(store, rec, i);
      // Whole record first (cheap), then only records that hold something get the field walk.
      const whole = JSON.stringify(rec);
      const suspects = CANARIES.filter((c) => findCanary(c, whole));
      if (suspects.length === 0) return;
      for (const canary of suspects) {
        let found = false;
        for (const [path, s] of strings(rec, '')) {
          const spelling = inField(canary, s);
          if (!spelling) continue;
          found = true;
          leaks.push({ canary: canary.id, place: `${place} ${store}`, path: name + path, spelling, context: contextOf(spelling, s) ?? '' });
        }
        if (!found) leaks.push({ canary: canary.id, place: `${place} ${store}`, path: name, spelling: findCanary(canary, whole)!, context: contextOf(findCanary(canary, whole)!, whole) ?? '' });
      }
    });
  }
  return leaks;
}

/** HTML entities and JSON's \uXXXX escapes, undone: what a text file says once read. */
export function unescapeText(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Looks for every canary in a text (an exported file, what OCR read). */
export function scanText(text: string, place: string, path = ''): Leak[] {
  const leaks: Leak[] = [];
  for (const candidate of [text, unescapeText(text)]) {
    for (const canary of CANARIES) {
      if (leaks.some((l) => l.canary === canary.id)) continue;
      const spelling = findCanary(canary, candidate);
      if (spelling) leaks.push({ canary: canary.id, place, path, spelling, context: contextOf(spelling, candidate) ?? '' });
    }
  }
  return leaks;
}

/** OCR reads "0" for "O", drops hyphens…: a looser match for words, on letters and digits only. */
export function scanOcr(text: string, place: string): Leak[] {
  const squash = (s: string) => fold(s).replace(/[^a-z0-9@]/g, '');
  const read = squash(text);
  const leaks: Leak[] = [];
  for (const canary of CANARIES) {
    const hit = canary.forms.map(squash).find((f) => f.length >= 6 && read.includes(f));
    if (hit) leaks.push({ canary: canary.id, place, path: 'OCR', spelling: hit, context: '' });
  }
  return leaks;
}

/**
 * A record path without ids and node positions: `chunks.events[FullSnapshot]…<img>.attributes.src`,
 * so the same leak on several pages is one line.
 */
export function generalPath(path: string): string {
  return path
    .replace(/^(\w+)\[[^\]]*\]/, '$1')
    .replace(/\.events\[\d+ ([\w/]+)\]/g, '.events[$1]')
    .replace(/(\.childNodes\[\d+(?: <\w+>)?\])+(?=\.childNodes\[\d+ <(\w+)>\])/g, '…')
    .replace(/(?:\.data\.node)?…?\.childNodes\[\d+ <(\w+)>\]/g, '…<$1>')
    .replace(/\.childNodes\[\d+\]\.textContent/g, ' text')
    .replace(/\[\d+\]/g, '[]');
}

/** A place without file names and ids (screenshots keep their trigger and page). */
function generalPlace(l: Leak): string {
  if (l.place.startsWith('screenshot')) return l.place.replace(/^screenshot \S+ /, 'screenshot ');
  if (l.place === 'bundle') return `bundle ${l.path.replace(/^recording\/[^/]+\/\d+\.json\.gz$/, 'recording/*.json.gz')}`;
  if (l.place.startsWith('exported')) return l.place;
  return `${l.place} ${generalPath(l.path)}`;
}

/** One line per canary (looked for, clean or leaked), then one line per kind of place it was found. */
export function describeScan(leaks: Leak[]): string {
  const lines: string[] = [];
  for (const canary of CANARIES) {
    const mine = leaks.filter((l) => l.canary === canary.id);
    lines.push(`${mine.length === 0 ? 'clean ' : 'LEAKED'} ${canary.id} (${canary.typed ? 'typed' : 'on the page'}: ${JSON.stringify(canary.value)}; planted: ${canary.where})`);
    const places = new Map<string, Leak[]>();
    for (const l of mine) places.set(generalPlace(l), [...(places.get(generalPlace(l)) ?? []), l]);
    for (const [place, found] of [...places].sort(([a], [b]) => a.localeCompare(b))) {
      const example = found[0]!.context ? ` — “…${found[0]!.context.slice(0, 140)}…”` : '';
      lines.push(`    in ${place}${found.length > 1 ? ` (×${found.length})` : ''}${example}`);
    }
  }
  return lines.join('\n');
}
