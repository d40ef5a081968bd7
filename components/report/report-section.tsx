import type { ComponentChildren } from 'preact';
import type { ReportSectionId } from '../../utils/report/model-types';

/**
 * One section of the report. The section's id is also its anchor: replay links point at `#replay`,
 * and a table of contents or a test can find every section by `data-section`.
 */
export function ReportSection({ id, title, children }: { id: ReportSectionId; title: string; children: ComponentChildren }) {
  const titleId = `report-${id}-title`;
  return (
    <section id={id} class={`report-section section-${id}`} data-testid="report-section" data-section={id} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </section>
  );
}
