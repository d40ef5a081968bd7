import { LOCAL_IMPORT_ERRORS, type ImportError, type ImportResult, type LocalImportErrorCode } from '../../utils/report/import-bundles';
import { bundleErrorText } from '../../utils/i18n/bundle-messages';
import type { Lang } from '../../utils/i18n/messages';
import type { ViewerMessages } from '../../utils/i18n/viewer-messages';
import type { BundleSummary } from '../../utils/report/bundle-summary';
import { REVIEW_NEXT, type Review, type ReviewStatus } from '../../utils/report/review';

/** The statuses the review select offers: the current one, then where it may go next. */
export function statusChoices(status: ReviewStatus): ReviewStatus[] {
  return [status, ...REVIEW_NEXT[status]];
}

/** Comments per criterion are written while reviewing, and kept visible once returned. */
export function showsComments(status: ReviewStatus): boolean {
  return status === 'in-review' || status === 'returned';
}

/** Names (or, with empty text, un-names) the reviewer. */
export function setReviewer(review: Review, name: string, now: number): Review {
  const { reviewer: _previous, ...rest } = review;
  const trimmed = name.trim().slice(0, 200);
  return { ...rest, updatedAt: now, ...(trimmed && { reviewer: trimmed }) };
}

/** The reviewer's comment on a criterion, or empty. */
export function commentOn(review: Review, criterionId: string): string {
  return review.comments.find((c) => c.criterionId === criterionId)?.text ?? '';
}

/** The outcome column: converted, abandoned at a stage, or unknown. */
export function outcomeText(t: ViewerMessages, summary: Pick<BundleSummary, 'outcome' | 'stage'>): string {
  if (summary.outcome === 'converted') return t.outcome.converted;
  if (summary.outcome === 'abandoned') {
    return summary.stage ? t.outcome.abandoned(t.stages[summary.stage]) : t.outcome.abandonedSomewhere;
  }
  return t.outcome.unknown;
}

/** The mission column: the title of the mission followed (the Quick visit's too), or "no mission". */
export function missionText(t: ViewerMessages, lang: Lang, summary: Pick<BundleSummary, 'mission'>): string {
  return summary.mission ? summary.mission.title[lang] : t.noMission;
}

const isLocal = (error: ImportError): error is { code: LocalImportErrorCode } =>
  (LOCAL_IMPORT_ERRORS as readonly string[]).includes(error.code);

/** Why a file was refused, in words: the bundle check's precise reason, or the browser's failure. */
export function importErrorText(t: ViewerMessages, error: ImportError): string {
  if (!isLocal(error)) return bundleErrorText(t.bundle, error);
  const local: Record<LocalImportErrorCode, string> = {
    'read-failed': t.readFailed,
    'check-failed': t.checkFailed,
    'store-failed': t.storeFailed,
  };
  return local[error.code];
}

/** One file's line in the import results. */
export function importResultText(t: ViewerMessages, result: ImportResult): string {
  if (result.ok) return result.replaced ? t.replaced(result.name) : t.imported(result.name);
  return t.rejected(result.name, result.error ? importErrorText(t, result.error) : t.checkFailed);
}
