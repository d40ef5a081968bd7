import type { Page } from 'puppeteer-core';
import { readEvidence } from './evidence-data';
import { until } from './extension-data';

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

  /** Takes a screenshot with the panel's button; returns its id once it is stored. */
  async capture(kind: 'visible' | 'full-page'): Promise<string> {
    const before = new Set((await readEvidence(this.page)).screenshots.map((s) => s.id));
    await this.page.locator(kind === 'visible' ? '[data-testid=screenshot-capture]' : '[data-testid=screenshot-full-page]').click();
    const after = await until(
      () => readEvidence(this.page),
      (d) => d.screenshots.some((s) => !before.has(s.id) && s.trigger === 'button' && s.kind === kind),
      `a ${kind} screenshot`,
    );
    const shot = after.screenshots.find((s) => !before.has(s.id) && s.trigger === 'button' && s.kind === kind)!;
    // And the panel shows it.
    await this.page.waitForSelector(`[data-testid=screenshot-item][data-screenshot-id="${shot.id}"]`);
    return shot.id;
  }

  async addNote(text: string): Promise<void> {
    const before = await this.page.$$eval('[data-testid=note-item]', (items) => items.length);
    await this.page.locator('[data-testid=note-input]').fill(text);
    await this.page.locator('[data-testid=note-add]').click();
    await this.page.waitForFunction((n: number) => document.querySelectorAll('[data-testid=note-item]').length > n, {}, before);
  }

  /** "I would leave here", with a reason code and a comment. */
  async abandon(reason: string, comment: string): Promise<void> {
    await this.page.locator('[data-testid=abandon-open]').click();
    await this.page.locator('[data-testid=abandon-reason]').wait();
    await this.page.select('[data-testid=abandon-reason]', reason);
    await this.page.locator('[data-testid=abandon-comment]').fill(comment);
    await this.page.locator('[data-testid=abandon-confirm]').click();
    await this.page.waitForSelector('[data-testid=abandonment-item]', { timeout: 15_000 });
  }

  /** Opens a past visit (0 is the newest). */
  async openPastVisit(index: number): Promise<void> {
    const buttons = await this.page.$$('[data-testid=visit-item] [data-testid=visit-open]');
    await buttons[index]!.click();
    await this.page.waitForSelector('[data-testid=visit-detail]');
  }

  /**
   * Opens a screenshot and draws an area on it with the pointer, from and to fractions of the image,
   * then captions it and saves.
   */
  async annotate(screenshotId: string, from: [number, number], to: [number, number], caption: string): Promise<void> {
    await this.page.locator(`[data-testid=screenshot-item][data-screenshot-id="${screenshotId}"] [data-testid=screenshot-open]`).click();
    const canvas = await this.page.waitForSelector('[data-testid=screenshot-viewer] [data-testid=screenshot-canvas]', { visible: true });
    await this.page.waitForFunction(
      (el: Element) => el.getBoundingClientRect().height > 50,
      {},
      canvas!,
    );
    const box = (await canvas!.boundingBox())!;
    const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
    await this.page.mouse.move(...at(from));
    await this.page.mouse.down();
    await this.page.mouse.move(...at(to), { steps: 5 });
    await this.page.mouse.up();
    await this.page.locator('[data-testid=annotation-caption]').fill(caption);
    await this.page.locator('[data-testid=annotation-save]').click();
    await this.page.waitForSelector('[data-testid=annotation-item]');
    await this.page.locator('[data-testid=viewer-close]').click();
    await this.page.waitForSelector('[data-testid=screenshot-viewer]', { hidden: true });
  }
}
