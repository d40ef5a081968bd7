import type { JourneyPage, ReportModel } from '../../utils/report/model-types';
import { formatDuration } from '../ui/format';
import { ReplayLink, type EvidenceContext, type ImageUrl } from './evidence-links';
import { Facts } from './facts';
import { SignalTable } from './journey-signals';
import { UrlText } from './links';
import { ReportSection } from './report-section';
import { FunnelChart } from './charts/funnel-chart';
import { TimelineChart } from './charts/timeline-chart';

/** The way through the shop: the funnel and the visit's timeline as charts, pages seen (with a thumbnail each), friction met. */
export function JourneySection({ ev, model, imageUrl }: { ev: EvidenceContext; model: ReportModel; imageUrl: ImageUrl }) {
  const { t } = ev;
  const { pages, signals } = model.journey;
  return (
    <ReportSection id="journey" title={t.sections.journey}>
      {/* The funnel and the timeline show the journey; the pages and signals below give its details. */}
      <FunnelChart ev={ev} model={model} />
      <TimelineChart ev={ev} model={model} />
      <h3>{t.pagesTitle}</h3>
      {pages.length > 0 ? (
        <ol class="journey-pages">
          {pages.map((p) => (
            <PageItem key={p.id} ev={ev} page={p} model={model} imageUrl={imageUrl} />
          ))}
        </ol>
      ) : (
        <p>{t.noPages}</p>
      )}
      <h3>{t.signalsTitle}</h3>
      {signals.length > 0 ? <SignalTable ev={ev} signals={signals} pages={pages} /> : <p>{t.noSignals}</p>}
    </ReportSection>
  );
}

function PageItem({ ev, page, model, imageUrl }: { ev: EvidenceContext; page: JourneyPage; model: ReportModel; imageUrl: ImageUrl }) {
  const { t } = ev;
  const title = page.title || t.untitledPage;
  const shot = page.thumbnailId ? model.screenshots.find((s) => s.id === page.thumbnailId) : undefined;
  const src = page.thumbnailId ? imageUrl(page.thumbnailId, 'thumb') : undefined;
  const signals = page.signals.filter((s) => s.count > 0);
  return (
    <li class="journey-page" data-testid="journey-page" data-page-id={page.id} data-recorded={page.unrecorded ? 'false' : 'true'} data-degraded={page.degraded ? 'true' : undefined}>
      {src && <img class="page-thumb" src={src} alt={title} width={shot?.width} height={shot?.height} decoding="async" />}
      <div class="journey-page-body">
        <p class="page-title">{title}</p>
        <p class="muted">
          <UrlText url={page.url} />
        </p>
        <Facts
          rows={[
            [t.pageType, page.typeLabel],
            [t.timeOnPage, t.customerTime(formatDuration(page.customerMs), formatDuration(page.durationMs))],
            ...(page.unrecorded ? [[t.recording, t.unrecorded[page.unrecorded]] as [string, string]] : []),
            ...(page.refinements > 0 ? [[t.refinedOnPage, t.refinedTimes(page.refinements)] as [string, string]] : []),
            ...(page.degraded ? [[t.recording, page.degraded.join(' ')] as [string, string]] : []),
            [t.signalsOnPage, signals.length > 0 ? signals.map((s) => `${s.label} ×\u00a0${s.count}`).join(', ') : t.none],
          ]}
        />
        {page.replayAt !== null && <ReplayLink ev={ev} at={page.replayAt} />}
      </div>
    </li>
  );
}
