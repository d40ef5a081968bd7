import puppeteer, { TargetType, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, isWorker, type Launched } from '../../../scripts/automation/chromium';
import { chunksOf, pagesOf, type Dump } from '../../../scripts/automation/extension-data';
import { CHROME_EXTENSION, CHROMIUM_PATH } from '../../../scripts/automation/paths';

/**
 * Launches Chromium like `launchChromium`, with extra switches and environment. On Linux Chromium
 * takes its interface language from the environment (`LANGUAGE`, then `LC_ALL`/`LANG`), not from
 * `--lang`, and only for the languages whose locale files are installed (Debian: `chromium-l10n`).
 */
export async function launchChromiumWith(o: { args?: string[]; env?: Record<string, string> }): Promise<Launched> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    enableExtensions: [CHROME_EXTENSION],
    defaultViewport: { width: 1280, height: 800 },
    args: [...CHROMIUM_ARGS, ...(o.args ?? [])],
    env: { ...process.env, ...o.env },
  });
  const worker = await browser.waitForTarget(isWorker);
  return { browser, extensionId: new URL(worker.url()).host };
}

/** Opens one of the extension's own pages (options, side panel without a driven tab) in a new tab. */
export async function openExtensionPage(launched: Launched, file: string): Promise<Page> {
  const page = await launched.browser.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/${file}`, { waitUntil: 'load' });
  await page.waitForSelector('main');
  return page;
}

/**
 * Opens `url` in a new tab of a new window. `browser.newPage()` would open it in the last focused
 * window, often the panel's, hiding the panel: a hidden page gets no animation frames, and puppeteer's
 * locators and waits stall on it.
 */
export async function openInNewWindow(launched: Launched, url: string): Promise<Page> {
  const before = new Set(launched.browser.targets());
  const session = await launched.browser.target().createCDPSession();
  await session.send('Target.createTarget', { url, newWindow: true });
  await session.detach();
  const target = await launched.browser.waitForTarget((t) => !before.has(t) && t.type() === TargetType.PAGE);
  const page = (await target.page())!;
  await page.waitForFunction((u: string) => location.href === u && document.readyState === 'complete', { polling: 100 }, url);
  return page;
}

/** The elapsed time the panel shows, in seconds ("3 s", "1 min 05 s", "1 h 02 min"). */
export async function shownElapsedSeconds(panel: Page): Promise<number> {
  const text = await panel.$eval('[data-testid=visit-status] time', (t) => t.textContent ?? '');
  const h = /(\d+) h/.exec(text)?.[1];
  const m = /(\d+) min/.exec(text)?.[1];
  const s = /(\d+) s/.exec(text)?.[1];
  if (h === undefined && m === undefined && s === undefined) throw new Error(`not a duration: ${text}`);
  return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}

/** What the panel lists as the visit's pages: id and type, in order. */
export function shownPages(panel: Page): Promise<Array<{ id: string; type: string }>> {
  return panel.$$eval('[data-testid=page-item]', (items) =>
    items.map((i) => ({ id: i.getAttribute('data-page-id') ?? '', type: i.getAttribute('data-page-type') ?? '' })),
  );
}

/** Path names of a visit's stored pages, in order. */
export function storedPaths(dump: Dump, visitId: string): string[] {
  return pagesOf(dump, visitId).map((p) => new URL(p.url).pathname);
}

/** Every recorded event of a visit, with the page it belongs to. */
export function eventsOfVisit(dump: Dump, visitId: string) {
  return pagesOf(dump, visitId).flatMap((page) => chunksOf(dump, page.id).flatMap((c) => c.events.map((e) => ({ page, event: e }))));
}

/** The extension's stored settings, as `chrome.storage.local` holds them (null when never saved). */
export async function storedSettings(extensionPage: Page): Promise<unknown> {
  const read: unknown = await extensionPage.evaluate(`chrome.storage.local.get('settings').then((r) => r.settings ?? null)`);
  return read;
}

/** A node of an rrweb full snapshot (rrweb-snapshot's serialized node). */
export interface SnapshotNode {
  type: number;
  tagName?: string;
  attributes?: Record<string, unknown>;
  childNodes?: SnapshotNode[];
  textContent?: string;
}

export const ELEMENT = 2;
export const TEXT = 3;

/** The root node of the first full snapshot (event type 2) recorded for a page. */
export function firstFullSnapshot(dump: Dump, pageId: string): SnapshotNode {
  const full = chunksOf(dump, pageId)
    .flatMap((c) => c.events)
    .find((e) => e.type === 2);
  if (!full) throw new Error(`no full snapshot for page ${pageId}`);
  return (full.data as { node: SnapshotNode }).node;
}

/** Every node of a snapshot, depth first, with the child indexes that lead to it from the root. */
export function walk(node: SnapshotNode, path: number[] = []): Array<{ node: SnapshotNode; path: number[] }> {
  return [{ node, path }, ...(node.childNodes ?? []).flatMap((child, i) => walk(child, [...path, i]))];
}

/** The node at a path of child indexes, if the snapshot has one there. */
export function nodeAt(root: SnapshotNode, path: number[]): SnapshotNode | undefined {
  let node: SnapshotNode | undefined = root;
  for (const i of path) node = node?.childNodes?.[i];
  return node;
}

/** The first element whose `id` attribute is `id`, with its path. */
export function elementById(root: SnapshotNode, id: string) {
  return walk(root).find(({ node }) => node.type === ELEMENT && node.attributes?.id === id);
}

/** The text of a node and its descendants, as recorded. */
export function textOf(node: SnapshotNode): string {
  return walk(node)
    .filter(({ node: n }) => n.type === TEXT)
    .map(({ node: n }) => n.textContent ?? '')
    .join('');
}
