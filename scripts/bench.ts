/**
 * `npm run bench`: the fixture shops' journeys, each run interleaved without the extension and with
 * it recording, in the same run — the demo shop's (document loads) and the heavy single-page one
 * (tests/fixtures/spa in heavy mode: hash routes, 20,000 elements, continuous mutations). Prints, per
 * journey and side by side, the added main-thread time, interaction latency, the size of the
 * recording and of the content scripts against the budgets, and writes everything as JSON to
 * bench-results/. Exits 0 over budget (the bench reports, it does not gate); 1 if a journey failed.
 *
 *   npx tsx scripts/bench.ts [--rounds N] [--quick] [--report-only] [--assets-only] [--journey demo|heavy|all]
 *                            [--arms rrweb,recording,default]   (baseline always; recording required)
 *                            [--journeys-only]                  (without the audit's and the report's costs)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS } from './automation/chromium';
import { CHROME_EXTENSION, CHROMIUM_PATH, ROOT } from './automation/paths';
import { startShop, type Shop } from './automation/shop';
import { axeCostSection, measureAxeCost, type AxeCost } from './bench/axe-cost';
import { measureReportCost, reportCostSection, type ReportCost } from './bench/report-cost';
import { assetReadCostSection, measureAssetReadCost, type AssetReadCost } from './bench/asset-read-cost';
import { contentScriptSizes } from './bench/content-scripts';
import { JOURNEY_NAMES, PACE, type JourneyName } from './bench/journey';
import { journeysSection, report } from './bench/print';
import { baselineRun, MODES, recordingRun, type Mode, type RunResult } from './bench/runs';
import { summarize, type Summary } from './bench/summary';

interface Options {
  rounds: number;
  /** Only the report's cost (quicker, when working on the report). */
  reportOnly: boolean;
  /** Only what keeping the shop's assets costs its page. */
  assetsOnly: boolean;
  /** The journeys to walk, in this order. */
  journeys: JourneyName[];
  /** The arms of each round (baseline always). */
  modes: Mode[];
  /** Without the audit's and the report's own costs (quicker, when working on the recorder). */
  journeysOnly: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'report-only': { type: 'boolean', default: false },
      'assets-only': { type: 'boolean', default: false },
      journey: { type: 'string', default: 'all' },
      arms: { type: 'string', default: MODES.join(',') },
      'journeys-only': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const rounds = values.quick ? 1 : Number(values.rounds ?? 5);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds wants a whole number ≥ 1, not ${values.rounds}`);
  const journey = values.journey;
  const journeys = journey === 'all' ? JOURNEY_NAMES : JOURNEY_NAMES.filter((name) => name === journey);
  if (journeys.length === 0) throw new Error(`--journey wants ${[...JOURNEY_NAMES, 'all'].join('|')}, not ${journey}`);
  const arms = values.arms.split(',').map((a) => a.trim());
  const unknown = arms.filter((a) => !(MODES as readonly string[]).includes(a));
  if (unknown.length > 0 || !arms.includes('recording')) throw new Error(`--arms wants recording and any of ${MODES.join(',')}, not ${values.arms}`);
  const modes = MODES.filter((m) => m === 'baseline' || arms.includes(m));
  return { rounds, reportOnly: values['report-only'], assetsOnly: values['assets-only'], journeys, modes, journeysOnly: values['journeys-only'] };
}

/**
 * Launches the browser once and loads the shop, unmeasured: the first launch reads Chromium from
 * disk and the shop makes its big PNG, costs that would otherwise fall on round 1's first run.
 */
async function warmUp(shop: Shop): Promise<string> {
  const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, pipe: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${shop.origin}/`, { waitUntil: 'load' });
    await page.goto(`${shop.origin}/angular/?heavy=1`, { waitUntil: 'load' });
    return await browser.version();
  } finally {
    await browser.close();
  }
}

/** The arms in a different order each round (rotated, then reversed every other round), so that drift cancels out. */
function orderOf(round: number, modes: readonly Mode[]): Mode[] {
  const shift = Math.floor(round / 2) % modes.length;
  const rotated = [...modes.slice(shift), ...modes.slice(0, shift)];
  return round % 2 === 0 ? rotated : rotated.reverse();
}

