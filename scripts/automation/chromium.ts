import puppeteer, { TargetType, type Browser, type Page, type Target } from 'puppeteer-core';
import { CHROME_EXTENSION, CHROMIUM_PATH } from './paths';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--window-size=1280,900',
];

/** The extension's service worker. */
export const isWorker = (t: Target) => t.type() === TargetType.SERVICE_WORKER && t.url().endsWith('/background.js');

export interface Launched {
  browser: Browser;
  extensionId: string;
}

/** Launches Debian's Chromium with the built extension loaded. */
export async function launchChromium(o: { userDataDir?: string; headless?: boolean } = {}): Promise<Launched> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: o.headless ?? true,
    pipe: true,
    enableExtensions: [CHROME_EXTENSION],
    defaultViewport: { width: 1280, height: 800 },
    args: CHROMIUM_ARGS,
    ...(o.userDataDir ? { userDataDir: o.userDataDir } : {}),
  });
  const worker = await browser.waitForTarget(isWorker);
  return { browser, extensionId: new URL(worker.url()).host };
}

/** Stops the extension's service worker, as Chrome does after 30 s idle (Chrome's own test recipe). */
export async function killServiceWorker(browser: Browser): Promise<void> {
  const target = await browser.waitForTarget(isWorker);
  const worker = await target.worker();
  await worker?.close();
  // Wait until Chrome has let it go, so the next message really starts a new worker.
  for (let i = 0; i < 50; i++) {
    if (!browser.targets().some(isWorker)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Opens the side panel page in a window of its own, driving the tab whose URL starts with `tabUrl`.
 * The shop stays the active tab of its own window, as beside a real side panel.
 */
export async function openPanel(launched: Launched, tabUrl: string): Promise<Page> {
  const { browser, extensionId } = launched;
  const base = `chrome-extension://${extensionId}/sidepanel.html`;
  const session = await browser.target().createCDPSession();
  await session.send('Target.createTarget', { url: base, newWindow: true });
  const target = await browser.waitForTarget((t) => t.url() === base);
  const panel = (await target.page())!;
  await panel.waitForSelector('main');
  const tabId = await panel.evaluate(async (prefix: string) => {
    type Tabs = { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
    const { tabs } = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
    return (await tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id;
  }, tabUrl);
  if (tabId === undefined) throw new Error(`no tab at ${tabUrl}`);
  await panel.goto(`${base}?tabId=${tabId}`);
  await panel.waitForSelector('main');
  return panel;
}
