/**
 * `npm run profile`: where the recording's cost goes on the shop's main thread. Walks a bench journey
 * once with the extension recording (automatic audits off unless `--audits`), under the V8 sampling
 * profiler of the shop's tab, and splits the time of every sample by what runs it: the shop itself,
 * or a part of the extension — rrweb's capture, masking, serialisation, compression, the collectors,
 * vitals, the classifier, the screenshot measure, audits. Native work (style reads, JSON, GC of our
 * objects) counts for the nearest script frame that called it. The extension must be built with
 * source maps: `MYSTERE_SOURCEMAP=1 npx wxt build --mode automation`.
 *
 *   npx tsx scripts/profile.ts [--journey demo|heavy] [--audits] [--by-file] [--by-leaf]
 *
 * `--by-file` splits by source file instead of by part; `--by-leaf` adds the function on top of the
 * stack (a native call such as `getComputedStyle` or `stringify` shows under the part that made it).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession } from 'puppeteer-core';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { launchChromium, openPanel } from './automation/chromium';
import { CHROME_EXTENSION } from './automation/paths';
import { Panel } from './automation/panel';
import { startShop } from './automation/shop';
import { BenchJourney, JOURNEYS, PACE, type JourneyName } from './bench/journey';
import { PAGE_SCRIPTS } from './bench/content-scripts';
import { LATENCY_PROBE, MainThreadMeter } from './bench/page-probes';

interface CallFrame {
  url: string;
  lineNumber: number;
  columnNumber: number;
  functionName: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** What a source file of the extension does, for the breakdown (first match wins). */
