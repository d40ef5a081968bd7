import { DURATIONS, type Duration, type Latency } from './page-probes';
import type { JourneyName, Pace } from './journey';
import type { ContentScripts } from './content-scripts';
import type { Mode, RunResult } from './runs';
import { added, median, p95, spread, sum, type Spread } from './stats';

export const KB = 1024;

/** The budgets. */
export const BUDGETS = {
  addedMainThread: 0.1,
  compressedPerPageViewBytes: 50 * KB,
  contentScriptsBytes: 120 * KB,
};

export interface Compared {
  baseline: Spread;
  recording: Spread;
  /** Ratio of the medians, minus one. */
  added: number;
}

export interface LatencyStats {
  n: number;
  median: number;
  p95: number;
}

export interface LatencyCompared {
  kind: string;
  baseline: LatencyStats;
  recording: LatencyStats;
  /** recording / baseline. */
  medianRatio: number;
  p95Ratio: number;
}

export interface PageCompared {
  page: string;
  baselineMs: number;
  recordingMs: number;
  addedMs: number;
}

export interface RecordedPageSummary {
  page: string;
  navType: string;
  events: number;
  compressedBytes: number;
  rawBytes: number;
}

export interface Budget {
  name: string;
  value: string;
  limit: string;
  pass: boolean;
}

export interface Summary {
  journey: JourneyName;
  rounds: number;
  pace: Pace & {
    pageViews: number;
    documentLoads: number;
    keystrokes: number;
    clicks: number;
    journeyMs: { baseline: Spread; recording: Spread };
  };
  /** Shop tab's main thread: thread CPU time and wall time in tasks, per CDP duration metric. */
  mainThread: { cpu: Record<Duration, Compared>; wall: Record<Duration, Compared> };
  /** Added TaskDuration (CPU) of each round's pair, recording vs baseline. */
  pairedAdded: number[];
  processCpuMs: Array<{ type: string } & Compared>;
  perPageCpu: PageCompared[];
  latency: LatencyCompared[];
  recording: {
    pages: RecordedPageSummary[];
    journeyCompressedBytes: Spread;
    journeyRawBytes: Spread;
    perPageViewCompressedBytes: number;
    perPageViewRawBytes: number;
  };
  contentScripts: ContentScripts;
  budgets: Budget[];
}

const byMode = (runs: RunResult[], mode: Mode) => runs.filter((r) => r.mode === mode);

function compare(runs: RunResult[], value: (r: RunResult) => number): Compared {
  const baseline = spread(byMode(runs, 'baseline').map(value));
  const recording = spread(byMode(runs, 'recording').map(value));
  return { baseline, recording, added: added(recording.median, baseline.median) };
}

function mainThread(runs: RunResult[], kind: 'cpu' | 'wall'): Record<Duration, Compared> {
  const entries = DURATIONS.map((d) => [d, compare(runs, (r) => r[kind][d])] as const);
  return Object.fromEntries(entries) as Record<Duration, Compared>;
}

function pairedAdded(runs: RunResult[]): number[] {
  const rounds = [...new Set(runs.map((r) => r.round))].sort((a, b) => a - b);
  return rounds.flatMap((round) => {
    const b = runs.find((r) => r.round === round && r.mode === 'baseline');
    const rec = runs.find((r) => r.round === round && r.mode === 'recording');
    return b && rec ? [added(rec.cpu.TaskDuration, b.cpu.TaskDuration)] : [];
  });
}

function processCpu(runs: RunResult[]): Array<{ type: string } & Compared> {
  const types = [...new Set(runs.flatMap((r) => Object.keys(r.processCpuMs)))].sort();
  const rows = types.map((type) => ({ type, ...compare(runs, (r) => r.processCpuMs[type] ?? 0) }));
  return [...rows, { type: 'all', ...compare(runs, (r) => sum(Object.values(r.processCpuMs))) }];
}

/** Median main-thread CPU of each page view (the journey's pages, in order). */
function perPageCpu(runs: RunResult[]): PageCompared[] {
  const pages = runs[0]?.perPage.map((p) => p.page) ?? [];
  const at = (mode: Mode, page: string) =>
    median(byMode(runs, mode).map((r) => r.perPage.find((p) => p.page === page)?.cpu.TaskDuration ?? Number.NaN));
  return pages.map((page) => {
    const baselineMs = at('baseline', page);
    const recordingMs = at('recording', page);
    return { page, baselineMs, recordingMs, addedMs: recordingMs - baselineMs };
  });
}

