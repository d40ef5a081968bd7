import type { Lang } from '../../utils/i18n/messages';
import type { MissionMessages } from '../../utils/i18n/mission-messages';
import { deadlineState } from '../../utils/mission/deadline';
import type { Mission } from '../../utils/mission/schema';
import { ConfirmButton } from '../ui/confirm-button';
import { PersonaFacts, sitesText } from './mission-facts';
import { JsonFileImport } from '../ui/json-file-import';
import './mission.css';

export interface PickedMission {
  mission: Mission;
  builtIn: boolean;
  /** The title of the checklist it sets, in the interface's language; none when the evaluator chooses (the Quick visit). */
  checklistTitle: string | undefined;
}

interface Props {
  t: MissionMessages;
  lang: Lang;
  /** Words the picker shares with the rest of the panel. */
  confirmLabel: string;
  cancelLabel: string;
  missions: PickedMission[];
  selectedId: string;
  now: number;
  onSelect: (id: string) => void;
  onDelete: (id: string) => void;
  onImport: (file: File) => void;
  importing: boolean;
  /** Why the last file was refused, each problem with where it is in the file. */
  importProblems?: { path: string; message: string }[] | undefined;
  /** The title of the mission just imported. */
  importedTitle?: string | undefined;
}

/**
 * Before a visit: the mission it follows (the Quick visit or an imported one, each with its agency,
 * sites, steps and deadline), the chosen one's brief and persona, an agency's file to import (its
 * problems listed) and an imported mission to delete.
 */
export function MissionPicker(props: Props) {
  const { t, lang, missions, selectedId, now, onSelect, importing } = props;
  const problems = props.importProblems ?? [];
  const chosen = missions.find((m) => m.mission.id === selectedId) ?? missions[0];
  return (
    <section class="mission-picker" aria-labelledby="mission-picker-title" data-testid="mission-picker">
      <h2 id="mission-picker-title">{t.pickerTitle}</h2>
      <fieldset>
        <legend>{t.chooseLabel}</legend>
        <ul class="mission-list">
          {missions.map(({ mission, builtIn }) => {
            const base = `mission-${mission.id}`;
            const picked = mission.id === chosen?.mission.id;
            const due = mission.deadline ? deadlineState(mission.deadline, now) : undefined;
            return (
              <li key={mission.id} class={picked ? 'mission-option chosen' : 'mission-option'} data-testid="mission-option" data-mission-id={mission.id}>
                <label class="mission-choice">
                  <input
                    type="radio"
                    name="mission"
                    value={mission.id}
                    checked={picked}
                    aria-describedby={`${base}-facts`}
                    data-testid="mission-radio"
                    onChange={() => onSelect(mission.id)}
                  />
                  <span>
                    {mission.title[lang]}
                    {builtIn && <span class="badge">{t.builtIn}</span>}
                  </span>
                </label>
                <p id={`${base}-facts`} class="meta">
                  {t.agency(mission.agency)} · {t.stepsCount(mission.steps.length)}
                  <br />
                  {sitesText(t, mission.sites)}
                  {due && (
                    <>
                      <br />
                      <span data-testid="mission-option-deadline" data-state={due.state}>
                        {t.due(t.when(due.at))}
                        {due.state === 'past' && ` (${t.pastDue})`}
                      </span>
                    </>
                  )}
                </p>
                {!builtIn && (
                  <ConfirmButton
                    label={t.deleteLabel}
                    ariaLabel={t.deleteMission(mission.title[lang])}
                    question={t.confirmDelete}
                    confirmLabel={props.confirmLabel}
                    cancelLabel={props.cancelLabel}
                    testId="mission-delete"
                    onConfirm={() => props.onDelete(mission.id)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      {chosen && (
        <details class="mission-brief" data-testid="mission-brief">
          <summary>{t.instructionsTitle}</summary>
          <p class="mission-text">{chosen.mission.instructions[lang]}</p>
          {chosen.mission.persona && <PersonaFacts t={t} persona={chosen.mission.persona} />}
          {chosen.checklistTitle && <p class="meta">{t.checklistOfMission(chosen.checklistTitle)}</p>}
        </details>
      )}
      <JsonFileImport kind="mission" t={t} importing={importing} problems={problems} importedTitle={props.importedTitle} onImport={props.onImport} />
    </section>
  );
}
