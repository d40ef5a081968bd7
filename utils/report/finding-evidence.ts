import type { Answer } from '../checklist/schema';
import type { EvidenceRef } from './model-types';
import { replayAt, type Timeline } from './timeline';

/** Adds a replay moment once, when the page was recorded. */
export function pushReplay(refs: EvidenceRef[], at: number | null): EvidenceRef[] {
  if (at !== null && !refs.some((ref) => ref.kind === 'replay' && ref.at === at)) refs.push({ kind: 'replay', at });
  return refs;
}

/** An answer's proof: its screenshots that still exist, its replay moments, then the moment it was given. */
export function answerEvidence(answer: Answer, timeline: Timeline, screenshotIds: ReadonlySet<string>): EvidenceRef[] {
  const refs: EvidenceRef[] = [];
  for (const e of answer.evidence) {
    if (e.kind === 'replay') pushReplay(refs, replayAt(timeline, e.pageId, e.offset));
    else if (screenshotIds.has(e.screenshotId) && !refs.some((r) => r.kind === 'screenshot' && r.screenshotId === e.screenshotId)) {
      refs.push({ kind: 'screenshot', screenshotId: e.screenshotId });
    }
  }
  return pushReplay(refs, replayAt(timeline, answer.pageId, answer.offset));
}
