import { Fragment, type ComponentChildren, type VNode } from 'preact';
import { REPORT_SECTIONS, type ReportModel, type ReportSectionId } from '../../utils/report/model-types';
import type { ReportUiMessages } from '../../utils/i18n/report-ui-messages';
import { AccessibilitySection } from './accessibility-section';
import { AppendixSection } from './appendix-section';
import { ChecklistSection } from './checklist-section';
import { ContentsSection } from './contents-section';
import { CoverSection } from './cover-section';
import { evidenceContext, type ImageUrl } from './evidence-links';
import { JourneySection } from './journey-section';
import { MissionSection } from './mission-section';
import { NotesSection } from './notes-section';
import { QuestionsSection } from './questions-section';
import { ReplaySection } from './replay-section';
import { SpeedSection } from './speed-section';
import { SummarySection } from './summary-section';
import { VerdictSection } from './verdict-section';
import { VisitSection } from './visit-section';
import './report.css';

export type { ImageUrl } from './evidence-links';

export interface ReportViewProps {
  model: ReportModel;
  t: ReportUiMessages;
  imageUrl: ImageUrl;
  /** Page only: actions shown above the report (hidden in print). */
  toolbar?: ComponentChildren;
  /** Page only: the editable verdict, in place of the read-only text. */
  verdictSlot?: ComponentChildren;
}

/**
 * The whole report of a visit. The same tree is rendered live in the report page and to a static
 * string for the exported file, so it reads without state and every behaviour of its read-only
 * parts is plain markup and data attributes (see `evidence-links.tsx`).
 */
export function ReportView({ model, t, imageUrl, toolbar, verdictSlot }: ReportViewProps) {
  const ev = evidenceContext(t, model);
  // Keyed by section so the order on the page is REPORT_SECTIONS' order, whatever the order here.
  const sections: Record<ReportSectionId, () => VNode> = {
    cover: () => <CoverSection ev={ev} model={model} imageUrl={imageUrl} />,
    contents: () => <ContentsSection t={t} />,
    visit: () => <VisitSection t={t} model={model} />,
    summary: () => <SummarySection ev={ev} model={model} />,
    questions: () => <QuestionsSection ev={ev} questions={model.questions} />,
    mission: () => <MissionSection ev={ev} model={model} />,
    journey: () => <JourneySection ev={ev} model={model} imageUrl={imageUrl} />,
    replay: () => <ReplaySection ev={ev} model={model} />,
    checklist: () => <ChecklistSection ev={ev} model={model} imageUrl={imageUrl} />,
    accessibility: () => <AccessibilitySection t={t} model={model} />,
    speed: () => <SpeedSection t={t} model={model} />,
    notes: () => <NotesSection ev={ev} model={model} imageUrl={imageUrl} />,
    verdict: () => <VerdictSection t={t} model={model} slot={verdictSlot} />,
    appendix: () => <AppendixSection t={t} appendix={model.appendix} />,
  };
  return (
    <main class="report" lang={model.lang} data-testid="report" data-visit-id={model.visitId}>
      {toolbar && <div class="report-toolbar">{toolbar}</div>}
      <h1 class="report-title">
        <span class="report-site">{model.cover.site}</span> · {t.reportTitle}
      </h1>
      {REPORT_SECTIONS.map((id) => (
        <Fragment key={id}>{sections[id]()}</Fragment>
      ))}
    </main>
  );
}
