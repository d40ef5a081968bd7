import type { EvidenceMessages } from '../../utils/i18n/evidence-messages';
import type { Lang } from '../../utils/i18n/messages';
import type { FunnelStage, Landing, Outcome } from '../../utils/schema/evidence';
import { formatDuration } from '../ui/format';
import './evidence.css';

/** How the visit ended: an order, or the stage where it was abandoned, and the friction on the way. */
export function VisitOutcome({ t, outcome }: { t: EvidenceMessages; outcome: Outcome }) {
  return (
    <section
      class={`outcome outcome-${outcome.kind}`}
      aria-labelledby="outcome-title"
      data-testid="visit-outcome"
      data-outcome={outcome.kind}
      data-stage={outcome.stage}
    >
      <h2 id="outcome-title">{t.outcomeTitle}</h2>
      {outcome.kind === 'converted' ? (
        <p class="outcome-text">{t.outcomeConverted}</p>
      ) : (
        <>
          <p class="outcome-text">{t.outcomeAbandoned(t.stages[outcome.stage])}</p>
          <p class="hint">{outcome.declared ? t.outcomeDeclared : t.outcomeEnded}</p>
          {outcome.reason && <p data-testid="outcome-reason">{t.fact(t.reasonLabel, t.abandonReasons[outcome.reason])}</p>}
        </>
      )}
      <p class="hint" data-testid="outcome-signals">
        {t.signalsOnTheWay(outcome.signalIds.length)}
      </p>
    </section>
  );
}

interface StageRow {
  stage: FunnelStage;
  timeMs: number;
  pageCount: number;
  signalCount: number;
}

/** Time, pages and friction signals per funnel stage reached. (`lang` is kept for callers; numbers here are plain counts.) */
export function FunnelSummary({ t, stages }: { t: EvidenceMessages; lang: Lang; stages: StageRow[] }) {
  return (
    <section class="evidence-section" aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t.funnelTitle}</h2>
      <table class="funnel" data-testid="funnel-summary" aria-labelledby="funnel-title">
        <thead>
          <tr>
            <th scope="col">{t.stageLabel}</th>
            <th scope="col" class="num">
              {t.funnelTime}
            </th>
            <th scope="col" class="num">
              {t.funnelPages}
            </th>
            <th scope="col" class="num">
              {t.funnelSignals}
            </th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => (
            <tr key={s.stage} data-testid="funnel-stage" data-stage={s.stage}>
              <th scope="row">{t.stages[s.stage]}</th>
              <td class="num">{formatDuration(s.timeMs)}</td>
              <td class="num">{s.pageCount}</td>
              <td class="num">{s.signalCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function overlayText(t: EvidenceMessages, overlay: NonNullable<Landing['overlay']>): string {
  return [
    t.overlayCoverage(t.percent(overlay.coverage)),
    t.overlayVisibleFor(t.seconds(overlay.coveredFor)),
    overlay.dismissedAt !== undefined ? t.overlayClosedAt(t.seconds(overlay.dismissedAt)) : t.overlayNeverClosed,
  ].join(', ');
}

/** A landing's first seconds: paints, layout shifts, what covered the page, the first interaction. */
export function LandingCard({ t, landing, pageTitle }: { t: EvidenceMessages; lang: Lang; landing: Landing; pageTitle: string }) {
  const { overlay } = landing;
  return (
    <div class="evidence-item landing" data-testid="landing-card">
      <h3>{t.landingTitle(pageTitle || t.untitledPage)}</h3>
      <dl class="facts">
        <div>
          <dt>{t.fcp}</dt>
          <dd>{landing.fcp !== undefined ? t.seconds(landing.fcp) : t.notMeasured}</dd>
        </div>
        <div>
          <dt>{t.lcp}</dt>
          <dd>{landing.lcp !== undefined ? t.seconds(landing.lcp) : t.notMeasured}</dd>
        </div>
        <div>
          <dt>{t.shifts}</dt>
          <dd>{t.shiftsValue(landing.shifts, t.decimal(landing.cls))}</dd>
        </div>
        <div data-testid="landing-overlay" data-overlay-kind={overlay?.kind}>
          <dt>{t.overlay}</dt>
          <dd>
            {overlay ? (
              <>
                <strong>{t.overlayKinds[overlay.kind]}</strong> — {overlayText(t, overlay)}
              </>
            ) : (
              t.noOverlay
            )}
          </dd>
        </div>
        <div>
          <dt>{t.firstInteraction}</dt>
          <dd>
            {landing.firstInteraction !== undefined
              ? t.firstInteractionAt(t.seconds(landing.firstInteraction))
              : t.noInteraction(t.seconds(landing.observedFor))}
          </dd>
        </div>
      </dl>
    </div>
  );
}
