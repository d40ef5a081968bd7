import type { Answer, Criterion } from '../checklist/schema';
import type { ReportWords } from '../i18n/report-messages';
import { pageTypeOf } from '../schema/page';
import { latestAnswers } from './findings';
import type { MarkerKind, ReplayMarker } from './model-types';
import { replayAt, type Timeline } from './timeline';
import type { VisitData } from './visit-data';

/**
 * The moments shown on the replay's timeline: where each page starts, and when each answer, note,
 * screenshot, signal and abandonment happened. What was not recorded has no place on it.
 */

/** A note's label: its start, enough to recognise it. */
const NOTE_LABEL = 60;
/** At the same moment, a page comes before what happened on it. */
const KIND_ORDER: MarkerKind[] = ['page', 'abandonment', 'answer', 'note', 'screenshot', 'signal'];

/** An answer's state in words: "Yes", "No", "4 / 5", "12 seconds", "Unanswered"… */
export function answerLabel(criterion: Criterion | undefined, answer: Answer | undefined, w: ReportWords): string {
  if (!answer) return w.r.states.unanswered;
  if (answer.state === 'yes' && answer.value !== undefined && criterion) {
    if (criterion.answer.kind === 'scale') return w.r.scaleValue(answer.value);
    if (criterion.answer.kind === 'number') return w.r.numberValue(answer.value, criterion.answer.unit[w.lang]);
  }
  return w.r.states[answer.state];
}

function noteLabel(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > NOTE_LABEL ? `${flat.slice(0, NOTE_LABEL)}…` : flat;
}

/** The replay's markers, sorted by time. */
export function replayMarkers(data: VisitData, timeline: Timeline, w: ReportWords): ReplayMarker[] {
  const { r, ui } = w;
  const pages = new Map(data.pages.map((page) => [page.id, page]));
  const criteria = new Map(data.checklist?.sections.flatMap((s) => s.criteria).map((c) => [c.id, c]) ?? []);
  const markers: ReplayMarker[] = [];
  const add = (kind: MarkerKind, pageId: string, offset: number, label: string, refId: string) => {
    const at = replayAt(timeline, pageId, offset);
    if (at !== null) markers.push({ at, kind, label, refId });
  };
  for (const page of data.pages) add('page', page.id, 0, r.pageLabel(ui.pageTypes[pageTypeOf(page)], page.title), page.id);
  for (const answer of latestAnswers(data).values()) {
    const label = r.answerLabel(answer.criterionId, answerLabel(criteria.get(answer.criterionId), answer, w));
    add('answer', answer.pageId, answer.offset, label, answer.criterionId);
  }
  for (const note of data.notes) add('note', note.pageId, note.offset, noteLabel(note.text), note.id);
  for (const shot of data.screenshots) {
    const page = pages.get(shot.pageId);
    const kind = ui.evidence.screenshotKinds[shot.kind];
    const label = page ? r.pageLabel(kind, ui.pageTypes[pageTypeOf(page)]) : kind;
    add('screenshot', shot.pageId, shot.offset, label, shot.id);
  }
  for (const signal of data.signals) add('signal', signal.pageId, signal.offset, ui.evidence.signalTypes[signal.type], signal.id);
  for (const a of data.abandonments) add('abandonment', a.pageId, a.offset, ui.evidence.abandonReasons[a.reason], a.id);
  return markers.sort((a, b) => a.at - b.at || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}
