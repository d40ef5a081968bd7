import { requestSchema, type Handlers, type Request } from '../../utils/messaging/protocol';
import { ProtocolError, type Sender } from '../../utils/messaging/receive';
import { runAudit } from './audits';
import { installChecklist, removeChecklist, selectChecklist, setAnswer } from './checklist';
import { abandon } from './funnel';
import { explainMissing, installMission, removeMission, setStepStatus } from './missions';
import { addNote, deleteNote, editNote } from './notes';
import { setPageType } from './page-commands';
import { onBatch, onHello, onPage, onTyped } from './recorder-handlers';
import { annotateScreenshot, captureScreenshot, deleteScreenshot } from './screenshot-commands';
import { onFacts } from './signals';
import { onDelivery, onDropped } from './dropped';
import { addOrigin, notePanelWork, pauseVisit, removeVisit, resumeVisit, setVerdict, startVisit, stopVisit } from './visit-controller';

export { requestSchema };

/**
 * Every request the background answers, and who answers it. Typed with `Handlers`: a request
 * without a handler, or a handler answering another reply than the protocol declares, does not
 * compile.
 */
export const handlers: Handlers<Sender> = {
  // The frame's address as the browser tells it, which the page cannot forge; the message's otherwise.
  'recorder/hello': (m, sender) => onHello(sender.tabId, sender.openerTabId, sender.url ?? m.url),
  'recorder/page': (m, sender) => onPage(m, sender.tabId),
  'recorder/batch': (m, sender) => onBatch(m, sender.tabId),
  'recorder/facts': (m, sender) => onFacts(m, sender.tabId),
  'recorder/typed': (m, sender) => onTyped(m, sender.tabId),
  'recorder/dropped': (m, sender) => onDropped(m, sender.tabId),
  'recorder/delivery': (m, sender) => onDelivery(m, sender.tabId),
  'visit/start': (m) => startVisit(m.tabId, m.missionId),
  'visit/pause': (m) => pauseVisit(m.visitId),
  'visit/panel-work': (m) => notePanelWork(m.visitId, m.from, m.to),
  'visit/resume': (m) => resumeVisit(m.visitId, m.tabId),
  'visit/stop': (m) => stopVisit(m.visitId),
  'visit/delete': (m) => removeVisit(m.visitId),
  'visit/add-origin': (m) => addOrigin(m.visitId, m.tabId),
  'visit/abandon': (m) => abandon(m.visitId, m.reason, m.comment),
  'visit/verdict': (m) => setVerdict(m.visitId, m.text, m.alias, m.final),
  'page/set-type': (m) => setPageType(m.pageId, m.pageType),
  'screenshot/capture': (m) => captureScreenshot(m.visitId, m.kind, m.trigger ?? 'button'),
  'screenshot/delete': (m) => deleteScreenshot(m.screenshotId),
  'screenshot/annotate': (m) => annotateScreenshot(m.screenshotId, m.annotations),
  'note/add': (m) => addNote(m.visitId, m.text),
  'note/edit': (m) => editNote(m.noteId, m.text),
  'note/delete': (m) => deleteNote(m.noteId),
  'audit/run': (m) => runAudit(m.pageId, 'rerun', m.timeLimitMs),
  'answer/set': (m) => setAnswer(m),
  'checklist/install': (m) => installChecklist(m.checklist),
  'checklist/delete': (m) => removeChecklist(m.checklistId),
  'checklist/select': (m) => selectChecklist(m.checklistId, m.visitId),
  'mission/install': (m) => installMission(m.mission),
  'mission/delete': (m) => removeMission(m.missionId),
  'step/set': (m) => setStepStatus(m.visitId, m.stepId, m.status, m.comment),
  'visit/explain': (m) => explainMissing(m.visitId, m.itemId, m.text),
};

/** Routes each parsed request to its handler. */
export function handleRequest<R extends Request>(message: R, sender: Sender): Promise<unknown> {
  const handle = handlers[message.type] as (m: R, s: Sender) => Promise<unknown>;
  return handle(message, sender);
}

/** Our requests all carry a `type` with a slash; anything else is not for us. */
export function isRequest(message: unknown): boolean {
  return typeof (message as { type?: unknown } | null)?.type === 'string' && (message as { type: string }).type.includes('/');
}

/**
 * A recorder's message handed over through storage (`storage-handover.ts`), from `tabId`: parsed and
 * handled as if it had been sent. Only what a recorder sends once it records is accepted that way.
 */
export async function handleHandover(message: unknown, tabId: number): Promise<void> {
  const parsed = requestSchema.safeParse(message);
  if (!parsed.success) throw new ProtocolError('bad-message', parsed.error.issues[0]?.message);
  const request = parsed.data;
  if (!request.type.startsWith('recorder/') || request.type === 'recorder/hello') throw new ProtocolError('bad-message', `${request.type} is not handed over`);
  await handleRequest(request, { tabId });
}
