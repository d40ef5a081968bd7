import type { CDPSession, Page } from 'puppeteer-core';
import { z } from 'zod';

/*
 * Everything run inside a page is source text, not a function: tsx (esbuild) wraps named inner
 * functions with a `__name` helper that does not exist in the page.
 */

/**
 * Installed on every new document of the shop tab, in both runs. For each interaction it takes
 * the time from the input event (its `timeStamp`) to just after the next frame — requestAnimationFrame
 * runs before the paint, the task queued from it runs after — so it includes every listener on the
 * way (the shop's and the recorder's, which hooks the same events) and the rendering that follows.
 * The window capture listener runs first, so nothing can stop the event before we see it.
 */
export const LATENCY_PROBE = `(() => {
  if (window.__benchLatencies) return;
  const list = [];
  Object.defineProperty(window, '__benchLatencies', { value: list });
  // Long tasks (≥ 50 ms) of the document, whoever runs them: the shop, rrweb, an audit.
  const long = [];
  Object.defineProperty(window, '__benchLongTasks', { value: long });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  } catch {}
  for (const type of ['click', 'keydown', 'change']) {
    window.addEventListener(type, (event) => {
      const start = event.timeStamp;
      const t = event.target;
      const target = t && t.id ? '#' + t.id : String((t && t.tagName) || '').toLowerCase();
      requestAnimationFrame(() => setTimeout(() => list.push({ type, target, ms: performance.now() - start }), 0));
    }, { capture: true });
  }
})()`;

/** Resolves after the next frame, so that the probe has seen the last interaction's paint. */
export const NEXT_FRAME = `new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))`;

/** Takes (and clears) what the probe measured in this document so far, as JSON. */
export const TAKE_LATENCIES = `JSON.stringify(window.__benchLatencies ? window.__benchLatencies.splice(0) : [])`;

export const latencySchema = z.object({ type: z.string(), target: z.string(), ms: z.number() });
export type Latency = z.infer<typeof latencySchema> & { page: string };

/** The long tasks of this document since the last call (ms). */
export async function takeLongTasks(page: Page): Promise<number[]> {
  const json = await page.evaluate(`JSON.stringify(window.__benchLongTasks ? window.__benchLongTasks.splice(0) : [])`);
  return z.array(z.number()).parse(JSON.parse(z.string().parse(json)));
}

/** The probe's measurements in this document since the last call, labelled with the page. */
export async function takeLatencies(page: Page, label: string): Promise<Latency[]> {
  await page.evaluate(NEXT_FRAME);
  const json = await page.evaluate(TAKE_LATENCIES);
  return z
    .array(latencySchema)
    .parse(JSON.parse(z.string().parse(json)))
    .map((l) => ({ ...l, page: label }));
}

/** The CDP Performance metrics we sum, all durations (seconds from Chromium, ms here). */
export const DURATIONS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;
export type Duration = (typeof DURATIONS)[number];
export type Durations = Record<Duration, number>;

export const zeroDurations = (): Durations => ({ TaskDuration: 0, ScriptDuration: 0, LayoutDuration: 0, RecalcStyleDuration: 0 });

const metricsSchema = z.object({ metrics: z.array(z.object({ name: z.string(), value: z.number() })) });

/**
 * Main-thread time of the shop tab's renderer from CDP `Performance.getMetrics`. The counters are
 * cumulative since `Performance.enable`, per document: every cross-document navigation commits a
 * new document with counters from zero (measured: all of them do, in Chromium 156). So the meter
 * is told when a new document comes, and then counts its next reading whole; otherwise it counts
 * what grew since the previous reading. What the old document does between our last reading and
 * the commit (the click that navigates, unload handlers, the recorder's farewell flush) is lost,
 * in both runs alike; readings come at the end of each page view, so that is a few milliseconds.
 *
 * `threadTicks` counts the thread's CPU time, which does not grow while the OS runs something else
 * (two cores shared with the browser, the extension's worker and the panel); `timeTicks` counts
 * wall time inside tasks, the figure DevTools shows, inflated by that contention.
 */
export class MainThreadMeter {
  private last: Partial<Durations> = {};
  private fresh = true;
  private readonly total = zeroDurations();
  /** New documents announced, and those whose counters were seen to start again (a check). */
  newDocuments = 0;
  seenResets = 0;

  private constructor(private readonly session: CDPSession) {}

  static async attach(page: Page, timeDomain: 'threadTicks' | 'timeTicks'): Promise<MainThreadMeter> {
    const session = await page.createCDPSession();
    await session.send('Performance.enable', { timeDomain });
    return new MainThreadMeter(session);
  }

  /** A cross-document navigation is about to happen: the next reading starts from zero. */
  newDocument(): void {
    this.newDocuments++;
    this.fresh = true;
  }

  /** Reads the counters; returns what each grew by since the previous reading (ms). */
  async read(): Promise<Durations> {
    const { metrics } = metricsSchema.parse(await this.session.send('Performance.getMetrics'));
    const grown = zeroDurations();
    let reset = false;
    for (const name of DURATIONS) {
      const now = (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
      const before = this.fresh ? 0 : (this.last[name] ?? 0);
      if (now < (this.last[name] ?? 0)) reset = true;
      // A decrease without an announced navigation is a reset too: count the reading whole.
      grown[name] = now >= before ? now - before : now;
      this.last[name] = now;
      this.total[name] += grown[name];
    }
    if (reset && this.fresh) this.seenResets++;
    this.fresh = false;
    return grown;
  }

  get totals(): Durations {
    return { ...this.total };
  }

  async detach(): Promise<void> {
    await this.session.detach().catch(() => undefined);
  }
}

/**
 * Run in an extension page: per page of the newest visit, the stored (gzip) bytes of its chunks,
 * and the pages in their order. Plain IndexedDB, as JSON, for the same reason as above.
 */
export const STORED_SIZES = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('mystere');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const all = (store) => new Promise((resolve, reject) => {
    const req = db.transaction(store).objectStore(store).getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const visits = await all('visits');
  const pages = await all('pages');
  const chunks = await all('chunks');
  db.close();
  const visit = visits.sort((a, b) => b.startedAt - a.startedAt)[0];
  if (!visit) return JSON.stringify({ visit: null, pages: [] });
  const mine = pages.filter((p) => p.visitId === visit.id).sort((a, b) => a.startedAt - b.startedAt);
  return JSON.stringify({
    visit: { id: visit.id, status: visit.status },
    pages: mine.map((p) => {
      const own = chunks.filter((c) => c.pageId === p.id);
      return {
        id: p.id,
        url: p.url,
        navType: p.navType,
        chunks: own.length,
        events: own.reduce((n, c) => n + c.count, 0),
        bytes: own.reduce((n, c) => n + c.data.byteLength, 0),
      };
    }),
  });
})()`;

export const storedSizesSchema = z.object({
  visit: z.object({ id: z.string(), status: z.string() }).nullable(),
  pages: z.array(
    z.object({
      id: z.string(),
      url: z.string(),
      navType: z.string().optional(),
      chunks: z.number(),
      events: z.number(),
      bytes: z.number(),
    }),
  ),
});
export type StoredSizes = z.infer<typeof storedSizesSchema>;

export async function readStoredSizes(extensionPage: Page): Promise<StoredSizes> {
  return storedSizesSchema.parse(JSON.parse(z.string().parse(await extensionPage.evaluate(STORED_SIZES))));
}
