import type { CDPSession } from 'puppeteer-core';
import { launchChromium, openPanel } from '../automation/chromium';
import { Panel } from '../automation/panel';
import { median } from './stats';

/**
 * What keeping the shop's assets costs the shop's page (issue 15): the capture script lists what a
 * page shows once it has settled, then reads each address from the browser's cache and hands its
 * bytes over — work on the page's main thread. Measured on the demo shop's listing and product
 * pages, each recorded for 6 s (past the 2 s settle and the reads), with the setting on and off in
 * the same browser, alternating which goes first; a new visit each time, so every address is read
 * again. Main-thread task and script time of the shop's tab (CDP Performance.getMetrics).
 */

export interface AssetReadCost {
  arm: 'assets off' | 'assets on';
  /** Medians over the rounds, ms of the shop tab's main thread over the window. */
  taskMs: number;
  scriptMs: number;
  /** Copies the visit kept (0 with the setting off). */
  kept: number;
}

const PAGES = ['/category/chaussures', '/produit/derby-cuir'];
const WINDOW_MS = 6000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function metrics(session: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics: list } = await session.send('Performance.getMetrics');
  const of = (name: string) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: of('TaskDuration'), script: of('ScriptDuration') };
}

export async function measureAssetReadCost(origin: string, rounds: number): Promise<AssetReadCost[]> {
  const launched = await launchChromium();
  try {
    const tab = await launched.browser.newPage();
    await tab.goto(`${origin}/`, { waitUntil: 'load' });
    await tab.evaluate(() => document.querySelector<HTMLElement>('#cookie-refuse')?.click());
    const panel = new Panel(await openPanel(launched, origin));
    const session = await tab.createCDPSession();
    await session.send('Performance.enable');
    const runs: { arm: AssetReadCost['arm']; task: number; script: number; kept: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      const arms = round % 2 === 0 ? ([false, true] as const) : ([true, false] as const);
      for (const keep of arms) {
        await panel.page.evaluate(`chrome.storage.local.get('settings').then(({ settings }) => chrome.storage.local.set({ settings: { ...(settings ?? {}), keepAssets: ${keep} } }))`);
        await tab.goto(`${origin}/`, { waitUntil: 'load' });
        await panel.start();
        let task = 0;
        let script = 0;
        for (const page of PAGES) {
          await tab.goto(origin + page, { waitUntil: 'load' });
          const before = await metrics(session);
          await sleep(WINDOW_MS);
          const after = await metrics(session);
          task += after.task - before.task;
          script += after.script - before.script;
        }
        await panel.stop();
        const kept = (await panel.page.evaluate(`new Promise((resolve) => {
          const open = indexedDB.open('mystere');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['visits', 'visitAssets']);
            const visits = tx.objectStore('visits').getAll();
            const uses = tx.objectStore('visitAssets').getAll();
            tx.oncomplete = () => {
              const last = visits.result.sort((a, b) => b.startedAt - a.startedAt)[0];
              resolve(uses.result.filter((u) => u.visitId === last?.id && u.hash).length);
            };
          };
        })`)) as number;
        runs.push({ arm: keep ? 'assets on' : 'assets off', task, script, kept });
        await panel.page.locator('[data-testid=visit-ended]').wait().catch(() => undefined);
      }
    }
    return (['assets off', 'assets on'] as const).map((arm) => {
      const mine = runs.filter((r) => r.arm === arm);
      return { arm, taskMs: median(mine.map((r) => r.task)), scriptMs: median(mine.map((r) => r.script)), kept: median(mine.map((r) => r.kept)) };
    });
  } finally {
    await launched.browser.close();
  }
}

/** The table: each arm's main-thread time on the two pages, and what the reads add. */
export function assetReadCostSection(costs: AssetReadCost[]): string {
  const [off, on] = costs;
  if (!off || !on) return 'Asset reads: not measured.';
  const added = (a: number, b: number) => (b > 0 ? `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)} %` : '—');
  return [
    `Keeping the shop's assets: the shop tab's main thread over ${WINDOW_MS / 1000} s on ${PAGES.join(' and ')} (median; baseline: the setting off, same browser)`,
    `| | task CPU | script CPU | copies kept by the visit |`,
    `| --- | --- | --- | --- |`,
    `| assets off (baseline) | ${off.taskMs.toFixed(0)} ms | ${off.scriptMs.toFixed(0)} ms | ${off.kept} |`,
    `| assets on | ${on.taskMs.toFixed(0)} ms (${added(on.taskMs, off.taskMs)}) | ${on.scriptMs.toFixed(0)} ms (${added(on.scriptMs, off.scriptMs)}) | ${on.kept} |`,
  ].join('\n');
}
