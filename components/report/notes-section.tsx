import type { ReportModel } from '../../utils/report/model-types';
import { ReplayLink, type EvidenceContext, type ImageUrl } from './evidence-links';
import { ReportSection } from './report-section';
import { ScreenshotGallery } from './screenshot-gallery';

/**
 * The evaluator's notes, then every screenshot at full size. The gallery lives here because every
 * "Screenshot n" link of the report points at one of its figures.
 */
export function NotesSection({ ev, model, imageUrl }: { ev: EvidenceContext; model: ReportModel; imageUrl: ImageUrl }) {
  const { t } = ev;
  const titles = new Map(model.journey.pages.map((p) => [p.id, p.title || t.untitledPage]));
  return (
    <ReportSection id="notes" title={t.sections.notes}>
      <h3>{t.notesTitle}</h3>
      {model.notes.length > 0 ? (
        <ol class="report-notes">
          {model.notes.map((n) => (
            <li key={n.id} class="report-note" data-testid="report-note" data-note-id={n.id}>
              <p class="muted">
                <time dateTime={new Date(n.at).toISOString()}>{t.time(n.at)}</time>
                {n.replayAt !== null && (
                  <>
                    {' '}
                    <ReplayLink ev={ev} at={n.replayAt} />
                  </>
                )}
                {titles.has(n.pageId) && ` · ${titles.get(n.pageId)}`}
              </p>
              <p class="pre-wrap">{n.text}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t.noNotes}</p>
      )}
      <h3>{t.screenshotsTitle}</h3>
      <ScreenshotGallery ev={ev} screenshots={model.screenshots} imageUrl={imageUrl} />
    </ReportSection>
  );
}
