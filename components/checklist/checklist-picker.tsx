import type { Localized } from '../../utils/checklist/schema';
import type { ChecklistMessages } from '../../utils/i18n/checklist-messages';
import type { Lang } from '../../utils/i18n/messages';
import { JsonFileImport } from '../ui/json-file-import';
import './checklist.css';

interface ListedChecklist {
  id: string;
  title: Localized;
  builtIn: boolean;
  /** How many criteria it has. */
  criteria: number;
}

interface Props {
  t: ChecklistMessages;
  lang: Lang;
  checklists: ListedChecklist[];
  selectedId: string;
  onSelect: (id: string) => void;
  onImport: (file: File) => void;
  importing: boolean;
  /** Why the last file was refused, each problem with where it is in the file. */
  importProblems?: { path: string; message: string }[] | undefined;
  /** The title of the checklist just imported. */
  importedTitle?: string | undefined;
  onExport: (id: string) => void;
}

/** Choose the checklist of the visit, import an agency's file (with its problems listed), export one. */
export function ChecklistPicker({ t, lang, checklists, selectedId, onSelect, onImport, importing, importProblems, importedTitle, onExport }: Props) {
  const problems = importProblems ?? [];
  return (
    <section class="checklist-picker" aria-labelledby="checklist-picker-title">
      <h2 id="checklist-picker-title">{t.pickerTitle}</h2>
      <label class="field">
        <span>{t.selectLabel}</span>
        <select data-testid="checklist-select" value={selectedId} onChange={(e) => onSelect(e.currentTarget.value)}>
          {checklists.map((c) => (
            <option key={c.id} value={c.id}>
              {t.optionLabel(c.title[lang], c.criteria, c.builtIn)}
            </option>
          ))}
        </select>
      </label>
      <div class="buttons">
        <button
          type="button"
          class="btn btn-small"
          data-testid="checklist-export"
          disabled={!checklists.some((c) => c.id === selectedId)}
          onClick={() => onExport(selectedId)}
        >
          {t.exportLabel}
        </button>
      </div>
      <JsonFileImport kind="checklist" t={t} importing={importing} problems={problems} importedTitle={importedTitle} onImport={onImport} />
    </section>
  );
}
