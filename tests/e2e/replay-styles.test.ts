import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page as Tab } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunksOf, dumpDatabase, pagesOf, until, type Dump } from '../../scripts/automation/extension-data';
import { ROOT } from '../../scripts/automation/paths';
import { openSession, type Session } from './support/session';

const PROPS = ['color', 'background-color', 'border-left-color', 'border-left-width', 'padding-left', 'font-weight', 'font-size', 'letter-spacing'];

type Styles = Record<string, string>;

/** Computed styles of the element `path` leads to: CSS selectors, each step into the previous one's shadow root. */
async function stylesAt(tab: Tab, selectors: string[], inReplay: boolean): Promise<Styles> {
  return tab.evaluate(
    (steps: string[], props: string[], replay: boolean) => {
      const frame = replay ? document.querySelector('iframe') : null;
      let root: Document | ShadowRoot | null | undefined = replay ? frame?.contentDocument : document;
      let el: Element | null = null;
      for (const [i, s] of steps.entries()) {
        el = root?.querySelector(s) ?? null;
        if (i < steps.length - 1) root = el?.shadowRoot;
      }
      if (!el) return { missing: steps.join(' >> ') };
      const cs = (el.ownerDocument.defaultView ?? window).getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    },
    selectors,
    PROPS,
    inReplay,
  );
}

/**
 * Pages styled after the first snapshot — CSS-in-JS rules added with insertRule, adopted style
 * sheets, web components' shadow roots — replayed from what was stored, styles intact.
 */
describe('replays keep the styles of CSS-in-JS and web components', () => {
  let session: Session;
  let dump: Dump;
  const live: Record<string, Styles> = {};
  const MARKED = {
    cssInJs: ['[data-testid=cssinjs-marked]'],
    adopted: ['[data-testid=adopted-marked]'],
    shadow: ['brand-card', '[data-testid=shadow-marked]'],
  };

  beforeAll(async () => {
    session = await openSession();
    const { journey, panel } = session;
    const tab = journey.page;
    await panel.start();
    await journey.dismissCookies();
    await journey.open('/lookbook');
    await tab.waitForSelector('body[data-css-ready="1"]');
    live.cssInJs = await stylesAt(tab, MARKED.cssInJs, false);
    live.adopted = await stylesAt(tab, MARKED.adopted, false);
    await panel.waitForPages(2);
    await journey.open('/marques');
    await tab.waitForSelector('body[data-wc-ready="1"]');
    live.shadow = await stylesAt(tab, MARKED.shadow, false);
    await panel.waitForPages(3);
    await panel.stop();
    dump = await until(() => dumpDatabase(panel.page), (d) => d.visits[0]?.status === 'ended', 'the visit to end');
  });

  afterAll(() => session?.close());

  /** Replays a page's stored events to their end with rrweb's Replayer, in a blank page. */
  async function replay(pathname: string): Promise<Tab> {
    const page = pagesOf(dump, dump.visits[0]!.id).find((p) => new URL(p.url).pathname === pathname)!;
    const events = chunksOf(dump, page.id).flatMap((c) => c.events);
    const player = await session.launched.browser.newPage();
    await player.setContent('<!doctype html><html><body><div id="root"></div></body></html>');
    await player.addScriptTag({ content: await readFile(path.join(ROOT, 'node_modules/rrweb/dist/rrweb.umd.cjs'), 'utf8') });
    await player.evaluate((evs: unknown[]) => {
      const { Replayer } = (window as unknown as { rrweb: { Replayer: new (e: unknown[], o: object) => { pause(t: number): void } } }).rrweb;
      const list = evs as Array<{ timestamp: number }>;
      const r = new Replayer(evs, { root: document.getElementById('root'), mouseTail: false, showWarning: false });
      r.pause(list[list.length - 1]!.timestamp - list[0]!.timestamp + 1);
    }, events);
    return player;
  }

  it('has the live page styled by what came after the first snapshot', () => {
    // Otherwise the test proves nothing: these values come only from insertRule, adoptedStyleSheets and a shadow root.
    expect(live.cssInJs).toMatchObject({ color: 'rgb(200, 30, 60)', 'background-color': 'rgb(250, 240, 200)' });
    expect(live.adopted).toMatchObject({ color: 'rgb(10, 120, 60)', 'font-weight': '700' });
    expect(live.shadow).toMatchObject({ color: 'rgb(120, 40, 160)', 'font-size': '22px' });
  });

  it('rebuilds the CSS-in-JS page with its inserted rules and adopted style sheet', async () => {
    const player = await replay('/lookbook');
    await expect.poll(() => stylesAt(player, MARKED.cssInJs, true)).toEqual(live.cssInJs);
    await expect.poll(() => stylesAt(player, MARKED.adopted, true)).toEqual(live.adopted);
  });

  it('rebuilds the web components with their shadow roots and styles', async () => {
    const player = await replay('/marques');
    await expect.poll(() => stylesAt(player, MARKED.shadow, true)).toEqual(live.shadow);
  });
});
