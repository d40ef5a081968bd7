import type { Db } from '../../utils/db/database';
import { db } from '../../utils/db/database';
import {
  deleteInstalledMission,
  getInstalledMission,
  getVisit,
  listInstalledChecklists,
  putInstalledChecklist,
  putInstalledMission,
  updateVisit,
} from '../../utils/db/repository';
import { DEFAULT_MISSIONS, QUICK_VISIT_MISSION } from '../../utils/mission/defaults';
import { canonicalJson, isBuiltInMissionId, leavesChecklistToEvaluator, missionHash } from '../../utils/mission/installed';
import { missionSchema, type Mission } from '../../utils/mission/schema';
import type { StepStatusValue } from '../../utils/mission/step-status';
import { ProtocolError } from '../../utils/messaging/receive';
import type { Visit } from '../../utils/schema/visit';
import { notifyChanged } from './revision';
import { currentPage } from './stamp';
import { guardWrite } from './storage-health';

/**
 * Missions: imported ones installed and deleted, the one a new visit follows, and what the
 * evaluator says of its steps and of what it still lacks. A visit keeps its own copy of its mission,
 * so nothing done here to an installed mission changes a visit.
 */

/** Installs an imported mission; the panel validated it already, this is the writer's own check. */
export async function installMission(raw: unknown): Promise<{ missionId: string; hash: string }> {
  const parsed = missionSchema.safeParse(raw);
  if (!parsed.success) throw new ProtocolError('bad-mission', parsed.error.message.slice(0, 500));
  const mission = parsed.data;
  if (isBuiltInMissionId(mission.id)) throw new ProtocolError('mission-id-taken');
  const d = await db();
  // Told now rather than at the visit's start: the evaluator can still sort it out before going.
  await embeddedChecklistFits(d, mission);
  const hash = await missionHash(mission);
  await guardWrite(() => putInstalledMission(d, { mission, installedAt: Date.now(), hash }));
  await notifyChanged();
  return { missionId: mission.id, hash };
}

export async function removeMission(missionId: string): Promise<void> {
  if (isBuiltInMissionId(missionId)) throw new ProtocolError('mission-id-taken');
  await deleteInstalledMission(await db(), missionId);
  await notifyChanged();
}

/** The mission a new visit follows, with its hash: a built-in or installed one, the Quick visit by default. */
export async function missionToFollow(d: Db, missionId = QUICK_VISIT_MISSION.id): Promise<{ mission: Mission; hash: string }> {
  const builtIn = DEFAULT_MISSIONS.find((mission) => mission.id === missionId);
  if (builtIn) return { mission: builtIn, hash: await missionHash(builtIn) };
  const installed = await getInstalledMission(d, missionId);
  if (!installed) throw new ProtocolError('no-such-mission');
  return { mission: installed.mission, hash: installed.hash };
}

/** Refuses a mission whose embedded checklist has the id of a different installed checklist. */
async function embeddedChecklistFits(d: Db, mission: Mission): Promise<void> {
  if (!('embedded' in mission.checklist)) return;
  const embedded = mission.checklist.embedded;
  const installed = (await listInstalledChecklists(d)).find((c) => c.id === embedded.id);
  if (installed && canonicalJson(installed.checklist) !== canonicalJson(embedded)) throw new ProtocolError('checklist-conflict');
}

/**
 * The checklist a new visit of `mission` answers: the one the evaluator chose for the Quick visit,
 * else the mission's — a built-in one, or its embedded one, installed as an imported checklist (so
 * the panel and the report find it by id) unless that very checklist is installed already.
 */
export async function checklistForVisit(d: Db, mission: Mission, chosen: string): Promise<string> {
  if (leavesChecklistToEvaluator(mission)) return chosen;
  if ('builtIn' in mission.checklist) return mission.checklist.builtIn;
  const embedded = mission.checklist.embedded;
  await embeddedChecklistFits(d, mission);
  if (!(await listInstalledChecklists(d)).some((c) => c.id === embedded.id)) {
    await guardWrite(() => putInstalledChecklist(d, { id: embedded.id, checklist: embedded, installedAt: Date.now() }));
  }
  return embedded.id;
}

/** The visit, which must follow a mission (a visit made before missions has no step nor item to speak of). */
async function visitOfMission(d: Db, visitId: string, unknown: 'no-such-step' | 'no-such-item'): Promise<Visit & { mission: Mission }> {
  const visit = await getVisit(d, visitId);
  if (!visit) throw new ProtocolError('no-such-visit');
  if (!visit.mission) throw new ProtocolError(unknown);
  return visit as Visit & { mission: Mission };
}

/** The evaluator's mark on a step of the visit's mission (null takes it back); failed and blocked say why. */
export async function setStepStatus(visitId: string, stepId: string, status: StepStatusValue | null, comment: string): Promise<void> {
  const d = await db();
  const visit = await visitOfMission(d, visitId, 'no-such-step');
  if (!visit.mission.steps.some((step) => step.id === stepId)) throw new ProtocolError('no-such-step');
  const text = comment.trim();
  if (status !== null && status !== 'done' && text === '') throw new ProtocolError('comment-required');
  const at = Date.now();
  // The page on screen when the step is marked: where its required evidence counts if no page met its conditions.
  const pageId = status === null ? undefined : await currentPage(d, visit).then((page) => page.id, () => undefined);
  await guardWrite(() =>
    updateVisit(d, visitId, (v) => {
      const { [stepId]: _previous, ...others } = v.stepStatuses ?? {};
      return { ...v, stepStatuses: status === null ? others : { ...others, [stepId]: { status, comment: text, at, ...(pageId ? { pageId } : {}) } } };
    }),
  );
  await notifyChanged();
}

/**
 * Why the visit lacks `itemId` (`step/<id>` or `evidence/<id>` of its mission), in the evaluator's
 * words, asked for before Stop; an empty text takes the explanation back.
 */
export async function explainMissing(visitId: string, itemId: string, text: string): Promise<void> {
  const d = await db();
  const visit = await visitOfMission(d, visitId, 'no-such-item');
  const [kind, refId] = itemId.split('/') as [string, string];
  const known = kind === 'step' ? visit.mission.steps.some((s) => s.id === refId) : visit.mission.requiredEvidence.some((e) => e.id === refId);
  if (!known) throw new ProtocolError('no-such-item');
  const words = text.trim();
  await guardWrite(() =>
    updateVisit(d, visitId, (v) => {
      const { [itemId]: _previous, ...others } = v.explanations ?? {};
      return { ...v, explanations: words === '' ? others : { ...others, [itemId]: words } };
    }),
  );
  await notifyChanged();
}
