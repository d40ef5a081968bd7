import { useState } from 'preact/hooks';
import { CompletenessCheck } from '../../components/mission/completeness-check';
import { stepElementId } from '../../components/mission/step-item';
import { db } from '../../utils/db/database';
import { listEvidence, listPages } from '../../utils/db/repository';
import { errorText, type Lang, type Messages } from '../../utils/i18n/messages';
import type { Ask } from '../../utils/messaging/ask';
import { ProtocolError } from '../../utils/messaging/receive';
import type { MissingItem } from '../../utils/mission/completeness';
import { visitMissing } from '../../utils/mission/progress';
import type { Mission } from '../../utils/mission/schema';
import type { Visit } from '../../utils/schema/visit';
import type { PanelView } from '../../utils/i18n/cockpit-messages';
import { useRead } from './use-read';

/** What the visit lacks of what its mission requires, read from the database now. */
export async function missingNow(visit: Visit): Promise<MissingItem[]> {
  const mission = visit.mission;
  // A mission that requires nothing (the Quick visit) lacks nothing: no need to read the visit.
  if (!mission || (!mission.steps.some((step) => step.required) && mission.requiredEvidence.length === 0)) return [];
  const d = await db();
  const [pages, answers, screenshots, notes] = await Promise.all([
    listPages(d, visit.id),
    listEvidence(d, 'answers', visit.id),
    listEvidence(d, 'screenshots', visit.id),
    listEvidence(d, 'notes', visit.id),
  ]);
  return visitMissing(visit, { pages, answers, screenshots, notes });
}

/** Where in the panel a missing item is completed, and in which view: its step, its criterion, the note field. */
function targetOf(mission: Mission, item: MissingItem): { view: PanelView; selector: string } | undefined {
  if (item.kind === 'step') return { view: 'visit', selector: `#${CSS.escape(stepElementId(item.refId))}` };
  if (item.kind === 'note') return { view: 'evidence', selector: '[data-testid=note-input]' };
  const criterionId = mission.requiredEvidence.find((e) => e.id === item.refId)?.criterionId;
  return criterionId ? { view: 'checklist', selector: `[data-testid=criterion-item][data-criterion-id="${CSS.escape(criterionId)}"]` } : undefined;
}

/** Shows and focuses an element of the panel (once its view is shown), opening the sections it is folded in. */
function goTo(selector: string): void {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) return;
  for (let folded = el.closest('details'); folded; folded = folded.parentElement?.closest('details') ?? null) folded.open = true;
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}

/**
 * The completeness check before Stop, kept up to date as the evaluator completes items (each
 * completed one leaves the list) or explains them (stored with `visit/explain`).
 */
export function StopCheck(props: {
  m: Messages;
  lang: Lang;
  visit: Visit;
  rev: number;
  ask: Ask;
  busy: boolean;
  onStop: () => void;
  onCancel: () => void;
  /** Shows one of the panel's views. */
  onView: (view: PanelView) => void;
}) {
  const { m, lang, visit, ask } = props;
  const items = useRead(() => missingNow(visit), [visit, props.rev]);
  const [error, setError] = useState<string>();
  const fail = (e: unknown) => setError(errorText(m, e instanceof ProtocolError ? e.code : 'internal'));
  if (!items || !visit.mission) return null;
  const mission = visit.mission;
  return (
    <CompletenessCheck
      t={m.mission}
      lang={lang}
      items={items}
      explanations={visit.explanations ?? {}}
      busy={props.busy}
      error={error}
      onGo={(item) => {
        const target = targetOf(mission, item);
        if (!target) return;
        props.onView(target.view);
        requestAnimationFrame(() => goTo(target.selector));
      }}
      onCapture={() => {
        setError(undefined);
        ask({ type: 'screenshot/capture', visitId: visit.id, kind: 'visible' }).catch(fail);
      }}
      onExplain={(itemId, text) => {
        setError(undefined);
        ask({ type: 'visit/explain', visitId: visit.id, itemId, text }).catch(fail);
      }}
      onStop={props.onStop}
      onCancel={props.onCancel}
    />
  );
}
