import { useState } from 'preact/hooks';
import type { Lang } from '../../utils/i18n/messages';
import type { ViewerMessages } from '../../utils/i18n/viewer-messages';
import type { BundleSummary, ReviewCriterion } from '../../utils/report/bundle-summary';
import type { Review, ReviewStatus } from '../../utils/report/review';
import { ConfirmButton } from '../ui/confirm-button';
import { formatDateTime } from '../ui/format';
import { ReviewComments, type CommentChange } from './review-comments';
import { missionText, outcomeText, showsComments, statusChoices } from './review-helpers';

/** What a row needs of an imported visit (the stored entry fits as is). */
export interface VisitRowData {
  id: string;
  summary: BundleSummary;
  criteria: ReviewCriterion[];
  review: Review;
}

export interface VisitActions {
  reportUrl: (id: string) => string;
  onStatus: (id: string, status: ReviewStatus) => void;
  onReviewer: (id: string, name: string) => void;
  onComments: (id: string, changes: CommentChange[]) => void;
  onReexport: (id: string) => void;
  onDelete: (id: string) => void;
}

interface Props extends VisitActions {
  t: ViewerMessages;
  lang: Lang;
  visit: VisitRowData;
  /** A re-export of this visit is being prepared. */
  exporting: boolean;
}

export const VISIT_COLUMNS = 8;

/** One imported visit: a table row, then its comments row while it is being reviewed. */
export function VisitRow({ t, lang, visit, exporting, ...on }: Props) {
  const { id, summary, review } = visit;
  const [reviewer, setReviewer] = useState<string>();
  const site = summary.site;
  return (
    <>
      <tr data-testid="viewer-visit" data-visit-id={id} data-review-status={review.status}>
        <th scope="row">
          <span class="site">{site}</span>
          {summary.checklistTitle && <span class="meta">{summary.checklistTitle[lang]}</span>}
        </th>
        <td data-testid="visit-mission">{summary.mission ? missionText(t, lang, summary) : <span class="meta">{t.noMission}</span>}</td>
        <td>{formatDateTime(summary.startedAt, lang)}</td>
        <td>{summary.evaluator || <span class="meta">{t.unsigned}</span>}</td>
        <td class="num">{summary.score === null ? <span class="meta">{t.noScore}</span> : t.score(summary.score)}</td>
        <td>{outcomeText(t, summary)}</td>
        <td>
          <div class="review-cell">
            <select
              aria-label={t.statusOf(site)}
              data-testid="visit-review-status"
              value={review.status}
              onChange={(e) => on.onStatus(id, e.currentTarget.value as ReviewStatus)}
            >
              {statusChoices(review.status).map((status) => (
                <option key={status} value={status}>
                  {t.statuses[status]}
                </option>
              ))}
            </select>
            <label class="reviewer">
              <span>{t.reviewer}</span>
              <input
                type="text"
                data-testid="visit-reviewer"
                aria-label={t.reviewerOf(site)}
                maxLength={200}
                value={reviewer ?? review.reviewer ?? ''}
                onInput={(e) => setReviewer(e.currentTarget.value)}
                onBlur={() => {
                  if (reviewer !== undefined && reviewer.trim() !== (review.reviewer ?? '')) on.onReviewer(id, reviewer);
                }}
              />
            </label>
          </div>
        </td>
        <td class="actions">
          <a href={on.reportUrl(id)} target="_blank" rel="noopener" class="btn" data-testid="viewer-open-report">
            {t.openReport}
            <span class="visually-hidden">
              {' '}
              {site} {t.newTab}
            </span>
          </a>
          <button
            type="button"
            class="btn"
            data-testid="viewer-reexport"
            aria-busy={exporting}
            disabled={exporting}
            title={t.reexportOf(site)}
            onClick={() => on.onReexport(id)}
          >
            {exporting ? t.reexporting : t.reexport}
          </button>
          <ConfirmButton
            label={t.remove}
            question={t.confirmRemove}
            confirmLabel={t.confirm}
            cancelLabel={t.cancel}
            testId="viewer-delete"
            onConfirm={() => on.onDelete(id)}
          />
        </td>
      </tr>
      {showsComments(review.status) && (
        <tr class="review-row">
          <td colSpan={VISIT_COLUMNS}>
            <ReviewComments
              t={t}
              lang={lang}
              visitId={id}
              site={site}
              criteria={visit.criteria}
              review={review}
              onSave={(changes) => on.onComments(id, changes)}
            />
          </td>
        </tr>
      )}
    </>
  );
}
