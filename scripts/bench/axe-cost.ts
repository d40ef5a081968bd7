import { readFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type CDPSession, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS } from '../automation/chromium';
import { CHROMIUM_PATH, ROOT } from '../automation/paths';

/**
 * What an accessibility audit costs the page: main-thread time axe-core adds (its script parsed and
 * run with the audit's own options), against the page's own load in the same run, and its longest
 * task. On three pages of the fixture shop and on a generated page of 10 000 elements.
 */

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const OPTIONS = `{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations', 'incomplete'], elementRef: false, iframes: false }`;

export interface AxeCost {
  page: string;
  nodes: number;
  /** Medians over the rounds, in ms of main-thread task time. */
  loadCpuMs: number;
  axeCpuMs: number;
  /** axe's time over the page's own load time. */
  ratio: number;
  longestTaskMs: number;
}

/** A long product list: 10 000 elements, the kind of page where axe is slowest. */
function bigPage(): string {
  const items = Array.from(
    { length: 1665 },
    (_, i) => `<li class="card"><a href="/p/${i}"><img src="data:," alt="Produit ${i}"><span>Produit ${i}</span></a><p>${i},00 €</p><button type="button">Ajouter</button></li>`,
  ).join('');
  return `<!doctype html><html lang="fr"><head><title>10 000 éléments</title></head><body><main><h1>Catalogue</h1><ul>${items}</ul></main></body></html>`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;

async function taskMs(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

export async function measureAxeCost(origin: string, rounds: number): Promise<AxeCost[]> {
  const axe = await readFile(AXE, 'utf8');
  const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, pipe: true, args: CHROMIUM_ARGS, defaultViewport: { width: 1280, height: 800 } });
  const targets: Array<{ name: string; open: (page: Page) => Promise<void> }> = [
    ...['/', '/category/chaussures', '/produit/derby-cuir'].map((p) => ({
      name: p,
      open: async (page: Page) => {
        await page.goto(origin + p, { waitUntil: 'load' });
      },
    })),
    {
      name: 'generated, 10 000 elements',
      open: async (page: Page) => {
        await page.setContent(bigPage(), { waitUntil: 'load' });
      },
    },
  ];
  try {
    const out: AxeCost[] = [];
    for (const target of targets) {
      const load: number[] = [];
      const cost: number[] = [];
      const longest: number[] = [];
      let nodes = 0;
      for (let round = 0; round < rounds; round++) {
        const page = await browser.newPage();
        const session = await page.createCDPSession();
        await session.send('Performance.enable');
        await target.open(page);
        await new Promise((r) => setTimeout(r, 1500)); // the page's own late work (banners, scripts)
        const before = await taskMs(session);
        nodes = (await page.evaluate('document.getElementsByTagName("*").length')) as number;
        await page.evaluate(`window.__longest = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask' });`);
        await page.evaluate(axe);
        await page.evaluate(`axe.run(document, ${OPTIONS}).then(() => undefined)`);
        await new Promise((r) => setTimeout(r, 100));
        const after = await taskMs(session);
        load.push(before);
        cost.push(after - before);
        longest.push((await page.evaluate('window.__longest')) as number);
        await page.close();
      }
      const loadCpuMs = median(load);
      const axeCpuMs = median(cost);
      out.push({ page: target.name, nodes, loadCpuMs, axeCpuMs, ratio: loadCpuMs > 0 ? axeCpuMs / loadCpuMs : 0, longestTaskMs: median(longest) });
    }
    return out;
  } finally {
    await browser.close();
  }
}

export function axeCostSection(costs: AxeCost[]): string {
  const rows = costs.map(
    (c) =>
      `  ${c.page.padEnd(28)} ${String(c.nodes).padStart(6)} elements  load ${c.loadCpuMs.toFixed(0).padStart(5)} ms  axe +${c.axeCpuMs.toFixed(0).padStart(5)} ms (×${c.ratio.toFixed(2)} the page's own load)  longest task ${c.longestTaskMs.toFixed(0)} ms`,
  );
  const demo = costs.filter((c) => !c.page.startsWith('generated'));
  const big = costs.find((c) => c.page.startsWith('generated'));
  const demoLongest = Math.max(0, ...demo.map((c) => c.longestTaskMs));
  const longest = (ms: number) => (ms > 0 ? `${ms.toFixed(0)} ms` : 'none ≥ 50 ms');
  return [
    'Accessibility audit (axe-core, as the extension runs it once per page at idle; main-thread task time, medians;',
    'axe yields after each rule, so "longest task" is its longest rule, the long tasks API seeing only those ≥ 50 ms).',
    'This is what each audit adds:',
    ...rows,
    `  ${demoLongest <= 50 ? 'PASS' : 'OVER'}  longest task of an audit on the demo pages: ${longest(demoLongest)} (≤ 50 ms)`,
    ...(big ? [`  ${big.longestTaskMs <= 100 ? 'PASS' : 'OVER'}  longest task of an audit on the 10,000-element page: ${longest(big.longestTaskMs)} (≤ 100 ms)`] : []),
  ].join('\n');
}
