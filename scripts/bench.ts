/**
 * `npm run bench`: the fixture shop's journey, run interleaved without the extension and with it
 * recording, in the same run. Prints the added main-thread time, interaction latency, the size of
 * the recording and of the content scripts against the budgets, and writes everything as JSON to
 * bench-results/. Exits 0 over budget (the bench reports, it does not gate); 1 if a journey failed.
 *
 *   npx tsx scripts/bench.ts [--rounds N] [--quick] [--report-only]
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
import { contentScriptSizes } from './bench/content-scripts';
import { PACE } from './bench/journey';
import { report } from './bench/print';
import { baselineRun, recordingRun, type Mode, type RunResult } from './bench/runs';
import { summarize } from './bench/summary';

interface Options {
  rounds: number;
  /** Only the report's cost (quicker, when working on the report). */
  reportOnly: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: { rounds: { type: 'string' }, quick: { type: 'boolean', default: false }, 'report-only': { type: 'boolean', default: false } },
    strict: true,
  });
  const rounds = values.quick ? 1 : Number(values.rounds ?? 5);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds wants a whole number ≥ 1, not ${values.rounds}`);
  return { rounds, reportOnly: values['report-only'] };
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
    return await browser.version();
  } finally {
    await browser.close();
  }
}

/** Baseline first in even rounds, recording first in odd ones, so that drift cancels out. */
function orderOf(round: number): Mode[] {
  return round % 2 === 0 ? ['baseline', 'recording'] : ['recording', 'baseline'];
}

async function runRounds(shop: Shop, rounds: number): Promise<RunResult[]> {
  const runs: RunResult[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const mode of orderOf(round)) {
      const started = performance.now();
      const run = mode === 'baseline' ? baselineRun : recordingRun;
      const result = await run({ round, origin: shop.origin, pace: PACE });
      if (result.visibility !== 'visible') throw new Error(`the shop tab was ${result.visibility}: it does not paint, latencies are void`);
      runs.push(result);
      const cpu = result.cpu.TaskDuration.toFixed(0);
      console.error(`round ${round + 1}/${rounds} ${mode.padEnd(9)} ${cpu} ms main-thread CPU (${((performance.now() - started) / 1000).toFixed(1)} s)`);
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

async function main(): Promise<number> {
  const { rounds, reportOnly: onlyReport } = options();
  if (onlyReport) return reportOnly(rounds);
  const started = performance.now();
  const contentScripts = await contentScriptSizes();
  const shop = await startShop();
  let runs: RunResult[];
  let chromium: string;
  let axeCosts: AxeCost[];
  let reportCosts: ReportCost[];
  try {
    chromium = await warmUp(shop);
    console.error(`Mystère bench: ${rounds} round(s), ${chromium}, ${os.cpus().length} CPUs, extension ${path.relative(ROOT, CHROME_EXTENSION)}`);
    runs = await runRounds(shop, rounds);
    console.error('accessibility audit cost…');
    axeCosts = await measureAxeCost(shop.origin, Math.max(3, rounds));
    console.error('report of a 30-minute visit…');
    reportCosts = await measureReportCost(shop.origin, Math.max(3, rounds));
  } catch (error) {
    console.error('\nThe journey failed:', error);
    return 1;
  } finally {
    await shop.close();
  }
  const summary = summarize(runs, PACE, contentScripts);
  const tookMs = performance.now() - started;
  const environment = { chromium, node: process.version, cpus: os.cpus().length, platform: `${os.platform()} ${os.release()}` };
  const file = await save({ date: new Date().toISOString(), rounds, tookMs, environment, pace: PACE, summary, axeCosts, reportCosts, runs });
  console.log(`\nMystère bench — ${rounds} round(s), interleaved (baseline and recording alternate first), ${chromium}, ${environment.cpus} CPUs\n`);
  console.log(report(summary));
  console.log(`\n${axeCostSection(axeCosts)}`);
  console.log(`\n${reportCostSection(reportCosts)}`);
  console.log(`\nTook ${(tookMs / 1000).toFixed(0)} s. Full results: ${file}`);
  return 0;
}

process.exitCode = await main();
