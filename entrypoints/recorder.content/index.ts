import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { HelloReply } from '../../utils/messaging/protocol';
import { parseRecorderControl } from '../../utils/recording/bridge-guards';
import { unwrap } from '../../utils/messaging/receive';
import { connectMainWorld } from './main-world';
import { PageSession } from './page-session';

/**
 * The recorder's isolated-world half: it asks the background whether this tab is part of a running
 * visit, then relays the main world's events, measures the page (timing, vitals, type) and sends it
 * all, batched and compressed, until the background acknowledges.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const g = globalThis as { __mystereRelay?: () => void };
    if (g.__mystereRelay) {
      // Injected again (a new visit on an open page): the running relay says hello again.
      g.__mystereRelay();
      return;
    }
    let session: PageSession | undefined;
    const bridge = connectMainWorld(window, (message) => session?.fromMainWorld(message));

    const hello = async () => {
      if (session?.active) return;
      const reply = unwrap<HelloReply>(await browser.runtime.sendMessage({ type: 'recorder/hello', url: location.href }));
      if (!reply.record) return;
      session = new PageSession({ ctx, bridge, visitId: reply.visitId, config: reply.config });
      session.begin(reply.paused);
    };
    g.__mystereRelay = () => void hello().catch(() => undefined);

    browser.runtime.onMessage.addListener((message: unknown) => {
      const control = parseRecorderControl(message);
      if (control && session?.visitId === control.visitId) session.control(control.state);
      return undefined;
    });

    await hello().catch(() => {
      // The worker may be starting: one more try shortly after.
      ctx.setTimeout(() => void hello().catch(() => undefined), 500);
    });
  },
});
