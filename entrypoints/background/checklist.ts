import { browser } from 'wxt/browser';
import { db } from '../../utils/db/database';
import { deleteInstalledChecklist, getVisit, listInstalledChecklists, putAnswer, putInstalledChecklist, updateVisit } from '../../utils/db/repository';
import { allChecklists, isBuiltInId } from '../../utils/checklist/installed';
import { checklistSchema } from '../../utils/checklist/schema';
import { ProtocolError } from '../../utils/messaging/receive';
import type { AnswerSet } from '../../utils/messaging/protocol';
import { loadSettings, saveSettings } from '../../utils/settings';
import { stamped } from './stamp';
import { answerId } from '../../utils/checklist/answers';
import type { AnswerEvidence } from '../../utils/checklist/schema';
import { notifyChanged } from './revision';
import { guardWrite } from './storage-health';
import { leavesChecklistToEvaluator } from '../../utils/mission/installed';

/** The evaluator's checklist: answers stamped with their page and replay moment, and imported checklists. */

export async function setAnswer(message: AnswerSet): Promise<{ answerId: string }> {
  const d = await db();
  const visit = await getVisit(d, message.visitId);
  if (!visit) throw new ProtocolError('no-such-visit');
  const at = Date.now();
  const id = answerId(visit.id, message.checklistId, message.criterionId);
  await stamped(d, visit, at, async ({ page, offset }, also) => {
    // "This replay moment": the page shown then, and the offset into its replay.
    const evidence: AnswerEvidence[] = [];
    for (const e of message.evidence) {
      if (e.kind !== 'moment') evidence.push(e);
      else {
        const moment = await also(e.at);
        evidence.push({ kind: 'replay', pageId: moment.page.id, offset: moment.offset });
      }
    }
    await guardWrite(() =>
      putAnswer(d, {
        id,
        visitId: visit.id,
        checklistId: message.checklistId,
        criterionId: message.criterionId,
        state: message.state,
        ...(message.value !== undefined ? { value: message.value } : {}),
        comment: message.comment,
        pageId: page.id,
        at,
        offset,
        evidence,
        ...(message.suggested ? { suggested: message.suggested } : {}),
      }),
    );
  });
  await notifyChanged();
  return { answerId: id };
}

/** Installs an imported checklist; the panel validated it already, this is the writer's own check. */
export async function installChecklist(raw: unknown): Promise<{ checklistId: string }> {
  const parsed = checklistSchema.safeParse(raw);
  if (!parsed.success) throw new ProtocolError('bad-checklist', parsed.error.message.slice(0, 500));
  const checklist = parsed.data;
  if (isBuiltInId(checklist.id)) throw new ProtocolError('checklist-id-taken');
  await guardWrite(async () => putInstalledChecklist(await db(), { id: checklist.id, checklist, installedAt: Date.now() }));
  await notifyChanged();
  return { checklistId: checklist.id };
}

export async function removeChecklist(checklistId: string): Promise<void> {
  if (isBuiltInId(checklistId)) throw new ProtocolError('checklist-id-taken');
  await deleteInstalledChecklist(await db(), checklistId);
  await notifyChanged();
}

/**
 * The checklist for new visits; also the running visit's, when given, unless the visit's mission
 * sets its checklist (any mission but the Quick visit).
 */
export async function selectChecklist(checklistId: string, visitId?: string): Promise<void> {
  const d = await db();
  const known = allChecklists(await listInstalledChecklists(d)).some((c) => c.checklist.id === checklistId);
  if (!known) throw new ProtocolError('no-such-checklist');
  const visit = visitId ? await getVisit(d, visitId) : undefined;
  if (visit && !leavesChecklistToEvaluator(visit.mission) && visit.checklistId !== checklistId) throw new ProtocolError('checklist-set-by-mission');
  const settings = await loadSettings(browser.storage.local);
  await saveSettings(browser.storage.local, { ...settings, checklistId });
  if (visitId) await updateVisit(d, visitId, (v) => ({ ...v, checklistId }));
  await notifyChanged();
}
