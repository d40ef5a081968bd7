import { ASSET_BUDGET_BYTES, SKIP_REASONS } from '../../utils/assets/schema';
import type { ReplayAssets, ReportModel } from '../../utils/report/model-types';
import type { ReportUiMessages } from '../../utils/i18n/report-ui-fr';
import { EXPORT_BUDGET_BYTES } from '../../utils/report/export-assets';
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
            <ReplayAssetsNote assets={model.replay.assets} t={t} />
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

const MB = 1024 * 1024;

/** How much of the shop's own look the replay has: copies kept, not kept and why, the budgets reached. */
function ReplayAssetsNote({ assets, t }: { assets: ReplayAssets; t: ReportUiMessages }) {
  const reasons = SKIP_REASONS.flatMap((r) => (assets.notKept[r] ? [`${assets.notKept[r]} ${t.replayAssetReasons[r]}`] : []));
  const notKept = reasons.length === 0 ? 0 : SKIP_REASONS.reduce((n, r) => n + (assets.notKept[r] ?? 0), 0);
  return (
    <div data-testid="replay-assets">
      <p>
        {t.replayAssets(assets.kept, notKept)}
        {reasons.length > 0 ? ` (${reasons.join(', ')}).` : assets.kept > 0 ? '.' : ''}
      </p>
      {assets.budgetReached && <p data-testid="replay-assets-budget">{t.replayAssetsBudget(ASSET_BUDGET_BYTES / MB)}</p>}
      {assets.leftOutOfFile > 0 && <p data-testid="replay-assets-left-out">{t.replayAssetsLeftOut(assets.leftOutOfFile, EXPORT_BUDGET_BYTES / MB)}</p>}
    </div>
  );
}
