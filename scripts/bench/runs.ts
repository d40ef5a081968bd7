import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CHROMIUM_ARGS, launchChromium, openPanel } from '../automation/chromium';
import { chunksOf, dumpDatabase, until } from '../automation/extension-data';
import { Panel } from '../automation/panel';
import { CHROMIUM_PATH, ROOT } from '../automation/paths';
import { BenchJourney, JOURNEYS, type JourneyName, type PageSample, type Pace } from './journey';
import { DURATIONS, LATENCY_PROBE, MainThreadMeter, zeroDurations, readStoredSizes, type Durations, type Latency, type StoredSizes } from './page-probes';
import { sum } from './stats';

/**
 * The arms of a run: no extension; bare rrweb (a reference: what the recording library alone costs);
 * Mystère recording with the automatic audits off (the recorder's own cost); Mystère with default
 * settings (automatic audits on).
 */
export type Mode = 'baseline' | 'rrweb' | 'recording' | 'default';
export const MODES: readonly Mode[] = ['baseline', 'rrweb', 'recording', 'default'];

export interface RecordedPage {
  url: string;
  navType?: string;
  chunks: number;
  events: number;
  /** Stored, gzip-compressed. */
  compressedBytes: number;
  /** The same events as JSON (decompressed). */
  rawBytes: number;
}

export interface RunResult {
  journey: JourneyName;
  mode: Mode;
  round: number;
  /** Wall time of the shopper's journey (opening the panel and starting the visit excluded). */
  journeyMs: number;
  pageViews: number;
  keystrokes: number;
  clicks: number;
  /** Main-thread totals of the shop tab, thread CPU time (ms). */
  cpu: Durations;
  /** Main-thread totals of the shop tab, wall time inside tasks (ms). */
  wall: Durations;
  /** CPU time of the browser's processes over the journey (opening the panel included), by process type (ms). */
  processCpuMs: Record<string, number>;
  perPage: PageSample[];
  latencies: Latency[];
  /** Tasks of 50 ms or more on the shop's main thread (ms). */
  longTasks: number[];
  /** Document loads announced to the meter, and those seen to restart its counters (a check). */
  newDocuments: number;
  seenResets: number;
  /** Whether the shop tab was visible at the end (a hidden tab would not paint: latencies void). */
  visibility: string;
  recording?: RecordedPage[];
  /** The automatic audits stored by the end of the visit (default arm). */
  audits?: AuditSlices[];
}

export interface AuditSlices {
  status: string;
  error?: string;
  /** The longest task (≥ 50 ms) of the page while the audit ran; 0: none. */
  longestTaskMs?: number;
}

/** Run in an extension page: every stored audit's status and the longest task it saw, as JSON. */
const STORED_AUDITS = `new Promise((resolve, reject) => {
  const open = indexedDB.open('mystere');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const all = open.result.transaction('audits').objectStore('audits').getAll();
    all.onerror = () => reject(all.error);
    all.onsuccess = () => resolve(JSON.stringify(all.result.map((a) => ({ status: a.status, longestTaskMs: a.longestTaskMs, ...(a.error ? { error: a.error } : {}) }))));
  };
})`;

const auditSlicesSchema = z.array(
  z.object({ status: z.string(), error: z.string().optional(), longestTaskMs: z.number().optional() }),
);

const processInfoSchema = z.object({
  processInfo: z.array(z.object({ id: z.number(), type: z.string(), cpuTime: z.number() })),
});

interface ProcessCpu {
  type: string;
  cpuSeconds: number;
}

