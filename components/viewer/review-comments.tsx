import { useId, useState } from 'preact/hooks';
import type { Lang } from '../../utils/i18n/messages';
import type { ViewerMessages } from '../../utils/i18n/viewer-messages';
import type { ReviewCriterion } from '../../utils/report/bundle-summary';
import type { Review } from '../../utils/report/review';
import { commentOn } from './review-helpers';

export interface CommentChange {
  criterionId: string;
  text: string;
}

interface Props {
  t: ViewerMessages;
  lang: Lang;
  visitId: string;
  site: string;
  criteria: ReviewCriterion[];
  review: Review;
  /** Saves comments that differ from the review's (empty text removes one). */
  onSave: (changes: CommentChange[]) => void;
}

/** The reviewer's comment beside each answered criterion, with what the evaluator answered. */
export function ReviewComments({ t, lang, visitId, site, criteria, review, onSave }: Props) {
  const id = useId();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const draftOf = (criterionId: string) => drafts[criterionId] ?? commentOn(review, criterionId);
  const changed = (criterionIds: string[]): CommentChange[] =>
    criterionIds
      .filter((c) => c in drafts && draftOf(c).trim() !== commentOn(review, c))
      .map((c) => ({ criterionId: c, text: draftOf(c) }));
  const save = (criterionIds: string[]) => {
    const changes = changed(criterionIds);
    if (changes.length > 0) onSave(changes);
  };

  return (
    <section class="review-comments" aria-labelledby={`${id}-title`} data-testid="viewer-review" data-visit-id={visitId}>
      <h3 id={`${id}-title`}>{t.commentsTitle(site)}</h3>
      {criteria.length === 0 ? (
        <p class="empty">{t.noCriteria}</p>
      ) : (
        <>
          <p class="hint">{t.commentsHint}</p>
          <ol class="criteria">
            {criteria.map((criterion, index) => {
              const field = `${id}-c${index}`;
              const answer = t.answers[criterion.state] + (criterion.value === undefined ? '' : ` (${criterion.value})`);
              return (
                <li key={criterion.id} class="criterion">
                  <label for={field}>{t.commentLabel(criterion.id, criterion.question[lang])}</label>
                  <p class="meta" id={`${field}-answer`}>
                    {t.evaluatorAnswer(answer)}
                    {criterion.comment && ` — ${t.evaluatorComment(criterion.comment)}`}
                  </p>
                  <textarea
                    id={field}
                    data-testid="review-comment"
                    data-criterion-id={criterion.id}
                    aria-describedby={`${field}-answer`}
                    maxLength={5000}
                    value={draftOf(criterion.id)}
                    onInput={(e) => {
                      const text = e.currentTarget.value;
                      setDrafts((d) => ({ ...d, [criterion.id]: text }));
                    }}
                    onBlur={() => save([criterion.id])}
                  />
                </li>
              );
            })}
          </ol>
          <button type="button" class="btn" data-testid="review-save" onClick={() => save(criteria.map((c) => c.id))}>
            {t.saveComments}
          </button>
        </>
      )}
    </section>
  );
}
