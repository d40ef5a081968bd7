import { REPORT_SECTIONS } from '../../utils/report/model-types';
import type { ReportUiMessages } from '../../utils/i18n/report-ui-messages';
import { ReportSection } from './report-section';

/** Links to every section after the first page; each section's id is its anchor (see `ReportSection`). */
export function ContentsSection({ t }: { t: ReportUiMessages }) {
  const listed = REPORT_SECTIONS.filter((id) => id !== 'cover' && id !== 'contents');
  return (
    <ReportSection id="contents" title={t.sections.contents}>
      <nav aria-label={t.charts.contents}>
        <ol class="report-contents" data-testid="report-contents">
          {listed.map((id) => (
            <li key={id}>
              <a href={`#${id}`} data-section-link={id}>
                {t.sections[id]}
              </a>
            </li>
          ))}
        </ol>
      </nav>
    </ReportSection>
  );
}
