import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { receive } from '../../utils/messaging/receive';
import { openPanelOnAction, recoverInterruptedVisits } from './boot';
import { handleRequest, isRequest, requestSchema } from './messages';
import { adoptTab } from './visit-controller';
import { captureFromShortcut, onFailedRequest } from './evidence';
import { watchFailedRequests } from './requests';

/** Wires listeners only; each concern lives in its own file. Listeners are added synchronously. */
export default defineBackground(() => {
  receive(browser.runtime.onMessage, requestSchema, handleRequest, isRequest);
  browser.tabs.onCreated.addListener((tab) => {
    if (tab.id !== undefined) void adoptTab(tab.id, tab.openerTabId);
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === 'take-screenshot') void captureFromShortcut().catch(() => undefined);
  });
  watchFailedRequests((tabId, fact) => void onFailedRequest(tabId, fact).catch(() => undefined));
  openPanelOnAction();
  void recoverInterruptedVisits();
});
