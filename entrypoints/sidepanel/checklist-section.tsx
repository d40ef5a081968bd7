import type { Ask } from '../../utils/messaging/ask';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ChecklistPicker, listedChecklists } from '../../components/checklist/checklist-picker';
import { ChecklistView } from '../../components/checklist/checklist-view';
import type { CheckFacts } from '../../utils/checklist/check-facts';
import { allChecklists } from '../../utils/checklist/installed';
import type { AnswerEvidenceInput, AnswerState, Checklist } from '../../utils/checklist/schema';
import { scoreChecklist } from '../../utils/checklist/score';
import { answersOf } from '../../utils/checklist/answers';
import { suggestionsFor, type Suggestion } from '../../utils/checklist/suggestions';
import { db } from '../../utils/db/database';
import { listEvidence, listInstalledChecklists } from '../../utils/db/repository';
import { errorText, type Lang, type Messages } from '../../utils/i18n/messages';
import { ProtocolError } from '../../utils/messaging/receive';
import { pageTypeOf, type Page } from '../../utils/schema/page';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/schema/settings';
import { isActive, type Visit } from '../../utils/schema/visit';
import { loadSettings } from '../../utils/settings';
import type { Evidence } from './use-evidence';
import { useRead } from './use-read';


function useChecklists(rev: number) {
  const installed = useRead(() => db().then(listInstalledChecklists), [rev]);
  return useMemo(() => allChecklists(installed ?? []), [installed]);
}

function useSettings(rev: number): Settings {
  return useRead(() => loadSettings(browser.storage.local), [rev]) ?? DEFAULT_SETTINGS;
}

/**
 * The checklist part of the panel: which checklist (picked before a visit; the agency's files are
 * imported on the options page) and, during or after a visit, its criteria with the current page's
 * first, answers, suggestions and score.
 */
export function ChecklistSection(props: {
  m: Messages;
  lang: Lang;
  visit: Visit | undefined;
  pages: Page[] | undefined;
  tabId: number | undefined;
  rev: number;
  ask: Ask;
  /** The checklist the visit's (or the chosen) mission sets: named in place of the picker. */
  setByMission?: Checklist | undefined;
  /** The visit's evidence, read once for the whole panel. */
  evidence?: Evidence | undefined;
  /** Told the answered and total criteria, for the view's count. */
  onProgress?: (answered: number, total: number) => void;
}) {
  const { m, lang, visit, pages, tabId, rev, ask, setByMission, evidence, onProgress } = props;
  const t = m.checklist;
  const checklists = useChecklists(rev);
  const settings = useSettings(rev);
  const answers = useRead(visit ? async () => listEvidence(await db(), 'answers', visit.id) : undefined, [visit?.id, rev]) ?? [];
  /** An answer the background refused (or never received): said, not swallowed. */
  const [answerError, setAnswerError] = useState<string>();

  const selectedId = visit?.checklistId ?? settings.checklistId;
  const selected = checklists.find((c) => c.checklist.id === selectedId)?.checklist ?? checklists[0]?.checklist;

  const picker = setByMission ? (
    <p class="meta" data-testid="checklist-fixed" data-checklist-id={setByMission.id}>
      {m.mission.checklistOfMission(setByMission.title[lang])}
    </p>
  ) : (
    <ChecklistPicker
      t={t}
      lang={lang}
      checklists={listedChecklists(checklists)}
      selectedId={selected?.id ?? selectedId}
      onSelect={(id) => void ask({ type: 'checklist/select', checklistId: id, ...(visit && isActive(visit) ? { visitId: visit.id } : {}) })}
    />
  );

  const mine = selected ? answersOf(answers, selected.id) : [];
  const score = selected ? scoreChecklist(selected, mine) : undefined;
  useEffect(() => {
    if (score && visit) onProgress?.(score.answered, score.total);
  }, [score?.answered, score?.total, visit?.id]);

  if (!visit || !pages || !selected || !evidence || !score) return <section class="checklist-section">{picker}</section>;

  // The page the evaluator is on: the newest of the visit in the tab the panel follows.
  const current = pages.filter((p) => p.tabId === tabId).at(-1) ?? pages.at(-1);
  const factsByPage = new Map<string, CheckFacts>(pages.flatMap((p) => (p.checks ? [[p.id, p.checks] as const] : [])));
  const criteria = selected.sections.flatMap((s) => s.criteria);
  const suggestions = current
    ? suggestionsFor(criteria, { page: current, facts: current.checks, pages, factsByPage, signals: evidence.signals })
    : new Map<string, Suggestion>();
  const byCriterion = new Map(mine.map((a) => [a.criterionId, a]));

  const onAnswer = (criterionId: string, change: { state: AnswerState; value?: number; comment: string; evidence: AnswerEvidenceInput[] }) => {
    const suggested = suggestions.get(criterionId)?.answer;
    setAnswerError(undefined);
    ask({
      type: 'answer/set',
      visitId: visit.id,
      checklistId: selected.id,
      criterionId,
      ...change,
      ...(suggested ? { suggested } : {}),
    }).catch((e: unknown) => {
      setAnswerError(`${criterionId}: ${errorText(m, e instanceof ProtocolError ? e.code : 'internal')}`);
    });
  };

  return (
    <section class="checklist-section">
      {picker}
      {answerError && (
        <p class="error" role="alert" data-testid="answer-error">
          {answerError}
        </p>
      )}
      <ChecklistView
        t={t}
        lang={lang}
        checklist={selected}
        currentPageType={current ? pageTypeOf(current) : undefined}
        answers={byCriterion}
        suggestions={suggestions}
        score={score}
        commentRequiredOnNo={settings.commentRequiredOnNo}
        screenshots={evidence.screenshots.map((s) => ({
          id: s.id,
          thumbUrl: s.thumbUrl,
          label: `${pages.find((p) => p.id === s.pageId)?.title ?? ''} · ${new Date(s.at).toLocaleTimeString(lang)}`,
        }))}
        canAnswer={isActive(visit)}
        onAnswer={onAnswer}
        onTakeScreenshot={async () =>
          (await ask({ type: 'screenshot/capture', visitId: visit.id, kind: 'visible', trigger: 'evidence' }))
            .screenshotId
        }
        onLinkReplay={() => (current ? Date.now() : undefined)}
      />
    </section>
  );
}
