import type { Page } from 'puppeteer-core';

/** The side panel as the evaluator uses it, through its stable test ids. */
export class Panel {
  constructor(readonly page: Page) {}

  async start(): Promise<void> {
    await this.page.locator('[data-testid=visit-start]').click();
    await this.waitForState('recording');
  }

  async pause(): Promise<void> {
    await this.page.locator('[data-testid=visit-pause]').click();
    await this.waitForState('paused');
  }

  async resume(): Promise<void> {
    await this.page.locator('[data-testid=visit-resume]').click();
    await this.waitForState('recording');
  }

  /** Stops the visit; it then moves to the past visits. */
  async stop(): Promise<void> {
    await this.page.locator('[data-testid=visit-stop]').click();
    await this.page.waitForSelector('[data-testid=visit-start]');
  }

  async waitForState(state: string): Promise<void> {
    await this.page.waitForSelector(`[data-testid=visit-status][data-state=${state}]`, { timeout: 15_000 });
  }

  /** Waits until the panel lists these page types, in this order (types settle once a page is read). */
  async waitForTypes(types: string[]): Promise<void> {
    await this.page
      .waitForFunction(
        (expected: string[]) =>
          Array.from(document.querySelectorAll('[data-testid=page-item]'))
            .map((i) => i.getAttribute('data-page-type'))
            .join() === expected.join(),
        { timeout: 20_000 },
        types,
      )
      .catch(async () => {
        throw new Error(`expected page types ${types.join()}, the panel shows ${(await this.types()).join()}`);
      });
  }

  types(): Promise<string[]> {
    return this.page.$$eval('[data-testid=page-item]', (items) => items.map((i) => i.getAttribute('data-page-type') ?? ''));
  }

  /** Waits until the panel lists `n` pages, and returns their types. */
  async waitForPages(n: number): Promise<string[]> {
    await this.page.waitForFunction(
      (count: number) => document.querySelectorAll('[data-testid=page-item]').length >= count,
      { timeout: 20_000 },
      n,
    );
    return this.types();
  }
}