async function runRounds(shop: Shop, rounds: number, journey: JourneyName, modes: readonly Mode[]): Promise<RunResult[]> {
  const runs: RunResult[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const mode of orderOf(round, modes)) {
      const started = performance.now();
      const o = { journey, round, origin: shop.origin, pace: PACE };
      const result = await (mode === 'baseline' || mode === 'rrweb' ? baselineRun({ ...o, rrweb: mode === 'rrweb' }) : recordingRun({ ...o, audits: mode === 'default' }));
      if (result.visibility !== 'visible') throw new Error(`the shop tab was ${result.visibility}: it does not paint, latencies are void`);
      runs.push(result);
      const cpu = result.cpu.TaskDuration.toFixed(0);
      console.error(`${journey} round ${round + 1}/${rounds} ${mode.padEnd(9)} ${cpu} ms main-thread CPU (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  }
  return runs;
}

async function save(results: object): Promise<string> {
  const dir = path.join(ROOT, 'bench-results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return path.relative(ROOT, file);
}

/** `--report-only`: the report's cost alone. */
async function reportOnly(rounds: number): Promise<number> {
  const shop = await startShop();
  try {
    const costs = await measureReportCost(shop.origin, Math.max(3, rounds));
    const file = await save({ date: new Date().toISOString(), rounds, reportCosts: costs });
    console.log(`\n${reportCostSection(costs)}\n\nFull results: ${file}`);
    return 0;
  } finally {
    await shop.close();
  }
}

/** `--assets-only`: what keeping the shop's assets costs its page, alone. */
async function assetsOnly(rounds: number): Promise<number> {
  const shop = await startShop();
  try {
    const costs = await measureAssetReadCost(shop.origin, Math.max(3, rounds));
    const file = await save({ date: new Date().toISOString(), rounds, assetReadCosts: costs });
    console.log(`\n${assetReadCostSection(costs)}\n\nFull results: ${file}`);
    return 0;
  } finally {
    await shop.close();
  }
}

async function main(): Promise<number> {
  const { rounds, reportOnly: onlyReport, assetsOnly: onlyAssets, journeys, modes, journeysOnly } = options();
  if (onlyReport) return reportOnly(rounds);
  if (onlyAssets) return assetsOnly(rounds);
  const started = performance.now();
  const contentScripts = await contentScriptSizes();
  const shop = await startShop();
  const runs = new Map<JourneyName, RunResult[]>();
  let chromium: string;
  // The audit's and the report's costs are measured on the demo shop, with its journey.
  let axeCosts: AxeCost[] | undefined;
  let reportCosts: ReportCost[] | undefined;
  let assetReadCosts: AssetReadCost[] | undefined;
  try {
    chromium = await warmUp(shop);
    console.error(`Mystère bench: ${journeys.join(' + ')}, ${rounds} round(s), arms ${modes.join(' ')}, ${chromium}, ${os.cpus().length} CPUs, extension ${path.relative(ROOT, CHROME_EXTENSION)}`);
    for (const journey of journeys) runs.set(journey, await runRounds(shop, rounds, journey, modes));
    if (journeys.includes('demo') && !journeysOnly) {
      console.error('accessibility audit cost…');
      axeCosts = await measureAxeCost(shop.origin, Math.max(3, rounds));
      console.error('report of a 30-minute visit…');
      reportCosts = await measureReportCost(shop.origin, Math.max(3, rounds));
      console.error('keeping the shop’s assets…');
      assetReadCosts = await measureAssetReadCost(shop.origin, Math.max(3, rounds));
    }
  } catch (error) {
    console.error('\nThe journey failed:', error);
    return 1;
  } finally {
    await shop.close();
  }
  const summaries: Summary[] = journeys.map((journey) => summarize(runs.get(journey)!, PACE, contentScripts));
  const tookMs = performance.now() - started;
  const environment = { chromium, node: process.version, cpus: os.cpus().length, platform: `${os.platform()} ${os.release()}` };
  const file = await save({
    date: new Date().toISOString(),
    rounds,
    tookMs,
    environment,
    pace: PACE,
    journeys: Object.fromEntries(summaries.map((summary) => [summary.journey, { summary, runs: runs.get(summary.journey) }])),
    ...(axeCosts ? { axeCosts } : {}),
    ...(reportCosts ? { reportCosts } : {}),
    ...(assetReadCosts ? { assetReadCosts } : {}),
  });
  console.log(`\nMystère bench — ${rounds} round(s), arms ${modes.join(', ')} interleaved (their order turns each round), ${chromium}, ${environment.cpus} CPUs\n`);
  for (const summary of summaries) console.log(`${report(summary)}\n`);
  if (summaries.length > 1) console.log(`${journeysSection(summaries)}\n`);
  if (axeCosts) console.log(`${axeCostSection(axeCosts)}\n`);
  if (reportCosts) console.log(`${reportCostSection(reportCosts)}\n`);
  if (assetReadCosts) console.log(`${assetReadCostSection(assetReadCosts)}\n`);
  console.log(`Took ${(tookMs / 1000).toFixed(0)} s. Full results: ${file}`);
  return 0;
}

process.exitCode = await main();
