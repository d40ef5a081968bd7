import type { ReportModel } from '../../../utils/report/model-types';
import { funnelChart } from '../../../utils/report/charts/funnel-chart';
import { formatDuration } from '../../ui/format';
import { ReplayLink, type EvidenceContext } from '../evidence-links';
import { AxisTicks, ChartFigure } from './chart-figure';

/**
 * The funnel: a bar of customer time per stage. Stages reached are solid bars, the stage where the
 * visit stopped is hatched and says so in words, stages never reached are an empty dashed frame
 * with "not reached": three cues beside colour.
 */
export function FunnelChart({ ev, model }: { ev: EvidenceContext; model: ReportModel }) {
  const { t } = ev;
  const c = t.charts;
  const chart = funnelChart(model);
  const outcome = model.summary.outcome;
  const stopWords = c.stopHere[outcome.kind];
  const reached = chart.rows.filter((r) => r.reached).length;
  const sentence = c.funnelSummary(reached, chart.rows.length, chart.stop ? c.stages[chart.stop] : undefined, stopWords);
  const state = (r: (typeof chart.rows)[number]) => (r.stop ? stopWords : r.reached ? c.reachedState : c.notReached);
  return (
    <ChartFigure
      id="funnel"
      title={c.funnelTitle}
      summary={sentence}
      width={chart.width}
      height={chart.height}
      tableLabel={c.dataTable}
      table={
        <table class="report-table">
          <thead>
            <tr>
              <th scope="col">{c.stageColumn}</th>
              <th scope="col" class="num">
                {c.customerTimeColumn}
              </th>
              <th scope="col" class="num">
                {c.pagesColumn}
              </th>
              <th scope="col">{c.stateColumn}</th>
            </tr>
          </thead>
          <tbody>
            {chart.rows.map((r) => (
              <tr key={r.stage} data-stage={r.stage} data-reached={String(r.reached)} data-stop={r.stop ? 'true' : undefined}>
                <th scope="row">{c.stages[r.stage]}</th>
                <td class="num">{r.reached ? formatDuration(r.customerMs) : '—'}</td>
                <td class="num">{t.number(r.pages)}</td>
                <td>
                  {state(r)}
                  {r.replayAt !== null && (
                    <>
                      {' '}
                      <ReplayLink ev={ev} at={r.replayAt} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <defs>
        <pattern id="funnel-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect class="hatch-ground" width="6" height="6" />
          <line class="hatch-line" x1="0" y1="0" x2="0" y2="6" />
        </pattern>
      </defs>
      <AxisTicks ticks={chart.axis.ticks} top={4} y={chart.axisY} label={(ms) => formatDuration(ms)} />
      {chart.rows.map((r) => (
        <g key={r.stage} class={`funnel-row${r.stop ? ' is-stop' : ''}${r.reached ? '' : ' not-reached'}`} data-stage={r.stage}>
          <text class="bar-label" x={chart.x0 - 8} y={r.y + chart.barHeight - 4} text-anchor="end">
            {c.stages[r.stage]}
          </text>
          {r.reached ? (
            <rect class={r.stop ? 'bar-stop' : 'bar'} x={chart.x0} y={r.y} width={r.width} height={chart.barHeight} fill={r.stop ? 'url(#funnel-hatch)' : undefined} />
          ) : (
            <rect class="bar-missing" x={chart.x0} y={r.y} width={60} height={chart.barHeight} />
          )}
          <text class={r.stop ? 'bar-value bar-value-stop' : 'bar-value'} x={chart.x0 + (r.reached ? r.width : 60) + 6} y={r.y + chart.barHeight - 4}>
            {r.reached ? formatDuration(r.customerMs) : c.notReached}
            {r.stop ? ` — ${stopWords}` : ''}
          </text>
        </g>
      ))}
    </ChartFigure>
  );
}
