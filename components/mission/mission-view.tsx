import type { Lang } from '../../utils/i18n/messages';
import type { MissionMessages } from '../../utils/i18n/mission-messages';
import type { Mission, Step } from '../../utils/mission/schema';
import type { StepMark, StepStatusValue } from '../../utils/mission/step-status';
import type { ScenarioProgress } from '../../utils/mission/steps';
import { QUICK_VISIT_MISSION } from '../../utils/mission/defaults';
import { DeadlineLine, PersonaFacts } from './mission-facts';
import { StepItem } from './step-item';
import './mission.css';

interface Props {
  t: MissionMessages;
  lang: Lang;
  mission: Mission;
  progress: ScenarioProgress;
  marks: Readonly<Record<string, StepMark>>;
  /** The step to do now (`currentStep`), if any is left. */
  current: Step | undefined;
  now: number;
  /** While the visit runs: its steps can be marked. */
  canMark: boolean;
  onMark: (stepId: string, status: StepStatusValue | null, comment: string) => void;
  /** A mark the background refused, said. */
  error?: string | undefined;
}

/**
 * The visit's mission in the panel: the deadline (warned within the hour, alerted once past), the
 * persona, the brief, the step to do now with what counts as success, and every step with whether
 * the pages reached it and the evaluator's mark.
 */
export function MissionView({ t, lang, mission, progress, marks, current, now, canMark, onMark, error }: Props) {
  const byStep = new Map(progress.steps.map((step) => [step.stepId, step]));
  const isQuickVisit = mission.id === QUICK_VISIT_MISSION.id;
  return (
    <section class="mission-view" aria-labelledby="mission-view-title" data-testid="mission-view" data-mission-id={mission.id}>
      <h2 id="mission-view-title">
        {t.viewTitle} — {mission.title[lang]}
      </h2>
      <p class="meta">{t.agency(mission.agency)}</p>
      {mission.deadline && <DeadlineLine t={t} deadline={mission.deadline} now={now} />}
      {mission.persona && <PersonaFacts t={t} persona={mission.persona} />}
      <details class="mission-instructions-box">
        <summary>{t.instructionsTitle}</summary>
        <p class="mission-text" data-testid="mission-instructions">
          {mission.instructions[lang]}
        </p>
      </details>
      {mission.steps.length === 0 ? (
        <p class="empty">{t.noSteps}</p>
      ) : current ? (
        <div class="current-step" data-testid="mission-current-step" data-step-id={current.id}>
          <h3>{t.currentStepTitle}</h3>
          <p>{current.instruction[lang]}</p>
          <p class="meta">{t.success(current.success[lang])}</p>
        </div>
      ) : (
        <p class="notice" data-testid="mission-current-step" data-step-id="">
          {t.allStepsDone}
        </p>
      )}
      {error && (
        <p class="error" role="alert" data-testid="step-error">
          {error}
        </p>
      )}
      {mission.steps.length > 0 && (
        // Folded for the Quick visit, whose steps are only the usual way to a purchase; open for an agency's mission.
        <details class="mission-steps-box" open={!isQuickVisit} data-testid="mission-steps">
          <summary>
            <h3>
              {t.stepsTitle} <span class="count">({t.stepsReached(progress.steps.filter((s) => s.reached).length, mission.steps.length)})</span>
            </h3>
          </summary>
          <ol class="mission-steps">
            {mission.steps.map((step) => (
              <StepItem
                key={step.id}
                t={t}
                lang={lang}
                step={step}
                progress={byStep.get(step.id)}
                mark={marks[step.id]}
                current={step.id === current?.id}
                canMark={canMark}
                onMark={onMark}
              />
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
