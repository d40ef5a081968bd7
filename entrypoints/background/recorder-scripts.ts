import { browser } from 'wxt/browser';
import { WAKE } from '../../utils/messaging/bridge-guards';

const RELAY = 'mystere-relay';
const MAIN = 'mystere-main';
const FILES = {
  relay: '/recorder.js',
  main: '/content-scripts/recorder-main.js',
  isolated: '/recorder-isolated.js',
} as const;

/**
 * Registers the recorder for the visit's origins, from the start of every document, in both worlds,
 * before any script of the page: the two halves meet on a private channel whichever runs first
 * (`utils/messaging/bridge-channel.ts`). An empty list unregisters it.
 */
export async function registerRecorder(patterns: string[]): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [RELAY, MAIN] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (patterns.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: RELAY, js: [FILES.relay], matches: patterns, runAt: 'document_start', allFrames: false, persistAcrossSessions: true },
    {
      id: MAIN,
      js: [FILES.main],
      matches: patterns,
      runAt: 'document_start',
      allFrames: false,
      persistAcrossSessions: true,
      world: 'MAIN',
    },
  ]);
}

/**
 * Starts the recorder in a page that is already open (the page the visit starts or resumes on).
 * A page that already runs the recorder (registered for an earlier visit) is woken, not injected
 * again: a second copy would take over the first one's timers and listeners. Here the page's
 * scripts ran first, so rrweb runs in our isolated world, out of the page's reach.
 */
export async function injectRecorder(tabId: number): Promise<void> {
  const awake: unknown = await browser.tabs.sendMessage(tabId, { type: WAKE }).catch(() => false);
  if (awake === true) return;
  await browser.scripting.executeScript({ target: { tabId }, files: [FILES.relay] });
  // The page's scripts ran before us: its own world cannot be trusted with the recording (see
  // recorder-isolated.ts). Its next documents are recorded from their start, in their world.
  await browser.scripting.executeScript({ target: { tabId }, files: [FILES.isolated] });
}
