import type { Duration } from './page-probes';
import { kb, pct, type Compared, type Summary } from './summary';

/** A plain text table: first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('   ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('   ');
  return [line(header), rule, ...rows.map(line)].map((l) => `  ${l}`).join('\n');
}

const ms = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 1 : 0)} ms` : '—');
const s1 = (v: number): string => `${(v / 1000).toFixed(1)} s`;
const ratio = (v: number): string => (Number.isFinite(v) ? `×${v.toFixed(2)}` : '—');
const range = (c: Compared['baseline']): string => `${ms(c.min)}–${ms(c.max)}`;

const LABELS: Record<Duration, string> = {
  TaskDuration: 'busy (TaskDuration)',
  ScriptDuration: 'script (ScriptDuration)',
  LayoutDuration: 'layout (LayoutDuration)',
  RecalcStyleDuration: 'style (RecalcStyleDuration)',
};

function mainThreadRows(m: Record<Duration, Compared>, suffix: string): string[][] {
  return (Object.keys(LABELS) as Duration[]).map((d) => {
    const c = m[d];
    return [`${LABELS[d]}${suffix}`, ms(c.baseline.median), ms(c.recording.median), pct(c.added), range(c.baseline), range(c.recording)];
  });
}

function paceSection(s: Summary): string {
  const p = s.pace;
  return [
    `Journey (same in both runs): ${p.pageViews} page views (${p.documentLoads} document loads + ${p.pageViews - p.documentLoads} client-side routes),`,
    `  ${p.keystrokes} keystrokes held ${p.keyDelayMs} ms each, ${p.clicks} clicks, ${p.dwellMs} ms dwell per page view, ${p.stepMs} ms between moves;`,
    `  journey duration, median: ${s1(p.journeyMs.baseline.median)} without the extension, ${s1(p.journeyMs.recording.median)} recording.`,
  ].join('\n');
}

function mainThreadSection(s: Summary): string {
  const paired = s.pairedAdded.map(pct).join(', ');
  return [
    `Main thread of the shop tab, whole journey (median of ${s.rounds} run${s.rounds === 1 ? '' : 's'} each; CDP Performance.getMetrics)`,
    table(
      ['', 'baseline', 'recording', 'added', 'baseline range', 'recording range'],
      [...mainThreadRows(s.mainThread.cpu, ', CPU'), ...mainThreadRows(s.mainThread.wall, ', wall')],
    ),
    `  CPU = thread time (timeDomain threadTicks); wall = time inside tasks (timeTicks), inflated when the OS`,
    `  runs another process instead. Added busy CPU time, round by round: ${paired}.`,
  ].join('\n');
}

function perPageSection(s: Summary): string {
  return [
    'Main-thread busy CPU time per page view (median)',
    table(
      ['page', 'baseline', 'recording', 'added'],
      s.perPageCpu.map((p) => [p.page, ms(p.baselineMs), ms(p.recordingMs), `${p.addedMs >= 0 ? '+' : ''}${ms(p.addedMs)}`]),
    ),
  ].join('\n');
}

function processSection(s: Summary): string {
  return [
    'CPU of all browser processes over the journey, opening the panel included (median; the extension’s worker and panel are renderers)',
    table(
      ['process type', 'baseline', 'recording', 'added'],
      s.processCpuMs.map((p) => [p.type, ms(p.baseline.median), ms(p.recording.median), pct(p.added)]),
    ),
  ].join('\n');
}

function latencySection(s: Summary): string {
  return [
    'Interaction latency, input event → next frame (in-page probe; pooled over the runs)',
    table(
      ['interaction', 'n', 'baseline median', 'p95', 'recording median', 'p95 ', 'ratio median', 'ratio p95'],
      s.latency.map((l) => [
        l.kind,
        `${l.baseline.n}/${l.recording.n}`,
        ms(l.baseline.median),
        ms(l.baseline.p95),
        ms(l.recording.median),
        ms(l.recording.p95),
        ratio(l.medianRatio),
        ratio(l.p95Ratio),
      ]),
    ),
  ].join('\n');
}

function recordingSection(s: Summary): string {
  const r = s.recording;
  return [
    'Recording size, as stored (gzip) and as JSON (median of the recording runs)',
    table(
      ['page view', 'kind', 'events', 'compressed', 'raw JSON'],
      [
        ...r.pages.map((p) => [p.page, p.navType, String(Math.round(p.events)), kb(p.compressedBytes), kb(p.rawBytes)]),
        ['whole journey', '', '', kb(r.journeyCompressedBytes.median), kb(r.journeyRawBytes.median)],
        ['per page view (average)', '', '', kb(r.perPageViewCompressedBytes), kb(r.perPageViewRawBytes)],
      ],
    ),
  ].join('\n');
}

function contentScriptsSection(s: Summary): string {
  const c = s.contentScripts;
  return [
    `Content scripts (${c.build}, minified)`,
    table(
      ['file', 'size', 'gzip'],
      [
        ...c.scripts.map((f) => [f.onDemand ? `${f.file} (on demand)` : f.file, kb(f.bytes), kb(f.gzipBytes)]),
        ['on every page', kb(c.everyPageBytes), kb(c.everyPageGzipBytes)],
        ['total', kb(c.totalBytes), kb(c.totalGzipBytes)],
      ],
    ),
  ].join('\n');
}

const ARM_LABELS: Record<Summary['arms'][number]['mode'], string> = {
  baseline: 'no extension',
  rrweb: 'bare rrweb (reference)',
  recording: 'Mystère, audits off',
  default: 'Mystère, default settings',
};

function armsSection(s: Summary): string {
  return [
    `Arms of the same run (median of each arm's runs; added and latency against the baseline)`,
    table(
      ['arm', 'runs', 'CPU', 'added', 'round by round', 'latency ×median', '×p95', 'longest task', 'tasks ≥ 50 ms'],
      s.arms.map((a) => [
        ARM_LABELS[a.mode],
        String(a.runs),
        ms(a.cpu.median),
        a.mode === 'baseline' ? '' : pct(a.added),
        a.mode === 'baseline' ? '' : a.paired.map(pct).join(' '),
        a.mode === 'baseline' ? '' : ratio(a.latencyMedianRatio),
        a.mode === 'baseline' ? '' : ratio(a.latencyP95Ratio),
        a.longestTaskMs > 0 ? ms(a.longestTaskMs) : '< 50 ms',
        String(a.longTasks),
      ]),
    ),
  ].join('\n');
}

function budgetSection(s: Summary): string {
  return ['Budgets', ...s.budgets.map((b) => `  ${b.pass ? 'PASS' : 'OVER'}  ${b.name}: ${b.value} (${b.limit})`)].join('\n');
}

const JOURNEY_TITLES: Record<Summary['journey'], string> = {
  demo: 'Demo shop journey (tests/fixtures/shop: document loads and history-API routes)',
  heavy: 'Heavy single-page journey (tests/fixtures/spa?heavy=1: hash routes, 20,000 elements, 300 nodes changed every 100 ms)',
};

/** The journeys beside each other: what recording added to each. */
export function journeysSection(summaries: Summary[]): string {
  const all = (s: Summary) => s.latency.find((l) => l.kind === 'all');
  return [
    'Journeys side by side (medians; added = recording vs baseline)',
    table(
      ['journey', 'page views', 'CPU baseline', 'CPU recording', 'added CPU', 'latency ×median', 'latency ×p95', 'compressed / view'],
      summaries.map((s) => {
        const cpu = s.mainThread.cpu.TaskDuration;
        return [
          s.journey,
          String(s.pace.pageViews),
          ms(cpu.baseline.median),
          ms(cpu.recording.median),
          pct(cpu.added),
          ratio(all(s)?.medianRatio ?? Number.NaN),
          ratio(all(s)?.p95Ratio ?? Number.NaN),
          kb(s.recording.perPageViewCompressedBytes),
        ];
      }),
    ),
  ].join('\n');
}

/** The whole report of one journey, as printed. 1 KB = 1024 bytes. */
export function report(s: Summary): string {
  const title = JOURNEY_TITLES[s.journey];
  return [
    `${title}\n${'═'.repeat(title.length)}`,
    paceSection(s),
    armsSection(s),
    mainThreadSection(s),
    perPageSection(s),
    processSection(s),
    latencySection(s),
    recordingSection(s),
    contentScriptsSection(s),
    budgetSection(s),
  ].join('\n\n');
}
