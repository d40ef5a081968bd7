import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PageContext } from '../../utils/content/page-context';
import { isWake, parseRecorderCollect, parseRecorderControl } from '../../utils/messaging/bridge-guards';
import { asker } from '../../utils/messaging/ask';
import { watchRoutes } from '../../utils/recording/routes';
import { META } from '../../utils/messaging/bridge-caps';
import { connectMainWorld } from './main-world';
import { reportDropped } from './dropped';
import { PageSession } from './page-session';
import { shareTypedValues, TypedValues } from '../../utils/recording/typed-values';

const ask = asker((request) => browser.runtime.sendMessage(request));

/** Delays between hellos that failed (the worker starting, stopped, or busy). */
const HELLO_RETRIES_MS = [250, 500, 1000, 2000, 4000];

/**
 * The recorder's isolated-world half: it asks the background whether this tab is part of a running
 * visit, then relays the main world's events, measures the page (timing, vitals, type) and sends it
 * all, batched, until the background acknowledges.
 */
export default defineUnlistedScript({
  main() {
    // Never twice in a page: the background wakes a running relay instead of injecting another.
    const g = globalThis as { __mystereRelay?: boolean };
    if (g.__mystereRelay) return;
    g.__mystereRelay = true;
    const ctx = new PageContext(() => browser.runtime?.id != null);
    let session: PageSession | undefined;
    // What is typed from the document's start, before the background has answered: the shop may
    // echo it on the next page, and a shopper may type at once (the screenshot and audit scripts
    // read it too). Kept in memory; forgotten if this tab is not part of a visit.
    let typed: TypedValues | undefined = new TypedValues(document);
    shareTypedValues(typed);
    let answered = false;
    // A route waits for the main world's next Meta event (the new snapshot's first): the events
    // still on their way through the port belong to the page before it.
    let route: { url: string; toPaint: number; timer: number } | undefined;
    const applyRoute = () => {
      if (!route) return;
      clearTimeout(route.timer);
      session?.fromMainWorld({ k: 'route', url: route.url, toPaint: route.toPaint });
      route = undefined;
      bridge.gate.newPage();
    };
    const bridge = connectMainWorld(window, (message) => {
      if (route && message.k === 'event' && message.type === META) applyRoute();
      session?.fromMainWorld(message);
    });
    // Route changes are seen here (nothing of the page is patched); the new route's recording
    // starts with its own full snapshot, taken by the main world. Paused, none comes: the route
    // goes on alone after a second.
    watchRoutes(window, {
      route: (url, toPaint) => {
        if (!session) return;
        applyRoute();
        route = { url, toPaint, timer: ctx.setTimeout(applyRoute, 1000) };
        bridge.post({ k: 'snapshot' });
      },
      // Sorted, filtered or paged: the same page, and an interaction on it.
      refine: (_url, names) => session?.refine(names),
      rename: () => session?.rename(),
    });
    reportDropped(ctx, bridge.gate, () => session?.visitId, (message) => ask(message));

    const hello = async () => {
      if (session?.active) return;
      const reply = await ask({ type: 'recorder/hello', url: location.href });
      answered = true;
      if (!reply.record) {
        // Not part of a visit (now): nothing typed here is kept. A visit that starts on this page
        // later wakes the relay, and the page is measured from then on.
        typed?.dispose();
        typed = undefined;
        shareTypedValues(undefined);
        return;
      }
      // Woken later for a visit that started on this page: typing is noted from now on.
      typed ??= new TypedValues(document);
      session = new PageSession({
        ctx,
        bridge,
        visitId: reply.visitId,
        config: reply.config,
        typed,
        ...(reply.tabId === undefined ? {} : { tabId: reply.tabId }),
      });
      session.begin(reply.paused);
    };
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (r: unknown) => void) => {
      if (isWake(message)) {
        // A visit started or resumed on this open page: say hello again.
        void hello().catch(() => undefined);
        sendResponse(true);
        return undefined;
      }
      const collect = parseRecorderCollect(message);
      if (collect) {
        // The visit stops: hand over what is held, and say how much still waits.
        if (!session || session.visitId !== collect.visitId) return void sendResponse({ pending: 0 });
        void session.collect(collect.waitMs).then(
          (pending) => sendResponse({ pending }),
          () => sendResponse({ pending: -1 }),
        );
        return true;
      }
      const control = parseRecorderControl(message);
      if (control && session?.visitId === control.visitId) session.control(control.state);
      return undefined;
    });

    // Left before the background answered: what was typed still goes, for the visit this tab is in
    // (the background finds it from the tab), so that the next page's echoes of it are masked.
    ctx.addEventListener(window, 'pagehide', () => {
      if (session || answered || !typed?.hasChanges) return;
      const fields = typed.takeChanged().map((f) => ({ ...f, field: `early:${crypto.randomUUID()}:${f.field}`, value: f.value.slice(0, 5000) }));
      void browser.runtime.sendMessage({ type: 'recorder/typed', fields: fields.slice(0, 100) }).catch(() => undefined);
    });

    // The worker may be starting or busy: try again a few times, sooner first.
    const retry = (delays: number[]): void => {
      void hello().catch(() => {
        const [delay, ...rest] = delays;
        if (delay !== undefined) ctx.setTimeout(() => retry(rest), delay);
      });
    };
    retry(HELLO_RETRIES_MS);
  },
});
