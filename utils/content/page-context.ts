/**
 * The lifetime of one of our scripts in the shop's page (the recorder's relay, the isolated-world
 * recorder, the capture and audit scripts): timers, idle callbacks and listeners that stop once
 * the extension that injected them is gone (updated, reloaded, removed), as WXT's content-script
 * context does — without what that context also does at start. WXT's context dispatches a
 * `<extension id>:<script>:wxt:content-script-started` event on the page's `document` each time a
 * script starts, so that older copies stop: any page that knows our extension's id (a store listing
 * shows it; Firefox's is fixed) could listen for it and know it is being recorded
 * (tests/e2e/stealth.test.ts). Our scripts are therefore WXT unlisted scripts, injected by the
 * background, each guarding itself against a second copy, with this context instead.
 */
export class PageContext {
  private readonly controller = new AbortController();

  /** `alive`: whether the extension that injected the script is still there (`browser.runtime?.id != null`). */
  constructor(private readonly alive: () => boolean) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** False once the extension is gone; everything this context started stops then. */
  get isValid(): boolean {
    if (!this.controller.signal.aborted && !this.alive()) this.controller.abort();
    return !this.controller.signal.aborted;
  }

  setTimeout(handler: () => void, ms?: number): number {
    const id = globalThis.setTimeout(() => {
      if (this.isValid) handler();
    }, ms) as unknown as number;
    this.signal.addEventListener('abort', () => globalThis.clearTimeout(id), { once: true });
    return id;
  }

  setInterval(handler: () => void, ms?: number): number {
    const id = globalThis.setInterval(() => {
      if (this.isValid) handler();
    }, ms) as unknown as number;
    this.signal.addEventListener('abort', () => globalThis.clearInterval(id), { once: true });
    return id;
  }

  /** When the page is idle (or `options.timeout` has passed); a timer where the browser has no idle callbacks. */
  requestIdleCallback(handler: () => void, options?: IdleRequestOptions): void {
    if (typeof globalThis.requestIdleCallback !== 'function') {
      this.setTimeout(handler, 0);
      return;
    }
    const id = globalThis.requestIdleCallback(() => {
      if (this.isValid) handler();
    }, options);
    this.signal.addEventListener('abort', () => globalThis.cancelIdleCallback(id), { once: true });
  }

  addEventListener<K extends keyof WindowEventMap>(target: Window, type: K, handler: (event: WindowEventMap[K]) => void, options?: AddEventListenerOptions): void;
  addEventListener<K extends keyof DocumentEventMap>(target: Document, type: K, handler: (event: DocumentEventMap[K]) => void, options?: AddEventListenerOptions): void;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }
}