/** CPU seconds of each browser process, by pid. */
async function processCpu(browser: Browser): Promise<Map<number, ProcessCpu>> {
  const session = await browser.target().createCDPSession();
  try {
    const { processInfo } = processInfoSchema.parse(await session.send('SystemInfo.getProcessInfo'));
    return new Map(processInfo.map((p) => [p.id, { type: p.type, cpuSeconds: p.cpuTime }]));
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/**
 * CPU each kind of process used in between (ms). The extension's worker and panel are renderers
 * too; a process that ended on the way is lost, hence a figure for context only.
 */
function cpuGrowthByType(before: Map<number, ProcessCpu>, after: Map<number, ProcessCpu>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [pid, p] of after) {
    out[p.type] = (out[p.type] ?? 0) + (p.cpuSeconds - (before.get(pid)?.cpuSeconds ?? 0)) * 1000;
  }
  return out;
}

/** The shop tab, instrumented before its first document. */
async function prepareTab(browser: Browser, origin: string, pace: Pace): Promise<BenchJourney> {
  const tab = await browser.newPage();
  await tab.evaluateOnNewDocument(LATENCY_PROBE);
  const cpu = await MainThreadMeter.attach(tab, 'threadTicks');
  const wall = await MainThreadMeter.attach(tab, 'timeTicks');
  return new BenchJourney(tab, origin, { cpu, wall }, pace);
}

async function journeyRun(
  browser: Browser,
  o: {
    journey: JourneyName;
    mode: Mode;
    round: number;
    origin: string;
    pace: Pace;
    afterHome: (tab: Page) => Promise<void>;
    /** Script run in every document of the shop tab before the page's own (bare rrweb). */
    onNewDocument?: string;
  },
): Promise<RunResult> {
  const j = await prepareTab(browser, o.origin, o.pace);
  if (o.onNewDocument) await j.page.evaluateOnNewDocument(o.onNewDocument);
  const cpuBefore = await processCpu(browser);
  const start = performance.now();
  await JOURNEYS[o.journey](j, () => o.afterHome(j.page));
  const journeyMs = performance.now() - start - j.offClockMs;
  const processCpuMs = cpuGrowthByType(cpuBefore, await processCpu(browser));
  const visibility = z.string().parse(await j.page.evaluate('document.visibilityState'));
  return {
    journey: o.journey,
    mode: o.mode,
    round: o.round,
    journeyMs,
    pageViews: j.pageViews,
    keystrokes: j.keystrokes,
    clicks: j.clicks,
    cpu: totals(j.samples, 'cpu'),
    wall: totals(j.samples, 'wall'),
    processCpuMs,
    perPage: j.samples,
    latencies: j.latencies,
    longTasks: j.longTasks,
    newDocuments: j.meters.cpu.newDocuments,
    seenResets: j.meters.cpu.seenResets,
    visibility,
  };
}

function totals(samples: PageSample[], kind: 'cpu' | 'wall'): Durations {
  const out = zeroDurations();
  for (const s of samples) for (const d of DURATIONS) out[d] += s[kind][d];
  return out;
}

/**
 * rrweb's record-only build as shipped (`@rrweb/record`), started in every document of the shop tab
 * before the page's scripts, top frame only, with inputs masked, each event serialised as any
 * recorder must before sending it: what the recording library alone costs, for reference.
 */
async function bareRrweb(): Promise<string> {
  const umd = await readFile(path.join(ROOT, 'node_modules/@rrweb/record/dist/record.umd.min.cjs'), 'utf8');
  return `if (window.top === window) {
    ${umd};
    const events = [];
    rrwebRecord.record({ emit(e) { events.push(JSON.stringify(e)); }, maskAllInputs: true });
  }`;
}

/** The journey in a Chromium without the extension (same binary, flags and viewport); with bare rrweb if asked. */
export async function baselineRun(o: { journey: JourneyName; round: number; origin: string; pace: Pace; rrweb?: boolean }): Promise<RunResult> {
  const onNewDocument = o.rrweb ? await bareRrweb() : undefined;
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    defaultViewport: { width: 1280, height: 800 },
    args: CHROMIUM_ARGS,
  });
  try {
    return await journeyRun(browser, { ...o, mode: o.rrweb ? 'rrweb' : 'baseline', afterHome: () => Promise.resolve(), ...(onNewDocument ? { onNewDocument } : {}) });
  } finally {
    await browser.close();
  }
}

/** The journey recorded by the extension, started from the side panel as the e2e tests do. */
export async function recordingRun(o: { journey: JourneyName; round: number; origin: string; pace: Pace; audits?: boolean }): Promise<RunResult> {
  const launched = await launchChromium();
  try {
    let panel: Panel | undefined;
    const result = await journeyRun(launched.browser, {
      ...o,
      mode: o.audits ? 'default' : 'recording',
      afterHome: async () => {
        panel = new Panel(await openPanel(launched, o.origin));
        // Recording's own cost: the automatic audits are measured on their own (axe-cost.ts).
        if (!o.audits) {
          await panel.page.evaluate(`chrome.storage.local.get('settings').then((r) => chrome.storage.local.set({ settings: { ...(r.settings ?? {}), autoAudit: false } }))`);
        }
        await panel.start();
      },
    });
    if (!panel) throw new Error('the visit never started');
    // A page view the extension did not make a page of is reported (the sizes are then per stored
    // page), not fatal: the main-thread figures stand either way.
    const listed = await panel.waitForPages(result.pageViews).catch(async (error: Error) => {
      console.error(`[bench] ${o.journey}: ${error.message}`);
      return panel!.types();
    });
    await panel.stop();
    const pages = Math.min(result.pageViews, listed.length);
    const recording = await recordedPages(panel.page, pages);
    if (!o.audits) return { ...result, recording };
    const audits = auditSlicesSchema.parse(JSON.parse(z.string().parse(await panel.page.evaluate(STORED_AUDITS))));
    return { ...result, recording, audits };
  } finally {
    await launched.browser.close();
  }
}

/** Waits for the ended visit with every page stored and its last chunks in, then sizes each page. */
async function recordedPages(extensionPage: Page, pageViews: number): Promise<RecordedPage[]> {
  const complete = (s: StoredSizes) =>
    s.visit?.status === 'ended' && s.pages.length >= pageViews && s.pages.every((p) => p.chunks > 0);
  let sizes = await until(() => readStoredSizes(extensionPage), complete, 'the ended visit with every page recorded');
  // The flush at stop is compressed and written after the visit is marked ended: wait until quiet.
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const again = await readStoredSizes(extensionPage);
    if (totalBytes(again) === totalBytes(sizes)) break;
    sizes = again;
  }
  const dump = await dumpDatabase(extensionPage);
  return sizes.pages.map((p) => ({
    url: p.url,
    ...(p.navType === undefined ? {} : { navType: p.navType }),
    chunks: p.chunks,
    events: p.events,
    compressedBytes: p.bytes,
    rawBytes: sum(chunksOf(dump, p.id).map((c) => Buffer.byteLength(JSON.stringify(c.events)))),
  }));
}

const totalBytes = (s: StoredSizes) => sum(s.pages.map((p) => p.bytes));
