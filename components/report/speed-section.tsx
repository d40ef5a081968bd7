import type { ReportModel, ReportSpeedPage } from '../../utils/report/model-types';
import type { ReportUiMessages } from '../../utils/i18n/report-ui-messages';
import { VITAL_NAMES, type VitalName } from '../../utils/schema/page';
import { RatingMark } from './badges';
import { Facts } from './facts';
import { UrlText } from './links';
import { ReportSection } from './report-section';
import { VitalsCharts } from './charts/vitals-chart';

/** CLS is a score; the other metrics are times. */
const vitalValue = (t: ReportUiMessages, metric: VitalName, value: number) => (metric === 'CLS' ? t.decimal(value) : t.seconds(value));

/** How fast each page felt: the Core Web Vitals charted against their thresholds, then each page's verdict, measures and why. */
export function SpeedSection({ t, model }: { t: ReportUiMessages; model: ReportModel }) {
  const pages = model.speed.pages;
  return (
    <ReportSection id="speed" title={t.sections.speed}>
      {pages.length > 0 ? (
        <>
          <VitalsCharts t={t} pages={pages} />
          {pages.map((p) => (
            <SpeedPage key={p.pageId} t={t} page={p} />
          ))}
        </>
      ) : (
        <p>{t.noSpeedPages}</p>
      )}
    </ReportSection>
  );
}

function SpeedPage({ t, page }: { t: ReportUiMessages; page: ReportSpeedPage }) {
  const vitals = VITAL_NAMES.flatMap((m) => {
    const v = page.vitals[m];
    return v ? [[m, v] as const] : [];
  });
  return (
    <div class="report-page-block" data-testid="speed-page" data-page-id={page.pageId} data-verdict={page.verdict ?? 'none'}>
      <h3>{page.title || t.untitledPage}</h3>
      <p class="muted">
        <UrlText url={page.url} />
      </p>
      <p class={`speed-verdict verdict-${page.verdict ?? 'none'}`}>
        <RatingMark rating={page.verdict} label={page.verdictLabel} />
      </p>
      {vitals.length > 0 && (
        <ul class="vitals" aria-label={t.vitals}>
          {vitals.map(([m, v]) => (
            <li key={m} data-metric={m} data-rating={v.rating}>
              <strong>{m}</strong> {t.fact(`(${t.metrics[m]})`, vitalValue(t, m, v.value))}
              {' · '}
              <RatingMark rating={v.rating} label={t.ratings[v.rating]} />
            </li>
          ))}
        </ul>
      )}
      {page.reasons.length > 0 && (
        <>
          <p class="reasons-label">{t.reasons}</p>
          <ul class="speed-reasons">
            {page.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      )}
      <Facts
        rows={[
          [t.ttfb, page.ttfbMs !== undefined && t.seconds(page.ttfbMs)],
          [t.transfer, page.transferBytes !== undefined && t.bytes(page.transferBytes)],
        ]}
      />
    </div>
  );
}
