import { pushReplay } from './finding-evidence';
import type { EvidenceRef } from './model-types';
import { make, type Source } from './sourced-finding';
import { replayAt } from './timeline';

/** A declared abandonment weighs as much as a critical criterion: it is the visit's verdict. */
const ABANDON_WEIGHT = 3;

/** One critical finding per abandonment the evaluator declared, with its screenshot and moment. */
export const abandonmentFindings: Source = (data, timeline, w, pages) => {
  const shots = new Set(data.screenshots.map((s) => s.id));
  return data.abandonments.map((a) => {
    const shot: EvidenceRef[] = a.screenshotId && shots.has(a.screenshotId) ? [{ kind: 'screenshot', screenshotId: a.screenshotId }] : [];
    const evidence = pushReplay(shot, replayAt(timeline, a.pageId, a.offset));
    const title = w.ui.evidence.abandonReasons[a.reason];
    const d = { id: `abandonment:${a.id}`, source: 'abandonment' as const, title, detail: a.comment.trim(), severity: 'critical' as const };
    return make({ ...d, weight: ABANDON_WEIGHT, page: pages.get(a.pageId), pageId: a.pageId, evidence }, { reason: a.reason });
  });
};
