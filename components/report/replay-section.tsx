import type { ReportModel } from '../../utils/report/model-types';
import { formatDuration } from '../ui/format';
import { ReplayLink, type EvidenceContext } from './evidence-links';
import { ReportSection } from './report-section';

/**
 * The replay of the whole visit. The player's box stays empty here: a page script mounts
 * rrweb-player into `#replay-player` (the replay needs a script, which a static render cannot carry).
 */
export function ReplaySection({ ev, model }: { ev: EvidenceContext; model: ReportModel }) {
  const { t } = ev;
  return (
    <ReportSection id="replay" title={t.sections.replay}>
      {model.replay.available ? (
        <>
          <div id="replay-player" class="replay-player" data-testid="replay" role="region" aria-label={t.replayPlayer} />
          <div class="replay-help">
            <p>{t.replayDuration(formatDuration(model.replay.durationMs))}</p>
            <ul>
              {t.replayHelp.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
          <p class="print-only">{t.replayPrint}</p>
          {model.markers.length > 0 && (
            <div class="replay-markers-block">
              <h3>{t.markersTitle}</h3>
              <ol class="replay-markers" data-testid="replay-markers">
                {model.markers.map((m, i) => (
                  <li key={i} data-marker-kind={m.kind} data-ref-id={m.refId}>
                    <ReplayLink ev={ev} at={m.at} /> <span class="marker-kind">{t.markerKinds[m.kind]}</span> {m.label}
                  </li>
                ))}
              </ol>
            </div>
          )}
        </>
      ) : (
        <p data-testid="no-replay">{t.noReplay}</p>
      )}
    </ReportSection>
  );
}
