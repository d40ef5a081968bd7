import type { ReportSummary } from '../../../utils/report/model-types';
import type { ReportUiMessages } from '../../../utils/i18n/report-ui-messages';
import { scoresChart } from '../../../utils/report/charts/scores-chart';
import { AxisTicks, ChartFigure } from './chart-figure';

/** The overall score and each checklist part's, as bars out of 100, the score written at each bar's end. */
export function ScoresChart({ t, summary }: { t: ReportUiMessages; summary: ReportSummary }) {
  const c = t.charts;
  const chart = scoresChart(summary);
  const scoreText = (score: number | null) => (score === null ? c.notScoredShort : t.score(score));
  const weakest = summary.sections.filter((s) => s.score !== null).sort((a, b) => (a.score ?? 0) - (b.score ?? 0))[0];
  const sentence = c.scoresSummary(scoreText(summary.score), weakest && summary.sections.length > 1 ? `${weakest.title} (${scoreText(weakest.score)})` : undefined);
  const title = (id: string, text: string) => (id === 'overall' ? c.overall : text);
  return (
    <ChartFigure
      id="scores"
      title={c.scoresTitle}
      summary={sentence}
      width={chart.width}
      height={chart.height}
      tableLabel={c.dataTable}
      table={
        <table class="report-table">
          <thead>
            <tr>
              <th scope="col">{t.sectionColumn}</th>
              <th scope="col" class="num">
                {t.scoreColumn}
              </th>
              <th scope="col" class="num">
                {t.answeredColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {chart.bars.map((b) => (
              <tr key={b.id} data-section-id={b.id}>
                <th scope="row">{title(b.id, b.title)}</th>
                <td class="num">{b.score === null ? t.noScore : t.score(b.score)}</td>
                <td class="num">{t.ratio(b.answered, b.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <AxisTicks ticks={chart.axis.ticks} top={8} y={chart.axisY} label={(v) => t.number(v)} />
      {chart.bars.map((b) => (
        <g key={b.id} class={b.id === 'overall' ? 'score-row score-overall' : 'score-row'} data-score-id={b.id}>
          <text class="bar-label" x={chart.x0} y={b.labelY}>
            {title(b.id, b.title)}
          </text>
          <rect class="bar-track" x={chart.x0} y={b.y} width={chart.x1 - chart.x0} height={chart.barHeight} />
          {b.score !== null && <rect class="bar" x={chart.x0} y={b.y} width={b.width} height={chart.barHeight} />}
          <text class="bar-value" x={chart.x0 + Math.max(b.width, 0) + 6} y={b.y + chart.barHeight - 3}>
            {scoreText(b.score)}
          </text>
        </g>
      ))}
    </ChartFigure>
  );
}
