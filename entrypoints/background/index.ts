import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { errorCode, receive } from '../../utils/messaging/receive';
import { takeHandovers } from '../../utils/recording/storage-handover';
import { openPanelOnAction, recoverInterruptedVisits } from './boot';
import { handleHandover, handleRequest, isRequest, requestSchema } from './messages';
import { adoptTab } from './visit-controller';
import { captureFromShortcut } from './screenshot-commands';
import { onFailedRequest } from './signals';
import { watchFailedRequests } from './requests';
import { onCommitted, onTabRemoved } from './navigation';
import { privacyPass } from './privacy';
import { setPrivacy } from '../../utils/db/repository';

/** Wires listeners only; each concern lives in its own file. Listeners are added synchronously. */
export default defineBackground(() => {
  // Every record from the shop's pages is masked with what the evaluator typed in the visit.
  setPrivacy(privacyPass);
  receive(browser.runtime.onMessage, requestSchema, handleRequest, isRequest);
  // What a recorder could not send by message, handed over through storage (docs/recording.md, "Delivery"):
  // the session area (memory only) where the browser lets the recorder reach it. What it holds is what
  // the evaluator typed into the visit's own sites, which those sites' pages received already.
  void (async () => browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }))().catch(() => undefined);
  takeHandovers(browser.storage, handleHandover, errorCode, (text) => console.warn(`Mystère: ${text}`));
  browser.tabs.onCreated.addListener((tab) => {
    if (tab.id !== undefined) void adoptTab(tab.id, tab.openerTabId);
  });
  browser.tabs.onRemoved.addListener((tabId, info) => void onTabRemoved(tabId, info.isWindowClosing).catch(() => undefined));
  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId === 0) void onCommitted({ ...details, at: details.timeStamp }).catch(() => undefined);
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === 'take-screenshot') void captureFromShortcut().catch(() => undefined);
  });
  watchFailedRequests((tabId, fact) => void onFailedRequest(tabId, fact).catch(() => undefined));
  openPanelOnAction();
  void recoverInterruptedVisits();
});
