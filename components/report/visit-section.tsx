import type { ReportModel } from '../../utils/report/model-types';
import type { ReportUiMessages } from '../../utils/i18n/report-ui-messages';
import { formatDuration } from '../ui/format';
import { Facts } from './facts';
import { UrlText } from './links';
import { ReportSection } from './report-section';

/** Who shopped which site, when, how long, with what, and where the visit and its review stand. */
export function VisitSection({ t, model }: { t: ReportUiMessages; model: ReportModel }) {
  const c = model.cover;
  const review = model.review;
  return (
    <ReportSection id="visit" title={t.sections.visit}>
      <Facts
        class="cover-facts"
        rows={[
          [t.site, c.site],
          [t.origin, <UrlText url={c.origin} />],
          [t.mission, <span data-testid="cover-mission">{c.mission}</span>],
          [t.personaAlias, c.personaAlias && <span data-testid="cover-persona">{c.personaAlias}</span>],
          [
            t.deadline,
            c.deadline && (
              <span data-testid="cover-deadline" data-met={String(c.deadline.met)}>
                {t.deadlineState(t.dateTime(c.deadline.at), c.deadline.met)}
              </span>
            ),
          ],
          [t.date, <time dateTime={new Date(c.startedAt).toISOString()}>{t.dateTime(c.startedAt)}</time>],
          [t.ended, c.endedAt !== undefined && <time dateTime={new Date(c.endedAt).toISOString()}>{t.dateTime(c.endedAt)}</time>],
          [t.duration, <span data-testid="visit-duration">{t.customerTime(formatDuration(c.customerMs), formatDuration(c.durationMs))}</span>],
          [t.evaluator, c.evaluator || <span class="muted">{t.notSigned}</span>],
          [t.browser, c.browser],
          [t.screen, c.screen && t.dimensions(c.screen.width, c.screen.height)],
          [t.status, t.visitStatuses[c.status]],
          [
            t.review,
            review && (
              <span data-testid="review-status" data-review-status={review.status}>
                {t.reviewStatuses[review.status]} ({t.reviewedAt(t.dateTime(review.updatedAt))})
              </span>
            ),
          ],
          [t.reviewer, review?.reviewer],
        ]}
      />
      <p class="muted">{t.generatedAt(t.dateTime(model.generatedAt))}</p>
    </ReportSection>
  );
}
