import { requestSchema, type Request } from '../../utils/messaging/protocol';
import type { Sender } from '../../utils/messaging/receive';
import { onBatch, onHello, onPage } from './recorder-handlers';
import { setPageType } from './page-commands';
import { abandon } from './funnel';
import { addNote, deleteNote, editNote } from './notes';
import { annotateScreenshot, captureScreenshot, deleteScreenshot } from './screenshot-commands';
import { onFacts } from './signals';
import { installChecklist, removeChecklist, selectChecklist, setAnswer } from './checklist';
import { runAudit } from './audits';
import { addOrigin, pauseVisit, removeVisit, resumeVisit, setVerdict, startVisit, stopVisit } from './visit-controller';

export { requestSchema };

/** Routes each parsed request to its handler. */
export async function handleRequest(message: Request, sender: Sender): Promise<unknown> {
  switch (message.type) {
    case 'recorder/hello':
      return onHello(sender.tabId, sender.openerTabId);
    case 'recorder/page':
      return onPage(message, sender.tabId);
    case 'recorder/batch':
      return onBatch(message, sender.tabId);
    case 'visit/start':
      return startVisit(message.tabId);
    case 'visit/pause':
      return pauseVisit(message.visitId);
    case 'visit/resume':
      return resumeVisit(message.visitId, message.tabId);
    case 'visit/stop':
      return stopVisit(message.visitId);
    case 'visit/delete':
      return removeVisit(message.visitId);
    case 'visit/add-origin':
      return addOrigin(message.visitId, message.tabId);
    case 'page/set-type':
      return setPageType(message.pageId, message.pageType);
    case 'recorder/facts':
      return onFacts(message, sender.tabId);
    case 'screenshot/capture':
      return captureScreenshot(message.visitId, message.kind, message.trigger ?? 'button');
    case 'screenshot/delete':
      return deleteScreenshot(message.screenshotId);
    case 'screenshot/annotate':
      return annotateScreenshot(message.screenshotId, message.annotations);
    case 'note/add':
      return addNote(message.visitId, message.text);
    case 'note/edit':
      return editNote(message.noteId, message.text);
    case 'note/delete':
      return deleteNote(message.noteId);
    case 'audit/run':
      return runAudit(message.pageId, 'rerun', message.timeLimitMs);
    case 'answer/set':
      return setAnswer(message);
    case 'checklist/install':
      return installChecklist(message.checklist);
    case 'checklist/delete':
      return removeChecklist(message.checklistId);
    case 'checklist/select':
      return selectChecklist(message.checklistId, message.visitId);
    case 'visit/abandon':
      return abandon(message.visitId, message.reason, message.comment);
    case 'visit/verdict':
      return setVerdict(message.visitId, message.text, message.alias, message.final);
  }
}

/** Our requests all carry a `type` with a slash; anything else is not for us. */
export function isRequest(message: unknown): boolean {
  return typeof (message as { type?: unknown } | null)?.type === 'string' && (message as { type: string }).type.includes('/');
}
