import type { Page } from 'puppeteer-core';
import { readEvidence } from './evidence-data';
import { until } from './extension-data';

/** The side panel as the evaluator uses it, through its stable test ids. */
export class Panel {
  constructor(readonly page: Page) {}

  /**
   * Headless Chromium tells every window it has the focus and never sends focus or blur, whereas a
   * real side panel has the focus only while the evaluator works in it (the customer's clock leaves
   * that time out). The panel page is given that behaviour: `document.hasFocus()` answers what
   * `setFocus` says, and the window receives focus and blur as the evaluator moves between the shop
   * and the panel. Reloads the panel.
   */
  async emulateFocus(): Promise<void> {
    await this.page.evaluateOnNewDocument(() => {
      let focused = false;
      Document.prototype.hasFocus = () => focused;
      (window as unknown as { setTestFocus: (f: boolean) => void }).setTestFocus = (f: boolean) => {
        if (f === focused) return;
        focused = f;
        window.dispatchEvent(new FocusEvent(f ? 'focus' : 'blur'));
      };
    });
    await this.page.reload();
    await this.page.waitForSelector('[data-testid=visit-start], [data-testid=visit-status]');
  }

  /** The evaluator moves to the panel (true) or back to the shop (false); see `emulateFocus`. */
  async setFocus(focused: boolean): Promise<void> {
    await this.page.evaluate((f: boolean) => (window as unknown as { setTestFocus: (f: boolean) => void }).setTestFocus(f), focused);
  }

  /** Shows one of the visit's views (checklist, visit, evidence, audits), as a click on its tab. */
  async view(name: 'checklist' | 'visit' | 'evidence' | 'audits'): Promise<void> {
    await this.page.locator(`[data-testid=view-tab][data-view=${name}]`).click();
    await this.page.waitForSelector(`[data-testid=view-panel][data-view=${name}]:not([hidden])`);
  }

  /**
   * Answers a criterion of the current page as the evaluator does in the checklist view: a "no"
   * with its comment, saved; with `screenshot`, a screenshot taken now attached to it. Clicks the
   * elements themselves (the panel redraws as the page's checks arrive, and a click aimed at a point
   * could land on a neighbour). Resolves once the answer (and its screenshot) shows.
   */
  async answer(criterionId: string, state: 'yes' | 'no' | 'na', comment = '', o: { screenshot?: boolean } = {}): Promise<void> {
    const item = `[data-testid=page-criteria] [data-testid=criterion-item][data-criterion-id="${criterionId}"]`;
    const press = async (selector: string) => {
      await this.page.waitForSelector(selector, { visible: true, timeout: 15_000 });
      await this.page.$eval(selector, (el) => (el as HTMLElement).click());
    };
    await this.view('checklist');
    await press(`${item} [data-testid=answer-${state}]`);
    if (comment) {
      await this.page.locator(`${item} [data-testid=criterion-comment]`).fill(comment);
      await press(`${item} [data-testid=criterion-save]`);
    }
    await this.page.waitForSelector(`${item}[data-state=${state}]`, { timeout: 15_000 });
    if (o.screenshot) {
      // Its details are open after a "no"; after another answer, a click on the question opens them.
      if (state !== 'no') await press(`${item} .criterion-question`);
      await press(`${item} [data-testid=evidence-capture]`);
      await this.page.waitForSelector(`${item} [data-testid=evidence-attached][data-kind=screenshot]`, { timeout: 15_000 });
    }
  }

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

  /**
   * Waits until the panel lists these page types, in this order (types settle once a page is read),
   * every page recorded — or, when `recorded` is false, every page either recorded or settled as not
   * recorded (none still waiting). On failure, says what the panel lists.
   */
  async waitForTypes(types: string[], o: { recorded?: boolean } = {}): Promise<void> {
    const recorded = o.recorded ?? true;
    await this.page
      .waitForFunction(
        (expected: string[], all: boolean) => {
          const items = Array.from(document.querySelectorAll('[data-testid=page-item]'));
          return (
            items.map((i) => i.getAttribute('data-page-type')).join() === expected.join() &&
            items.every((i) => {
              if (i.getAttribute('data-recorded') === 'true') return true;
              // Not recorded is acceptable only when asked, and only once it is settled (not waiting).
              return !all && i.querySelector('[data-testid=page-unrecorded]')?.getAttribute('data-reason') !== 'waiting';
            })
          );
        },
        { timeout: 20_000 },
        types,
        recorded,
      )
      .catch(async () => {
        throw new Error(`expected page types ${types.join()}${recorded ? ', all recorded' : ''}; the panel shows ${await this.describe()}`);
      });
  }

  types(): Promise<string[]> {
    return this.page.$$eval('[data-testid=page-item]', (items) => items.map((i) => i.getAttribute('data-page-type') ?? ''));
  }

  /** The listed pages as "type (recording state)", for failure messages. */
  describe(): Promise<string> {
    return this.page.$$eval('[data-testid=page-item]', (items) =>
      items
        .map((i) => {
          const reason = i.querySelector('[data-testid=page-unrecorded]')?.getAttribute('data-reason');
          return `${i.getAttribute('data-page-type')} ${i.querySelector('.page-url')?.textContent ?? ''} (${reason ?? 'recorded'})`;
        })
        .join(', ') || 'no page',
    );
  }

  /**
   * Waits until the panel lists at least `n` pages, each recorded (its first batch stored), and
   * returns their types. On failure, says what the panel lists.
   */
  async waitForPages(n: number): Promise<string[]> {
    await this.page
      .waitForFunction(
        (count: number) => {
          const items = Array.from(document.querySelectorAll('[data-testid=page-item]'));
          return items.length >= count && items.every((i) => i.getAttribute('data-recorded') === 'true');
        },
        { timeout: 20_000 },
        n,
      )
      .catch(async () => {
        throw new Error(`expected ${n} recorded pages; the panel shows ${await this.describe()}`);
      });
    return this.types();
  }

  /** Takes a screenshot with the panel's button; returns its id once it is stored. */
  async capture(kind: 'visible' | 'full-page'): Promise<string> {
    const before = new Set((await readEvidence(this.page)).screenshots.map((s) => s.id));
    await this.view('evidence');
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
    await this.view('evidence');
    await this.page.locator('[data-testid=note-input]').fill(text);
    await this.page.locator('[data-testid=note-add]').click();
    await this.page.waitForFunction((n: number) => document.querySelectorAll('[data-testid=note-item]').length > n, {}, before);
  }

  /** "I would leave here", with a reason code and a comment. */
  async abandon(reason: string, comment: string): Promise<void> {
    await this.view('evidence');
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
    await this.view('evidence');
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