const latencyStats = (values: number[]): LatencyStats => ({ n: values.length, median: median(values), p95: p95(values) });

/** Latencies pooled over the rounds, for every interaction and by event type. */
function latency(runs: RunResult[]): LatencyCompared[] {
  const all = (mode: Mode): Latency[] => byMode(runs, mode).flatMap((r) => r.latencies);
  const kinds = ['all', ...new Set(all('baseline').map((l) => l.type))];
  return kinds.map((kind) => {
    const pick = (mode: Mode) => all(mode).filter((l) => kind === 'all' || l.type === kind).map((l) => l.ms);
    const baseline = latencyStats(pick('baseline'));
    const recording = latencyStats(pick('recording'));
    return { kind, baseline, recording, medianRatio: recording.median / baseline.median, p95Ratio: recording.p95 / baseline.p95 };
  });
}

function recording(runs: RunResult[], pageViews: number): Summary['recording'] {
  const recorded = byMode(runs, 'recording').flatMap((r) => (r.recording ? [r.recording] : []));
  const first = recorded[0] ?? [];
  const pages = first.map((p, i) => {
    const at = (value: (q: NonNullable<RunResult['recording']>[number]) => number) =>
      median(recorded.map((rec) => (rec[i] ? value(rec[i]) : Number.NaN)));
    return {
      page: pageName(p.url),
      navType: p.navType ?? '',
      events: at((q) => q.events),
      compressedBytes: at((q) => q.compressedBytes),
      rawBytes: at((q) => q.rawBytes),
    };
  });
  const journeyCompressedBytes = spread(recorded.map((rec) => sum(rec.map((p) => p.compressedBytes))));
  const journeyRawBytes = spread(recorded.map((rec) => sum(rec.map((p) => p.rawBytes))));
  return {
    pages,
    journeyCompressedBytes,
    journeyRawBytes,
    perPageViewCompressedBytes: journeyCompressedBytes.median / pageViews,
    perPageViewRawBytes: journeyRawBytes.median / pageViews,
  };
}

/** A stored page's name: its path, and its route when the route is in the hash ("/angular/#/basket"). */
function pageName(url: string): string {
  const u = new URL(url);
  return u.pathname + (/^#!?\//.test(u.hash) ? u.hash.split('?')[0]! : '');
}

export const pct = (fraction: number): string =>
  Number.isFinite(fraction) ? `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)} %` : '—';
export const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;

function budgets(s: Omit<Summary, 'budgets'>): Budget[] {
  const addedCpu = s.mainThread.cpu.TaskDuration.added;
  const perView = s.recording.perPageViewCompressedBytes;
  const scripts = s.contentScripts.everyPageBytes;
  return [
    { name: 'added main-thread time (CPU)', value: pct(addedCpu), limit: `≤ ${pct(BUDGETS.addedMainThread)}`, pass: addedCpu <= BUDGETS.addedMainThread },
    { name: 'compressed recording per page view', value: kb(perView), limit: `≤ ${kb(BUDGETS.compressedPerPageViewBytes)}`, pass: perView <= BUDGETS.compressedPerPageViewBytes },
    { name: 'content scripts on every page, minified', value: kb(scripts), limit: `≤ ${kb(BUDGETS.contentScriptsBytes)}`, pass: scripts <= BUDGETS.contentScriptsBytes },
  ];
}

export function summarize(runs: RunResult[], pace: Pace, contentScripts: ContentScripts): Summary {
  const first = runs[0];
  if (!first) throw new Error('no runs to summarize');
  const partial = {
    journey: first.journey,
    rounds: new Set(runs.map((r) => r.round)).size,
    pace: {
      ...pace,
      pageViews: first.pageViews,
      documentLoads: first.newDocuments,
      keystrokes: first.keystrokes,
      clicks: first.clicks,
      journeyMs: { baseline: spread(byMode(runs, 'baseline').map((r) => r.journeyMs)), recording: spread(byMode(runs, 'recording').map((r) => r.journeyMs)) },
    },
    mainThread: { cpu: mainThread(runs, 'cpu'), wall: mainThread(runs, 'wall') },
    pairedAdded: pairedAdded(runs),
    processCpuMs: processCpu(runs),
    perPageCpu: perPageCpu(runs),
    latency: latency(runs),
    recording: recording(runs, first.pageViews),
    contentScripts,
  };
  return { ...partial, budgets: budgets(partial) };
}
