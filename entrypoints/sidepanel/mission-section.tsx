import { useMemo, useState } from 'preact/hooks';
import { MissionPicker } from '../../components/mission/mission-picker';
import { MissionView } from '../../components/mission/mission-view';
import { db } from '../../utils/db/database';
import { listInstalledMissions } from '../../utils/db/repository';
import { errorText, type Lang, type Messages } from '../../utils/i18n/messages';
import type { Ask } from '../../utils/messaging/ask';
import { ProtocolError } from '../../utils/messaging/receive';
import { checklistOfMission } from '../../utils/mission/checklist';
import { QUICK_VISIT_MISSION } from '../../utils/mission/defaults';
import { parseMissionText, type MissionProblem } from '../../utils/mission/errors';
import { allMissions, leavesChecklistToEvaluator, type ListedMission } from '../../utils/mission/installed';
import { currentStep, visitProgress } from '../../utils/mission/progress';
import type { Mission } from '../../utils/mission/schema';
import type { Page } from '../../utils/schema/page';
import { isActive, type Visit } from '../../utils/schema/visit';
import { useRead } from './use-read';

const codeOf = (e: unknown) => (e instanceof ProtocolError ? e.code : 'internal');

/** The missions on offer (the Quick visit, then the imported ones; the Quick visit alone until read), and whether they were read. */
export function useMissions(rev: number): { missions: ListedMission[]; read: boolean } {
  const installed = useRead(() => db().then(listInstalledMissions), [rev]);
  return useMemo(() => ({ missions: allMissions(installed ?? []), read: installed !== undefined }), [installed]);
}

/** The checklist a mission sets for its visits; undefined for the Quick visit, which leaves it to the evaluator. */
export function checklistSetBy(mission: Mission | undefined) {
  return mission && !leavesChecklistToEvaluator(mission) ? checklistOfMission(mission.checklist) : undefined;
}

/** Before a visit: the mission it will follow, an agency's mission to import, an imported one to delete. */
export function MissionChoice(props: {
  m: Messages;
  lang: Lang;
  missions: ListedMission[];
  selectedId: string;
  onSelect: (id: string) => void;
  now: number;
  ask: Ask;
}) {
  const { m, lang, missions, selectedId, onSelect, ask } = props;
  const [importing, setImporting] = useState(false);
  const [problems, setProblems] = useState<MissionProblem[]>();
  const [importedTitle, setImportedTitle] = useState<string>();

  const onImport = async (file: File) => {
    setImporting(true);
    setProblems(undefined);
    setImportedTitle(undefined);
    try {
      // Checked whole here, in the evaluator's language, with the panel's CSS parser for selectors.
      const parsed = parseMissionText(await file.text(), lang);
      if (!parsed.ok) {
        setProblems(parsed.problems);
        return;
      }
      const { missionId } = await ask({ type: 'mission/install', mission: parsed.mission });
      onSelect(missionId);
      setImportedTitle(parsed.mission.title[lang]);
    } catch (e) {
      setProblems([{ path: file.name, message: errorText(m, codeOf(e)) }]);
    } finally {
      setImporting(false);
    }
  };
  const onDelete = (id: string) => {
    if (id === selectedId) onSelect(QUICK_VISIT_MISSION.id);
    ask({ type: 'mission/delete', missionId: id }).catch((e: unknown) => setProblems([{ path: '', message: errorText(m, codeOf(e)) }]));
  };

  return (
    <MissionPicker
      t={m.mission}
      lang={lang}
      confirmLabel={m.confirm}
      cancelLabel={m.cancel}
      missions={missions.map(({ mission, builtIn }) => ({
        mission,
        builtIn,
        checklistTitle: checklistSetBy(mission)?.title[lang],
      }))}
      selectedId={selectedId}
      now={props.now}
      onSelect={onSelect}
      onDelete={onDelete}
      onImport={(file) => void onImport(file)}
      importing={importing}
      importProblems={problems}
      importedTitle={importedTitle}
    />
  );
}

/** During (and after) a visit of a mission: its steps as the pages reached them, and the evaluator's marks. */
export function MissionProgress(props: { m: Messages; lang: Lang; visit: Visit; pages: Page[]; now: number; ask: Ask }) {
  const { m, lang, visit, pages, ask } = props;
  const [error, setError] = useState<string>();
  const mission = visit.mission;
  const progress = useMemo(() => (mission ? visitProgress({ ...visit, mission }, pages) : undefined), [visit, mission, pages]);
  if (!mission || !progress) return null;
  const marks = visit.stepStatuses ?? {};
  return (
    <MissionView
      t={m.mission}
      lang={lang}
      mission={mission}
      progress={progress}
      marks={marks}
      current={currentStep(mission.steps, progress, marks)}
      now={props.now}
      canMark={isActive(visit)}
      error={error}
      onMark={(stepId, status, comment) => {
        setError(undefined);
        ask({ type: 'step/set', visitId: visit.id, stepId, status, comment }).catch((e: unknown) => setError(errorText(m, codeOf(e))));
      }}
    />
  );
}
