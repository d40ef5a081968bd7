/**
 * `npm run trace`: what the shop tab's main thread does for a few page loads of the demo shop, with
 * the extension recording (automatic audits off) and without it, from Chromium's own trace — blink's
 * and V8's events by name (a script's by the file it runs), their thread time summed, sorted by what
 * recording added. Where `npm run profile` sees JavaScript only, this sees the rest too: message
 * delivery between the recorder's worlds (`MessagePort::Accept`), layouts forced by a read
 * (`Blink.ForcedStyleAndLayout`), hit tests, script compilation, window proxies of isolated worlds.
 * Nested events are counted in their own line and in their parents'.
 *
 *   npx tsx scripts/trace.ts [--pages /panier,/app/] [--top 40]
 */
import { parseArgs } from 'node:util';
import puppeteer, { type Page } from 'puppeteer-core';
import { z } from 'zod';
import { CHROMIUM_ARGS, launchChromium, openPanel } from './automation/chromium';
import { Panel } from './automation/panel';
import { CHROMIUM_PATH } from './automation/paths';
import { startShop } from './automation/shop';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink'];
/** After `load`: the page's late work and the recorder's first batches. */
const SETTLE_MS = 2500;

const eventSchema = z.object({
  name: z.string(),
  cat: z.string(),
  ph: z.string(),
  pid: z.number(),
  tid: z.number(),
  tdur: z.number().optional(),
  args: z.object({ name: z.string().optional(), data: z.object({ url: z.string().optional() }).passthrough().optional() }).passthrough().optional(),
});
type TraceEvent = z.infer<typeof eventSchema>;

/** A script's place, short: the extension's file, or the shop. */
function placeOf(url: string): string {
  if (!url) return '';
  if (url.startsWith('chrome-extension:')) return ` (extension: ${url.split('/').pop()})`;
  return url.startsWith('http') ? ' (shop)' : '';
}

/** The renderer main thread that parsed the page: the shop's. */
function shopThread(events: TraceEvent[]): { pid: number; tid: number } | undefined {
  const parsed = events.find((e) => e.name === 'ParseHTML');
  return parsed && { pid: parsed.pid, tid: parsed.tid };
}

/** Loads each page, tracing it, and sums the thread time of the shop's main-thread events by name. */
async function traced(tab: Page, origin: string, pages: string[]): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const page of pages) {
    await tab.tracing.start({ categories: CATEGORIES });
    await tab.goto(origin + page, { waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const raw = await tab.tracing.stop();
    if (!raw) throw new Error(`no trace for ${page}`);
    const { traceEvents } = z.object({ traceEvents: z.array(z.unknown()) }).parse(JSON.parse(Buffer.from(raw).toString('utf8')));
    const events = traceEvents.flatMap((e) => {
      const parsed = eventSchema.safeParse(e);
      return parsed.success ? [parsed.data] : [];
    });
    const main = shopThread(events);
    if (!main) throw new Error(`the trace of ${page} has no parser thread`);
    for (const e of events) {
      if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.tdur) continue;
      const key = `${e.name}${placeOf(e.args?.data?.url ?? '')}`;
      totals.set(key, (totals.get(key) ?? 0) + e.tdur / 1000);
    }
  }
  return totals;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { pages: { type: 'string', default: '/panier,/app/,/produit/derby-cuir' }, top: { type: 'string', default: '40' } }, strict: true });
  const pages = values.pages.split(',').map((p) => p.trim());
  const top = Number(values.top);
  const shop = await startShop();
  try {
    const bare = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, pipe: true, args: CHROMIUM_ARGS, defaultViewport: { width: 1280, height: 800 } });
    let baseline: Map<string, number>;
    try {
      const tab = await bare.newPage();
      await tab.goto(`${shop.origin}/`);
      baseline = await traced(tab, shop.origin, pages);
    } finally {
      await bare.close();
    }
    const launched = await launchChromium();
    let recording: Map<string, number>;
    try {
      const tab = await launched.browser.newPage();
      await tab.goto(`${shop.origin}/`);
      const panel = new Panel(await openPanel(launched, shop.origin));
      await panel.page.evaluate(`chrome.storage.local.get('settings').then((r) => chrome.storage.local.set({ settings: { ...(r.settings ?? {}), autoAudit: false } }))`);
      await panel.start();
      await tab.bringToFront();
      recording = await traced(tab, shop.origin, pages);
    } finally {
      await launched.browser.close();
    }
    const rows = [...new Set([...baseline.keys(), ...recording.keys()])]
      .map((name) => ({ name, without: baseline.get(name) ?? 0, with: recording.get(name) ?? 0 }))
      .sort((a, b) => b.with - b.without - (a.with - a.without))
      .slice(0, top);
    console.log(`Main thread of the shop tab, ${pages.length} page loads (${pages.join(' ')}), thread time in ms, summed per event name`);
    console.log(`   added  without     with  event`);
    for (const r of rows) console.log(`${(r.with - r.without).toFixed(1).padStart(8)} ${r.without.toFixed(1).padStart(8)} ${r.with.toFixed(1).padStart(8)}  ${r.name}`);
  } finally {
    await shop.close();
  }
}

await main();
