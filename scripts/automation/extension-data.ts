import { gunzipSync } from 'node:zlib';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { Page } from '../../utils/schema/page';
import type { Visit } from '../../utils/schema/visit';

export interface DumpedChunk {
  visitId: string;
  pageId: string;
  seq: number;
  count: number;
  firstTs: number;
  lastTs: number;
  events: Array<{ type: number; timestamp: number; data?: unknown }>;
}

export interface Dump {
  visits: Visit[];
  pages: Page[];
  chunks: DumpedChunk[];
  /** Every record of every store, chunks decompressed, as one string: what a privacy scan reads. */
  text: string;
}

/**
 * Source of an expression, run in an extension page, that reads every store (chunks decompressed)
 * and gives it all as one JSON string. Source text, so that no transpiler helper leaks into the page;
 * `idb` is the expression for the page's IndexedDB (Firefox's automation reaches it through a wrapper).
 */
export function dumpSource(idb = 'indexedDB'): string {
  return `(async (idb) => {
  const db = await new Promise((resolve, reject) => {
    const req = idb.open('mystere');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const out = {};
  for (const name of Array.from(db.objectStoreNames)) {
    const records = await new Promise((resolve, reject) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    out[name] = [];
    for (const rec of Array.from(records)) {
      // Images (screenshots) are read by OCR in their own test; here they are only their size.
      for (const key of Object.keys(rec)) if (key !== 'data' && ArrayBuffer.isView(rec[key])) rec[key] = { bytes: rec[key].byteLength };
      if (!ArrayBuffer.isView(rec.data)) { out[name].push(JSON.parse(JSON.stringify(rec))); continue; }
      // Bytes travel as base64; the test side decompresses them.
      let binary = '';
      for (let i = 0; i < rec.data.length; i++) binary += String.fromCharCode(rec.data[i]);
      out[name].push({ ...JSON.parse(JSON.stringify({ ...rec, data: 0 })), data: btoa(binary) });
    }
  }
  db.close();
  return JSON.stringify(out);
})(${idb})`;
}

/** A light read of the store, for polling: the pages with the seqs of their stored chunks, the audits' pages. */
export interface Progress {
  pages: Array<{ id: string; url: string; startedAt: number; seqs: number[] }>;
  /** The page of each stored audit. */
  audited: string[];
}

/**
 * Source of an expression, run in an extension page, that reads the `Progress` of the recording as a
 * JSON string: no chunk is read, only the keys. `idb` as in `dumpSource`.
 */
export function progressSource(idb = 'indexedDB'): string {
  return `(async (idb) => {
  const done = (req) => new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const db = await done(idb.open('mystere'));
  const store = (name) => db.transaction(name).objectStore(name);
  const keys = Array.from(await done(store('chunks').getAllKeys()));
  const pages = Array.from(await done(store('pages').getAll()))
    .map((p) => ({ id: p.id, url: p.url, startedAt: p.startedAt, seqs: keys.filter((k) => k[1] === p.id).map((k) => k[2]).sort((a, b) => a - b) }))
    .sort((a, b) => a.startedAt - b.startedAt);
  const audited = Array.from(await done(store('audits').getAll())).map((a) => a.pageId);
  db.close();
  return JSON.stringify({ pages, audited });
})(${idb})`;
}

/** Turns what the dump source returned into a Dump, decompressing every recorded chunk. */
export function parseDump(json: string): Dump {
  const out = JSON.parse(json) as Record<string, Array<Record<string, unknown>>>;
  for (const [store, records] of Object.entries(out)) {
    for (const rec of records) {
      if (typeof rec.data !== 'string') continue;
      const bytes = Buffer.from(rec.data, 'base64');
      if (store === 'assets') {
        // The shop's copies kept for the replay: text ones (style sheets, SVG) are scanned as text;
        // images and fonts are bytes a text scan cannot read (their size stands in).
        const mime = String(rec.mime);
        rec.text = /^(text\/|image\/svg\+xml|application\/(json|xml|javascript))/i.test(mime) ? bytes.toString('utf8') : `(${bytes.length} bytes of ${mime})`;
      } else {
        rec.events = JSON.parse(gunzipSync(bytes).toString('utf8')) as unknown;
      }
      delete rec.data;
    }
  }
  return {
    visits: (out.visits ?? []) as unknown as Visit[],
    pages: (out.pages ?? []) as unknown as Page[],
    chunks: (out.chunks ?? []) as unknown as DumpedChunk[],
    text: JSON.stringify(out),
  };
}

/** Reads the whole database from an extension page, decompressing every recorded chunk. */
export async function dumpDatabase(extensionPage: PuppeteerPage): Promise<Dump> {
  return parseDump(await (extensionPage.evaluate(dumpSource()) as Promise<string>));
}

/** Pages of a visit in order. */
export function pagesOf(dump: Dump, visitId: string): Page[] {
  return dump.pages.filter((p) => p.visitId === visitId).sort((a, b) => a.startedAt - b.startedAt);
}

/** A page's chunks by sequence number. */
export function chunksOf(dump: Dump, pageId: string): DumpedChunk[] {
  return dump.chunks.filter((c) => c.pageId === pageId).sort((a, b) => a.seq - b.seq);
}

/**
 * True when a page's first batch opens its recording: a Meta event, then a full snapshot. rrweb may
 * put a DomContentLoaded event first, when the recorder started before the page was parsed (a busy
 * machine), so the snapshot is not always the second event.
 */
export function opensWithFullSnapshot(dump: Dump, pageId: string): boolean {
  const types = chunksOf(dump, pageId)[0]?.events.map((e) => e.type) ?? [];
  const meta = types.indexOf(4);
  return meta >= 0 && types.indexOf(2) === meta + 1 && types.slice(0, meta).every((t) => t === 0 || t === 1);
}

/** Polls `read` until `done` holds, or fails with what was last read. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}
