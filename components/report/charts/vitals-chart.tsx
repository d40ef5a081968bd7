import type { ReportSpeedPage } from '../../../utils/report/model-types';
import type { ReportUiMessages } from '../../../utils/i18n/report-ui-messages';
import { CHARTED_VITALS, vitalsChart, type ChartedVital } from '../../../utils/report/charts/vitals-chart';
import { AxisTicks, ChartFigure } from './chart-figure';

/** CLS is a score; the other metrics are times. */
const valueText = (t: ReportUiMessages, metric: ChartedVital, value: number) => (metric === 'CLS' ? t.decimal(value) : t.seconds(value));

/** Each Core Web Vital measured, one chart per metric; a sentence names the ones no page measured. */
export function VitalsCharts({ t, pages }: { t: ReportUiMessages; pages: readonly ReportSpeedPage[] }) {
  const charts = CHARTED_VITALS.map((m) => [m, vitalsChart(pages, m)] as const);
  const missing = charts.filter(([, c]) => c === null).map(([m]) => m);
  return (
    <div class="vitals-charts">
      {charts.map(([m, chart]) => chart && <VitalChart key={m} t={t} chart={chart} />)}
      {missing.length > 0 && <p class="muted">{t.charts.vitalsNone(missing.join(', '))}</p>}
    </div>
  );
}

function VitalChart({ t, chart }: { t: ReportUiMessages; chart: NonNullable<ReturnType<typeof vitalsChart>> }) {
  const c = t.charts;
  const m = chart.metric;
  const [good, poor] = chart.thresholds;
  const thresholds = c.thresholds(valueText(t, m, good), valueText(t, m, poor));
  const n = (rating: string) => chart.rows.filter((r) => r.rating === rating).length;
  const id = `vitals-${m.toLowerCase()}`;
  return (
    <ChartFigure
      id={id}
      title={c.vitalsTitle(m, t.metrics[m])}
      summary={c.vitalsSummary(n('good'), n('needs-improvement'), n('poor'), thresholds)}
      width={chart.width}
      height={chart.height}
      tableLabel={c.dataTable}
      table={
        <table class="report-table">
          <thead>
            <tr>
              <th scope="col">{t.page}</th>
              <th scope="col" class="num">
                {c.valueColumn}
              </th>
              <th scope="col">{c.ratingColumn}</th>
            </tr>
          </thead>
          <tbody>
            {chart.rows.map((r) => (
              <tr key={r.pageId} data-page-id={r.pageId}>
                <th scope="row">
                  {r.n}. {r.title || t.untitledPage}
                </th>
                <td class="num">{valueText(t, m, r.value)}</td>
                <td>{t.ratings[r.rating]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <defs>
        <pattern id={`${id}-mid`} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
          <rect class="zone-ground" width="8" height="8" />
          <line class="zone-hatch" x1="0" y1="0" x2="0" y2="8" />
        </pattern>
        <pattern id={`${id}-poor`} patternUnits="userSpaceOnUse" width="6" height="6">
          <rect class="zone-ground" width="6" height="6" />
          <path class="zone-hatch zone-hatch-poor" d="M 0 0 L 6 6 M 6 0 L 0 6" />
        </pattern>
      </defs>
      {chart.zones.map((z) => (
        <g key={z.rating} class={`vital-zone zone-${z.rating}`}>
          <rect
            class="zone-fill"
            x={z.x}
            y={chart.top}
            width={z.width}
            height={chart.axisY - chart.top}
            fill={z.rating === 'good' ? undefined : `url(#${id}-${z.rating === 'poor' ? 'poor' : 'mid'})`}
          />
          <text class="zone-label" x={z.x + z.width / 2} y={chart.top - 6} text-anchor="middle">
            {t.ratings[z.rating]}
          </text>
        </g>
      ))}
      <AxisTicks ticks={chart.axis.ticks} top={chart.top} y={chart.axisY} label={(v) => valueText(t, m, v)} x1={chart.x1} />
      {chart.rows.map((r) => (
        <g key={r.pageId} class={`vital-row rating-dot-${r.rating}`} data-page-id={r.pageId}>
          <text class="bar-label" x={chart.x0 - 8} y={r.y + 4} text-anchor="end">
            {`${r.n}. ${shorten(r.title || t.untitledPage)}`}
          </text>
          <line class="vital-stem" x1={chart.x0} x2={r.x} y1={r.y} y2={r.y} />
          <circle class="vital-dot" cx={r.x} cy={r.y} r={5} />
          <text class="bar-value" x={r.x + 8} y={r.y + 4}>
            {valueText(t, m, r.value)}
          </text>
        </g>
      ))}
    </ChartFigure>
  );
}

/** A page's title cut to fit the label column (the table under the chart has it whole). */
function shorten(title: string): string {
  return title.length > 18 ? `${title.slice(0, 17)}…` : title;
}
