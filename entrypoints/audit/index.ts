import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { parseAuditRequest, type AuditReply } from '../../utils/messaging/audit-page';
import { createAuditRunner } from './run';

/**
 * Audits the page it is injected into: accessibility with axe-core, and the facts of its speed.
 * Injected by the background into the top frame when an audit runs, never carried by every page:
 * axe-core alone is about 500 KB.
 */
export default defineUnlistedScript({
  main() {
    // Once per page: each audit injects the script again. A listener left by a previous version of
    // the extension (updated or reloaded) no longer answers, so it does not count.
    const g = globalThis as { __mystereAudit?: { alive: () => boolean } };
    if (g.__mystereAudit?.alive()) return;
    g.__mystereAudit = { alive: () => browser.runtime?.id != null };
    const run = createAuditRunner(window);
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (r: AuditReply) => void) => {
      const request = parseAuditRequest(message);
      if (!request) return undefined;
      run(request).then(
        (value) => sendResponse({ ok: true, value }),
        (error: unknown) => sendResponse({ ok: false, error: 'audit-failed', detail: String(error).slice(0, 300) }),
      );
      return true;
    });
  },
});
