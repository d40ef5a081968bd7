import type { Checklist } from '../../utils/checklist/schema';
import type { ChecklistScore } from '../../utils/checklist/score';
import type { ChecklistMessages } from '../../utils/i18n/checklist-messages';
import type { Lang } from '../../utils/i18n/messages';

export function ScoreText({ t, score }: { t: ChecklistMessages; score: number | null }) {
  if (score !== null) return <>{t.percent(score)}</>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">{t.noScore}</span>
    </>
  );
}

/** One line of progress and score, the failed knock-outs, and the sections' figures folded away. */
export function ChecklistProgress({ t, lang, checklist, score }: { t: ChecklistMessages; lang: Lang; checklist: Checklist; score: ChecklistScore }) {
  const questions = new Map(checklist.sections.flatMap((s) => s.criteria.map((c) => [c.id, c.question[lang]] as const)));
  return (
    <section class="checklist-progress" data-testid="checklist-progress" aria-labelledby="checklist-progress-title">
      <h2 id="checklist-progress-title" class="visually-hidden">
        {t.progressTitle}
      </h2>
      <p class="progress-line">
        <span data-testid="progress-answered">{t.answeredOf(score.answered, score.total)}</span>
        <span data-testid="progress-score" data-score={score.overall ?? ''}>
          {t.fact(t.scoreLabel, '')}
          <strong>
            <ScoreText t={t} score={score.overall} />
          </strong>
        </span>
      </p>
      <progress class="progress-bar" aria-hidden="true" max={Math.max(score.total, 1)} value={score.answered} />
      {score.knockouts.length > 0 && (
        <div class="knockout-warning" data-testid="knockout-warning">
          <p>
            <strong>{t.knockoutTitle(score.knockouts.length)}</strong>
          </p>
          <ul>
            {score.knockouts.map((id) => (
              <li key={id} data-criterion-id={id}>
                {questions.get(id) ?? id}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details class="section-progress-details">
        <summary>{t.bySection}</summary>
        <ul class="section-progress">
          {checklist.sections.map((s) => {
            const p = score.sections.find((x) => x.sectionId === s.id);
            if (!p) return null;
            return (
              <li key={s.id} data-testid="section-progress" data-section-id={s.id}>
                <span class="section-title">{s.title[lang]}</span>
                <span class="section-numbers">
                  <span aria-hidden="true">
                    {p.answered}/{p.total}
                  </span>
                  <span class="visually-hidden">{t.answeredOf(p.answered, p.total)}</span>
                  {' · '}
                  <ScoreText t={t} score={p.score} />
                </span>
              </li>
            );
          })}
        </ul>
      </details>
    </section>
  );
}
