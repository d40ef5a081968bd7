/**
 * When the audit may use the shop's main thread, and what it cost it. axe-core already yields after
 * each rule (each rule's end is a `setTimeout`), so one `axe.run` is a series of short tasks, not one
 * long one: on the demo shop's pages none reaches 50 ms (axe in the page's own world, `npm run bench`;
 * seen from the extension's world the longest is 80–120 ms, docs/recording.md). Running the rules in
 * smaller groups was measured and left: each group rebuilds axe's tree of the page, which cost more
 * in all (×1.3–1.9 on the demo pages, ×5.5 on a 10,000-element page) for no shorter task. Waiting for
 * the shopper to be still as well was tried and withdrawn (it moved audits into a checkout's typing).
 * What is left: begin at idle, and report the longest task the page ran while the audit did.
 */

/** An idle callback comes at the latest after this long. */
const IDLE_TIMEOUT_MS = 2000;

/** The Long Tasks API's entry, the part read here. */
interface LongTask {
  duration: number;
}

/** The page's idle moments and its long tasks, read in the audit's world. */
export function pageClock(win: Window): { idle(): Promise<void>; longestTask(): number; stop(): void } {
  let longest = 0;
  const Observer = (win as Window & typeof globalThis).PerformanceObserver as typeof PerformanceObserver | undefined;
  let observer: PerformanceObserver | undefined;
  if (Observer?.supportedEntryTypes?.includes('longtask')) {
    observer = new Observer((list) => {
      for (const e of list.getEntries() as unknown as LongTask[]) longest = Math.max(longest, e.duration);
    });
    observer.observe({ type: 'longtask' });
  }
  return {
    /** Resolves at the page's next idle moment (at the latest after two seconds). */
    idle: () =>
      new Promise<void>((resolve) => {
        if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
        else win.setTimeout(resolve, 0);
      }),
    /** The longest task of 50 ms or more since the clock started (0: none); Chromium only. */
    longestTask() {
      for (const e of (observer?.takeRecords() ?? []) as unknown as LongTask[]) longest = Math.max(longest, e.duration);
      return Math.round(longest);
    },
    stop() {
      observer?.disconnect();
    },
  };
}