const PARTS: ReadonlyArray<[RegExp, string]> = [
  [/@rrweb\//, 'rrweb capture (snapshot, mutations, events)'],
  [/utils\/recording\/(?:native-mask|patch-targets|in-page-recorder|rrweb-options)|bridge-channel|bridge-caps|recorder-main/, 'main-world recorder and channel'],
  [/utils\/privacy\/|utils\/recording\/(?:privacy|typed-values)/, 'masking and typed values'],
  [/codec/, 'compression and base64'],
  [/bridge-guards|utils\/recording\/(?:buffer|outbox)|pressure|ladder|page-session|main-world/, 'relay: parse, buffer, send'],
  [/friction/, 'friction collectors'],
  [/landing/, 'landing collector'],
  [/web-vitals|vitals\.ts/, 'vitals'],
  [/journey\/(?:page-facts|page-type|route-url)|recording\/routes/, 'page type and routes'],
  [/entrypoints\/capture\/|screenshots|capture\.js/, 'screenshot measure'],
  [/checklist\//, 'checklist checks (page probe)'],
  [/recorder-isolated\.(?:ts|js)/, 'isolated-world recorder (the page open at Start)'],
  [/wxt\/dist|messaging\/(?:ask|receive)|utils\/timeout|entrypoints\/recorder\/(?:index|dropped)|content\/page-context|recorder\.js$/, 'relay: start-up and messaging'],
  [/entrypoints\/audit\/|axe-core/, 'audits (axe-core, speed)'],
];

async function sourceMaps(): Promise<Map<string, SourceMapConsumer>> {
  const maps = new Map<string, SourceMapConsumer>();
  for (const file of PAGE_SCRIPTS) {
    const raw = await readFile(path.join(CHROME_EXTENSION, `${file}.map`), 'utf8').catch(() => undefined);
    if (raw) maps.set(path.basename(file), new SourceMapConsumer(JSON.parse(raw) as RawSourceMap));
  }
  if (maps.size === 0) throw new Error('no source maps in the build: run MYSTERE_SOURCEMAP=1 npx wxt build --mode automation first');
  return maps;
}

/** The source file of an extension frame (rrweb's code, which ships without maps, as `@rrweb/record`). */
function sourceOf(frame: CallFrame, maps: Map<string, SourceMapConsumer>): string {
  const file = frame.url.split('/').pop() ?? '';
  const mapped = maps.get(file)?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber }).source;
  // In the recorders, what maps to no source of ours is rrweb's.
  return (mapped ?? (/^recorder-(?:main|isolated)\.js$/.test(file) ? '@rrweb/record' : file)).replace(/^(?:\.\.\/)+/, '').replace(/^.*node_modules\//, '');
}

/** The part a script frame belongs to (or its source file, `byFile`): the shop's, or the extension's. */
function partOf(frame: CallFrame, maps: Map<string, SourceMapConsumer>, byFile = false): string | undefined {
  if (!frame.url) return undefined;
  if (!/^chrome-extension:/.test(frame.url)) return 'the shop';
  const source = sourceOf(frame, maps);
  if (byFile) return source;
  return PARTS.find(([re]) => re.test(source))?.[1] ?? `extension, other (${source})`;
}

/**
 * The journey with the profiler restarted around each document load: a cross-document navigation
 * gives the tab a new frame, and the profile of the old one would be lost with it.
 */
class ProfiledJourney extends BenchJourney {
  readonly profiles: Profile[] = [];
  cdp: CDPSession | undefined;

  async startProfiling(): Promise<void> {
    this.cdp ??= await this.page.createCDPSession();
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await this.cdp.send('Profiler.start');
  }

  async stopProfiling(): Promise<void> {
    const stopped = (await this.cdp?.send('Profiler.stop').catch(() => undefined)) as { profile: Profile } | undefined;
    if (stopped) this.profiles.push(stopped.profile);
  }

  override async open(to: string): Promise<void> {
    await this.stopProfiling();
    await super.open(to);
    await this.startProfiling();
  }

  override async clickAndLoad(selector: string): Promise<void> {
    await this.stopProfiling();
    await super.clickAndLoad(selector);
    await this.startProfiling();
  }
}

function breakdown(profile: Profile, maps: Map<string, SourceMapConsumer>, byFile: boolean, byLeaf = false): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, string>();
  const owner = (id: number): string => {
    const known = memo.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    let part = partOf(node.callFrame, maps, byFile);
    if (!part) {
      const up = parent.get(id);
      part = name === '(idle)' || name === '(program)' ? name : name === '(garbage collector)' ? 'garbage collector' : up ? owner(up) : '(root)';
    }
    memo.set(id, part);
    return part;
  };
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    // By leaf: the function on top of the stack (a native call's own name), under its owner.
    const part = byLeaf ? `${owner(id)} › ${byId.get(id)!.callFrame.functionName || '(anonymous)'}` : owner(id);
    totals.set(part, (totals.get(part) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return totals;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { journey: { type: 'string', default: 'demo' }, audits: { type: 'boolean', default: false }, 'by-file': { type: 'boolean', default: false }, 'by-leaf': { type: 'boolean', default: false } },
    strict: true,
  });
  const journey = values.journey as JourneyName;
  if (!(journey in JOURNEYS)) throw new Error(`--journey wants demo or heavy, not ${values.journey}`);
  const maps = await sourceMaps();
  const shop = await startShop();
  const launched = await launchChromium();
  try {
    const tab = await launched.browser.newPage();
    await tab.evaluateOnNewDocument(LATENCY_PROBE);
    const meters = { cpu: await MainThreadMeter.attach(tab, 'threadTicks'), wall: await MainThreadMeter.attach(tab, 'timeTicks') };
    const j = new ProfiledJourney(tab, shop.origin, meters, PACE);
    let panel: Panel | undefined;
    await JOURNEYS[journey](j, async () => {
      panel = new Panel(await openPanel(launched, shop.origin));
      if (!values.audits) {
        await panel.page.evaluate(`chrome.storage.local.get('settings').then((r) => chrome.storage.local.set({ settings: { ...(r.settings ?? {}), autoAudit: false } }))`);
      }
      await panel.start();
    });
    await j.stopProfiling();
    await panel?.stop();
    const totals = new Map<string, number>();
    for (const profile of j.profiles) for (const [part, ms] of breakdown(profile, maps, values['by-file'], values['by-leaf'])) totals.set(part, (totals.get(part) ?? 0) + ms);
    const busy = [...totals].filter(([k]) => k !== '(idle)' && k !== '(program)').reduce((a, [, v]) => a + v, 0);
    const ours = [...totals].filter(([k]) => !['(idle)', '(program)', 'the shop', 'garbage collector', '(root)'].includes(k)).reduce((a, [, v]) => a + v, 0);
    console.log(`\nProfile of the ${journey} journey, recording${values.audits ? ', automatic audits on' : ', automatic audits off'} (V8 sampling profiler, 200 µs, shop tab)`);
    console.log(`JavaScript and its native calls: ${busy.toFixed(0)} ms, of which the extension ${ours.toFixed(0)} ms\n`);
    console.log('  part                                              ms   share of the extension');
    for (const [part, ms] of [...totals].sort((a, b) => b[1] - a[1])) {
      if (part === '(idle)') continue;
      const share = ['the shop', '(program)', 'garbage collector', '(root)'].includes(part) ? '' : `${((100 * ms) / ours).toFixed(1)} %`;
      console.log(`  ${part.padEnd(44)} ${ms.toFixed(0).padStart(7)}   ${share}`);
    }
  } finally {
    await launched.browser.close();
    await shop.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
