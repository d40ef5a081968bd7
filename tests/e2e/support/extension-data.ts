import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { Page } from '../../../utils/schema/page';
import type { Visit } from '../../../utils/schema/visit';

export interface DumpedChunk {
  visitId: string;
  pageId: string;
  seq: number;
  count: number;
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
 * Runs in an extension page: reads every store, decompressing recorded chunks. Kept as source text so
 * that no transpiler helper (such as esbuild's `__name`) leaks into the page.
 */
const DUMP_SOURCE = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('mystere');
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
    out[name] = await Promise.all(records.map(async (rec) => {
      if (!(rec.data instanceof Uint8Array)) return rec;
      const stream = new Blob([rec.data]).stream().pipeThrough(new DecompressionStream('gzip'));
      const { data, ...rest } = rec;
      const t = await new Response(stream).text(); try { return { ...rest, events: JSON.parse(t) }; } catch (e) { return { ...rest, events: [], bad: t.slice(0, 300) + " ... " + t.slice(-300) + " len=" + t.length }; }
    }));
  }
  db.close();
  return { visits: out.visits, pages: out.pages, chunks: out.chunks, text: JSON.stringify(out) };
})()`;

/** Reads the whole database from an extension page, decompressing every recorded chunk. */
export async function dumpDatabase(extensionPage: PuppeteerPage): Promise<Dump> {
  return extensionPage.evaluate(DUMP_SOURCE) as Promise<Dump>;
}

/** Pages of a visit in order. */
export function pagesOf(dump: Dump, visitId: string): Page[] {
  return dump.pages.filter((p) => p.visitId === visitId).sort((a, b) => a.startedAt - b.startedAt);
}

/** A page's chunks by sequence number. */
export function chunksOf(dump: Dump, pageId: string): DumpedChunk[] {
  return dump.chunks.filter((c) => c.pageId === pageId).sort((a, b) => a.seq - b.seq);
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
