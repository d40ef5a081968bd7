import type { Page } from 'puppeteer-core';

/** Marks the fixture's injection payloads leave when they run (see tests/fixtures/shop/README.md). */
const MARKER = /MYSTERE-XSS|mystere-xss/i;

/**
 * Listens on a page for any sign that text from the audited site ran as script: a dialog
 * (`alert`), a console marker, or the `window.__mystereXss` canary in the page or any frame.
 */
export function watchScripts(page: Page): { dialogs: string[]; consoleMarkers: string[]; canaries(): Promise<unknown[]> } {
  const dialogs: string[] = [];
  const consoleMarkers: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (message) => {
    if (MARKER.test(message.text())) consoleMarkers.push(message.text());
  });
  return {
    dialogs,
    consoleMarkers,
    async canaries() {
      const values = await Promise.all(
        page.frames().map((frame) => frame.evaluate(() => (window as { __mystereXss?: unknown }).__mystereXss ?? null).catch(() => null)),
      );
      return values.filter((v) => v !== null);
    },
  };
}
