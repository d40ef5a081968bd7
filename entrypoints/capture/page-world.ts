import type { PageWorld, ShadowRootOf } from './walk';

/**
 * Nodes (elements and texts) walked between two turns given to the page. In Chromium on the test
 * machine (two cores, busy) a slice of this size took about 6–12 ms; see docs/evidence.md.
 */
export const SLICE_NODES = 2_000;

type ChromeDom = { dom?: { openOrClosedShadowRoot?: (el: HTMLElement) => ShadowRoot | null } };
type FirefoxElement = Element & { openOrClosedShadowRoot?: () => ShadowRoot | null };
type Scheduler = { yield?: () => Promise<void> };

/**
 * The measurer's world in a content script: closed shadow roots through whichever API the browser
 * gives content scripts (Chrome: `chrome.dom.openOrClosedShadowRoot`; Firefox:
 * `element.openOrClosedShadowRoot()`), open ones only where neither exists; turns given to the page
 * with `scheduler.yield()` where it exists (the walk resumes ahead of other tasks), else a timer.
 */
export function pageWorld(win: Window, timer: (resume: () => void) => void = (resume) => win.setTimeout(resume, 0)): PageWorld {
  const scheduler = (win as { scheduler?: Scheduler }).scheduler;
  const pause = typeof scheduler?.yield === 'function' ? () => scheduler.yield!() : () => new Promise<void>((resolve) => timer(resolve));
  return { shadowRootOf: shadowRootReader(), pause, sliceNodes: SLICE_NODES };
}

function shadowRootReader(): ShadowRootOf {
  const dom = (globalThis as { chrome?: ChromeDom }).chrome?.dom;
  const chromeRead = dom?.openOrClosedShadowRoot;
  if (typeof chromeRead === 'function') {
    return (el) => {
      try {
        return chromeRead.call(dom, el as HTMLElement) ?? el.shadowRoot;
      } catch {
        // Not an HTML element (SVG, MathML): it carries no shadow root.
        return el.shadowRoot;
      }
    };
  }
  return (el) => {
    const read = (el as FirefoxElement).openOrClosedShadowRoot;
    return typeof read === 'function' ? (read.call(el) ?? el.shadowRoot) : el.shadowRoot;
  };
}
