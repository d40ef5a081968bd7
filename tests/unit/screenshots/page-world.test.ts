import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageWorld, SLICE_NODES } from '../../../entrypoints/capture/page-world';

// Plain objects stand for the page's elements and window: only what the world reads is given.
const g = globalThis as { chrome?: unknown };
const saved = g.chrome;

afterEach(() => {
  g.chrome = saved;
});

const closed = { mode: 'closed' } as unknown as ShadowRoot;
const open = { mode: 'open' } as unknown as ShadowRoot;
const bareWindow = (extra: object = {}) => ({ setTimeout: vi.fn(), ...extra }) as unknown as Window;

describe('pageWorld: shadow roots', () => {
  it('reads closed shadow roots through chrome.dom where it exists (Chrome)', () => {
    const openOrClosedShadowRoot = vi.fn(() => closed);
    g.chrome = { dom: { openOrClosedShadowRoot } };
    const el = { shadowRoot: null } as unknown as Element;
    expect(pageWorld(bareWindow()).shadowRootOf(el)).toBe(closed);
    expect(openOrClosedShadowRoot).toHaveBeenCalledWith(el);
  });

  it('falls back to the open root when chrome.dom refuses the element', () => {
    g.chrome = {
      dom: {
        openOrClosedShadowRoot: () => {
          throw new TypeError('not an HTMLElement');
        },
      },
    };
    expect(pageWorld(bareWindow()).shadowRootOf({ shadowRoot: open } as unknown as Element)).toBe(open);
  });

  it("reads closed shadow roots through the element's own method otherwise (Firefox)", () => {
    g.chrome = { runtime: {} };
    const el = { shadowRoot: null, openOrClosedShadowRoot: () => closed } as unknown as Element;
    expect(pageWorld(bareWindow()).shadowRootOf(el)).toBe(closed);
  });

  it('reads open shadow roots only where neither exists', () => {
    g.chrome = undefined;
    expect(pageWorld(bareWindow()).shadowRootOf({ shadowRoot: open } as unknown as Element)).toBe(open);
    expect(pageWorld(bareWindow()).shadowRootOf({ shadowRoot: null } as unknown as Element)).toBeNull();
  });
});

describe('pageWorld: turns given to the page', () => {
  it('yields with scheduler.yield where it exists', async () => {
    const yieldNow = vi.fn(() => Promise.resolve());
    const timer = vi.fn();
    const world = pageWorld(bareWindow({ scheduler: { yield: yieldNow } }), timer);
    await world.pause();
    expect(yieldNow).toHaveBeenCalledTimes(1);
    expect(timer).not.toHaveBeenCalled();
    expect(world.sliceNodes).toBe(SLICE_NODES);
  });

  it('waits for the given timer otherwise', async () => {
    const timer = vi.fn((resume: () => void) => resume());
    await pageWorld(bareWindow(), timer).pause();
    expect(timer).toHaveBeenCalledTimes(1);
  });
});
