import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';

/** Lets the browser save downloads (our exports) into `dir` without asking. */
export async function allowDownloads(browser: Browser, dir: string): Promise<void> {
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
}

/** Waits for a finished download whose name ends with `suffix` and was not in `before`; returns its path. */
export async function waitForDownload(dir: string, suffix: string, before: ReadonlySet<string> = new Set(), timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const done = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(suffix) && !before.has(f)) : [];
    const partial = existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.crdownload'));
    if (done.length > 0 && !partial) return path.join(dir, done[0]!);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no *${suffix} download in ${dir} after ${timeoutMs} ms`);
}

export const filesIn = (dir: string) => new Set(existsSync(dir) ? readdirSync(dir) : []);
