import type { ComponentChildren } from 'preact';

/**
 * A chart of the report: static SVG drawn at render time (the exported file runs no script in it),
 * scaled to the page's width by its viewBox. It is one image to assistive technology, named by its
 * `<title>` and described by the sentence under it; the figures it draws are also in a real table
 * (folded under the chart), so nothing is known only from a picture. Everything in the drawing also
 * has a word, a shape or a pattern beside its colour, so that it reads in black and white.
 */
export function ChartFigure(props: {
  id: string;
  title: string;
  /** One sentence that says what the chart shows. */
  summary: string;
  width: number;
  height: number;
  tableLabel: string;
  table: ComponentChildren;
  children: ComponentChildren;
}) {
  const { id, title, summary, width, height } = props;
  const titleId = `chart-${id}-title`;
  const summaryId = `chart-${id}-summary`;
  return (
    <figure class="chart" data-testid="chart" data-chart={id}>
      <svg
        class="chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={summaryId}
        focusable="false"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{title}</title>
        {props.children}
      </svg>
      <figcaption class="chart-caption">
        <strong class="chart-title">{title}</strong>{' '}
        <span id={summaryId} class="chart-summary" data-testid="chart-summary">
          {summary}
        </span>
      </figcaption>
      <details class="chart-data" data-testid="chart-data">
        <summary>{props.tableLabel}</summary>
        {/* Focusable so a keyboard can scroll the table sideways on a narrow screen. */}
        <div class="table-wrap" role="region" aria-label={`${props.tableLabel} — ${title}`} tabIndex={0}>
          {props.table}
        </div>
      </details>
    </figure>
  );
}

/** The ticks of a horizontal axis: a faint line up through the plot and the value written under it. */
export function AxisTicks(props: { ticks: readonly { value: number; x: number }[]; top: number; y: number; label: (value: number) => string; x1?: number }) {
  return (
    <g class="chart-axis" aria-hidden="true">
      <line class="axis-line" x1={props.ticks[0]?.x ?? 0} x2={props.x1 ?? props.ticks.at(-1)?.x ?? 0} y1={props.y} y2={props.y} />
      {props.ticks.map((t) => (
        <g key={t.value}>
          <line class="grid-line" x1={t.x} x2={t.x} y1={props.top} y2={props.y} />
          <text class="tick-label" x={t.x} y={props.y + 14} text-anchor="middle">
            {props.label(t.value)}
          </text>
        </g>
      ))}
    </g>
  );
}
