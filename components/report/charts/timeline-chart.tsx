import type { ReportModel } from '../../../utils/report/model-types';
import { timelineChart, type TimelineLane } from '../../../utils/report/charts/timeline-chart';
import { formatDuration } from '../../ui/format';
import { ReplayLink, type EvidenceContext } from '../evidence-links';
import { AxisTicks, ChartFigure } from './chart-figure';

/** A mark per lane, each its own shape (colour is never the only cue). */
function Mark({ lane, x, y }: { lane: TimelineLane; x: number; y: number }) {
  if (lane === 'answer') return <circle class="mark mark-answer" cx={x} cy={y} r={5} />;
  if (lane === 'signal') return <path class="mark mark-signal" d={`M ${x} ${y - 6} L ${x + 6} ${y + 5} L ${x - 6} ${y + 5} Z`} />;
  return <rect class="mark mark-evidence" x={x - 4.5} y={y - 4.5} width={9} height={9} />;
}

/** The visit on the replay's clock: numbered page bands, then answers, signals, notes and screenshots. */
export function TimelineChart({ ev, model }: { ev: EvidenceContext; model: ReportModel }) {
  const { t } = ev;
  const c = t.charts;
  const chart = timelineChart(model);
  if (!chart) return <p data-testid="no-timeline">{c.noTimeline}</p>;
  const count = (lane: TimelineLane) => chart.marks.filter((m) => m.lane === lane).length;
  const sentence = c.timelineSummary(chart.pages.length, count('answer'), count('signal'), count('evidence'), formatDuration(model.replay.durationMs));
  const rows = [
    ...chart.pages.map((p) => ({ at: p.at, what: `${t.page} ${p.n}`, label: p.label })),
    ...chart.marks.map((m) => ({ at: m.at, what: c.lanes[m.lane], label: m.label })),
    ...chart.stops.map((m) => ({ at: m.at, what: c.abandonment, label: m.label })),
  ].sort((a, b) => a.at - b.at);
  const laneMid = (y: number) => y + 13;
  return (
    <ChartFigure
      id="timeline"
      title={c.timelineTitle}
      summary={sentence}
      width={chart.width}
      height={chart.height}
      tableLabel={c.dataTable}
      table={
        <table class="report-table">
          <thead>
            <tr>
              <th scope="col">{c.momentColumn}</th>
              <th scope="col">{c.whatColumn}</th>
              <th scope="col">{c.detailColumn}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td class="nowrap">
                  <ReplayLink ev={ev} at={r.at} />
                </td>
                <th scope="row">{r.what}</th>
                <td>{r.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <AxisTicks ticks={chart.axis.ticks} top={chart.pagesY} y={chart.axisY} label={(ms) => t.clock(ms)} x1={chart.x1} />
      <text class="bar-label" x={chart.x0 - 8} y={chart.pagesY + chart.bandHeight - 8} text-anchor="end">
        {c.lanes.page}
      </text>
      {chart.pages.map((p) => (
        <g key={p.n} class={`timeline-page${p.n % 2 === 0 ? ' is-even' : ''}`}>
          <rect class="page-band" x={p.x} y={chart.pagesY} width={p.width} height={chart.bandHeight} />
          {p.width >= 14 && (
            <text class="band-label" x={p.x + p.width / 2} y={chart.pagesY + chart.bandHeight - 8} text-anchor="middle">
              {p.n}
            </text>
          )}
        </g>
      ))}
      {chart.lanes.map((l) => (
        <g key={l.lane} class={`timeline-lane lane-${l.lane}`}>
          <line class="lane-line" x1={chart.x0} x2={chart.x1} y1={laneMid(l.y)} y2={laneMid(l.y)} />
          <text class="bar-label" x={chart.x0 - 8} y={laneMid(l.y) + 4} text-anchor="end">
            {c.lanes[l.lane]}
          </text>
          {chart.marks
            .filter((m) => m.lane === l.lane)
            .map((m, i) => (
              <Mark key={i} lane={l.lane} x={m.x} y={laneMid(l.y)} />
            ))}
        </g>
      ))}
      {chart.stops.map((s, i) => (
        <g key={i} class="timeline-stop">
          <line class="stop-line" x1={s.x} x2={s.x} y1={chart.pagesY - 16} y2={chart.axisY} />
          {/* Above the lanes, so that no mark is drawn over it; to the left of its line, unless that would run into the lanes' names. */}
          <text class="stop-label" x={s.x < chart.x0 + 90 ? s.x + 4 : s.x - 4} y={chart.pagesY - 6} text-anchor={s.x < chart.x0 + 90 ? 'start' : 'end'}>
            {c.abandonment}
          </text>
        </g>
      ))}
    </ChartFigure>
  );
}
