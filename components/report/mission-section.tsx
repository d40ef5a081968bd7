import type { ReportMission, ReportMissionStep, ReportModel } from '../../utils/report/model-types';
import { formatDuration } from '../ui/format';
import { ReplayLink, type EvidenceContext } from './evidence-links';
import { Facts } from './facts';
import { ReportSection } from './report-section';

/**
 * The brief the visit followed (issue 14): who asked, the instructions and persona, each step of
 * the scenario with how the visit went (reached, in order, the evaluator's mark, customer time
 * against the target) and the evidence the agency required.
 */
export function MissionSection({ ev, model }: { ev: EvidenceContext; model: ReportModel }) {
  const { t } = ev;
  const mission = model.mission;
  return (
    <ReportSection id="mission" title={t.sections.mission}>
      {mission ? <MissionBody ev={ev} mission={mission} /> : <p data-testid="no-mission">{t.noMission}</p>}
    </ReportSection>
  );
}

function MissionBody({ ev, mission }: { ev: EvidenceContext; mission: ReportMission }) {
  const { t } = ev;
  const p = mission.persona;
  return (
    <div data-testid="report-mission" data-mission-id={mission.id}>
      <p class="mission-title">
        <strong>{mission.title}</strong>
        {mission.builtIn && <span class="muted"> ({t.builtInMission})</span>}
      </p>
      <Facts
        rows={[
          [t.agency, mission.agency],
          [t.missionId, <code>{mission.id}</code>],
          [t.missionHash, mission.hash && <code class="hash">{mission.hash}</code>],
          [
            t.deadline,
            mission.deadline && (
              <span data-testid="mission-deadline" data-met={String(mission.deadline.met)}>
                {t.deadlineState(t.dateTime(mission.deadline.at), mission.deadline.met)}
              </span>
            ),
          ],
        ]}
      />
      <h3>{t.instructions}</h3>
      <p class="mission-instructions">{mission.instructions}</p>
      {p && (
        <>
          <h3>{t.persona}</h3>
          <Facts
            rows={[
              [t.personaFacts.alias, p.alias],
              [t.personaFacts.lang, t.langs[p.lang]],
              [t.personaFacts.device, p.device && t.devices[p.device]],
              [t.personaFacts.viewport, p.viewport && t.dimensions(p.viewport.width, p.viewport.height)],
              [t.personaFacts.country, p.country],
              [t.personaFacts.currency, p.currency],
            ]}
          />
        </>
      )}
      <h3>{t.scenarioTitle}</h3>
      {mission.steps.length > 0 ? (
        <>
          <p data-testid="mission-order" data-followed={String(mission.orderFollowed)}>
            {mission.orderFollowed ? t.orderFollowed : t.orderNotFollowed}
          </p>
          <ol class="mission-steps">
            {mission.steps.map((step) => (
              <StepItem key={step.id} ev={ev} step={step} />
            ))}
          </ol>
        </>
      ) : (
        <p>{t.noSteps}</p>
      )}
      <h3>{t.evidenceRequired}</h3>
      {mission.evidence.length > 0 ? (
        <ul class="mission-evidence">
          {mission.evidence.map((item) => (
            <li key={item.id} data-testid="mission-evidence" data-evidence-id={item.id} data-present={String(item.present)}>
              <strong>{t.evidenceKinds[item.kind]}</strong> · {item.label} — <span class={item.present ? undefined : 'bad'}>{t.evidencePresent(item.present)}</span>
              {item.explanation && <p class="muted">{t.explained(item.explanation)}</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noEvidenceRequired}</p>
      )}
    </div>
  );
}

function StepItem({ ev, step }: { ev: EvidenceContext; step: ReportMissionStep }) {
  const { t } = ev;
  const time =
    step.customerMs !== undefined && step.wallMs !== undefined ? (
      <span data-testid="step-time" data-customer-ms={step.customerMs} data-wall-ms={step.wallMs}>
        {t.customerTime(formatDuration(step.customerMs), formatDuration(step.wallMs))}
        {step.overTarget !== undefined && <> · {step.overTarget ? <span class="bad">{t.overTarget}</span> : t.withinTarget}</>}
      </span>
    ) : undefined;
  return (
    <li
      class="mission-step"
      data-testid="mission-step"
      data-step-id={step.id}
      data-reached={String(step.reached)}
      data-status={step.status ?? ''}
      data-missing={String(step.missing)}
    >
      <p>
        <strong>{step.instruction}</strong> <span class="muted">({t.stepRequired(step.required)})</span>
      </p>
      <Facts
        rows={[
          [t.stepSuccess, step.success],
          [t.stepReached, t.stepReachedValue(step.reached, step.inOrder)],
          [
            t.stepMark,
            step.status ? (
              <span class={step.status === 'done' ? undefined : 'bad'}>
                {t.stepMarks[step.status]}
                {step.comment && ` — ${step.comment}`}
              </span>
            ) : (
              t.notMarked
            ),
          ],
          [t.stepTime, time],
          [t.stepTarget, step.targetMs !== undefined && formatDuration(step.targetMs)],
        ]}
      />
      {step.missing && <p class="bad">{t.stepMissing}</p>}
      {step.explanation && <p class="muted">{t.explained(step.explanation)}</p>}
      {step.replayAt !== null && <ReplayLink ev={ev} at={step.replayAt} />}
    </li>
  );
}
