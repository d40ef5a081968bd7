import type { ReportModel, TopFinding } from '../../utils/report/model-types';
import { formatDuration } from '../ui/format';
import { shotAnchor, type EvidenceContext, type ImageUrl } from './evidence-links';
import { FindingBody } from './finding-list';
import { OutcomeBlock } from './outcome-block';
import { ReportSection } from './report-section';

/**
 * The first page, which a shop owner reads in a minute and which prints alone on its sheet: the
 * score, how the visit ended, and the few problems to fix first (`model.firstPage`, chosen by
 * `topFindings`), each with its screenshot.
 */
export function CoverSection({ ev, model, imageUrl }: { ev: EvidenceContext; model: ReportModel; imageUrl: ImageUrl }) {
  const { t } = ev;
  const { score, outcome, findings } = model.firstPage;
  const c = model.cover;
  return (
    <ReportSection id="cover" title={t.sections.cover}>
      <p class="cover-line muted">
        {c.mission} · <time dateTime={new Date(c.startedAt).toISOString()}>{t.dateTime(c.startedAt)}</time> ·{' '}
        {t.customerTime(formatDuration(c.customerMs), formatDuration(c.durationMs))}
      </p>
      <p class="score-big" data-testid="overall-score" data-score={score ?? ''}>
        <span class="score-label">{t.overallScore}</span>
        <span class={score === null ? 'score-value score-none' : 'score-value'}>{score === null ? t.notScored : t.score(score)}</span>
      </p>
      <OutcomeBlock ev={ev} outcome={outcome} />
      <h3>{t.charts.topThree}</h3>
      {findings.length > 0 ? (
        <>
          <p class="muted">{t.charts.topThreeHint}</p>
          <ol class="top-findings" data-testid="top-findings">
            {findings.map((f) => (
              <TopFindingItem key={f.id} ev={ev} finding={f} imageUrl={imageUrl} />
            ))}
          </ol>
        </>
      ) : (
        <p>{t.noFindings}</p>
      )}
    </ReportSection>
  );
}

function TopFindingItem({ ev, finding: f, imageUrl }: { ev: EvidenceContext; finding: TopFinding; imageUrl: ImageUrl }) {
  const { t } = ev;
  const n = f.thumbnailId ? ev.shotNumbers.get(f.thumbnailId) : undefined;
  const src = f.thumbnailId && n !== undefined ? imageUrl(f.thumbnailId, 'thumb') : undefined;
  return (
    <li class={`top-finding severity-${f.severity}`} data-testid="top-finding" data-finding-id={f.id}>
      {src && f.thumbnailId && n !== undefined && (
        <a class="top-finding-shot" href={`#${shotAnchor(f.thumbnailId)}`}>
          <img src={src} alt={t.charts.seeScreenshot(n)} decoding="async" />
        </a>
      )}
      <div class="top-finding-body">
        <FindingBody ev={ev} finding={f} />
      </div>
    </li>
  );
}
