import type { Checklist, Localized } from '../../utils/checklist/schema';
import type { ChecklistMessages } from '../../utils/i18n/checklist-messages';
import type { Lang } from '../../utils/i18n/messages';
import './checklist.css';

export interface ListedChecklist {
  id: string;
  title: Localized;
  builtIn: boolean;
  /** How many criteria it has. */
  criteria: number;
}

/** The checklists on offer as the picker and the options page's library list them. */
export const listedChecklists = (all: readonly { checklist: Checklist; builtIn: boolean }[]): ListedChecklist[] =>
  all.map(({ checklist, builtIn }) => ({
    id: checklist.id,
    title: checklist.title,
    builtIn,
    criteria: checklist.sections.reduce((n, s) => n + s.criteria.length, 0),
  }));

interface Props {
  t: ChecklistMessages;
  lang: Lang;
  checklists: ListedChecklist[];
  selectedId: string;
  onSelect: (id: string) => void;
}

/** Choose the checklist of the visit (an agency's checklists are imported on the options page). */
export function ChecklistPicker({ t, lang, checklists, selectedId, onSelect }: Props) {
  return (
    <section class="checklist-picker" aria-label={t.pickerTitle}>
      <label class="field field-inline">
        <span>{t.selectLabel}</span>
        <select data-testid="checklist-select" value={selectedId} onChange={(e) => onSelect(e.currentTarget.value)}>
          {checklists.map((c) => (
            <option key={c.id} value={c.id}>
              {t.optionLabel(c.title[lang], c.criteria, c.builtIn)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
