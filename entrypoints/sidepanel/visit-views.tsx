import { useState } from 'preact/hooks';
import { PageList } from '../../components/visit/page-list';
import { ViewPanel, ViewTabs, type ViewTab } from '../../components/ui/view-tabs';
import type { PanelView } from '../../utils/i18n/cockpit-messages';
import type { Lang, Messages } from '../../utils/i18n/messages';
import type { Ask } from '../../utils/messaging/ask';
import type { Checklist } from '../../utils/checklist/schema';
import type { Page } from '../../utils/schema/page';
import type { PageType } from '../../utils/schema/page-type';
import type { Visit } from '../../utils/schema/visit';
import { accessibilityProblems, AuditSection, useAudits } from './audit-section';
import { ChecklistSection } from './checklist-section';
import { VisitEvidence, VisitJourney } from './evidence-view';
import { MissionProgress } from './mission-section';
import type { Evidence } from './use-evidence';

export const PANEL_VIEWS: readonly PanelView[] = ['checklist', 'visit', 'evidence', 'audits'];

/**
 * A visit in the panel as four views — checklist, journey, evidence, audits — each tab with its
 * count. Every view stays mounted (hidden when not shown), so a comment being written or a
 * screenshot being annotated survives a change of view.
 */
export function VisitViews(props: {
  m: Messages;
  lang: Lang;
  visit: Visit;
  pages: Page[];
  evidence: Evidence | undefined;
  tabId: number | undefined;
  rev: number;
  now: number;
  ask: Ask;
  view: PanelView;
  onView: (view: PanelView) => void;
  setByMission: Checklist | undefined;
  onSetType: (pageId: string, type: PageType | null) => void;
}) {
  const { m, lang, visit, pages, evidence, tabId, rev, now, ask, view } = props;
  const t = m.cockpit;
  const [progress, setProgress] = useState<{ answered: number; total: number }>();
  const audits = useAudits(visit.id, rev);
  const problems = accessibilityProblems(pages, audits);
  const proofs = evidence ? evidence.screenshots.length + evidence.notes.length + evidence.abandonments.length : undefined;
  const count = (shown: string | number | undefined, said: string | undefined) =>
    shown === undefined || said === undefined ? undefined : { shown: String(shown), said };

  const tabs: ViewTab<PanelView>[] = [
    { id: 'checklist', label: t.views.checklist, count: progress && count(`${progress.answered}/${progress.total}`, t.viewCount.checklist(progress.answered, progress.total)) },
    { id: 'visit', label: t.views.visit, count: count(pages.length, t.viewCount.visit(pages.length)) },
    { id: 'evidence', label: t.views.evidence, count: count(proofs, proofs === undefined ? undefined : t.viewCount.evidence(proofs)) },
    { id: 'audits', label: t.views.audits, count: count(problems, t.viewCount.audits(problems)) },
  ];

  return (
    <div class="visit-views">
      <ViewTabs label={t.viewsLabel} tabs={tabs} current={view} onSelect={props.onView} />
      <ViewPanel id="checklist" current={view}>
        <ChecklistSection
          m={m}
          lang={lang}
          visit={visit}
          pages={pages}
          tabId={tabId}
          rev={rev}
          ask={ask}
          setByMission={props.setByMission}
          evidence={evidence}
          onProgress={(answered, total) => setProgress({ answered, total })}
        />
      </ViewPanel>
      <ViewPanel id="visit" current={view}>
        <MissionProgress m={m} lang={lang} visit={visit} pages={pages} now={now} ask={ask} />
        <section aria-labelledby="pages-title">
          <h2 id="pages-title">
            {m.pages} <span class="count">({pages.length})</span>
          </h2>
          <PageList m={m} pages={pages} now={now} onSetType={props.onSetType} />
        </section>
        <VisitJourney m={m} lang={lang} visit={visit} pages={pages} evidence={evidence} now={now} />
      </ViewPanel>
      <ViewPanel id="evidence" current={view}>
        <VisitEvidence m={m} lang={lang} visit={visit} pages={pages} evidence={evidence} ask={ask} />
      </ViewPanel>
      <ViewPanel id="audits" current={view}>
        <AuditSection m={m} lang={lang} visit={visit} pages={pages} tabId={tabId} audits={audits} ask={ask} />
      </ViewPanel>
    </div>
  );
}
