import '../ui/cockpit.css';
import type { CockpitMessages } from '../../utils/i18n/cockpit-messages';
import type { ChecklistMessages } from '../../utils/i18n/checklist-messages';
import type { Lang } from '../../utils/i18n/messages';
import { JsonFileImport } from '../ui/json-file-import';
import type { ListedChecklist } from './checklist-picker';

interface Props {
  t: ChecklistMessages;
  words: CockpitMessages['library'];
  lang: Lang;
  checklists: ListedChecklist[];
  onExport: (id: string) => void;
  onImport: (file: File) => void;
  importing: boolean;
  /** Why the last file was refused, each problem with where it is in the file. */
  importProblems?: { path: string; message: string }[] | undefined;
  /** The title of the checklist just imported. */
  importedTitle?: string | undefined;
}

/** The agency's side of checklists, on the options page: those installed, each exportable, and an import. */
export function ChecklistLibrary({ t, words, lang, checklists, onExport, onImport, importing, importProblems, importedTitle }: Props) {
  return (
    <section class="checklist-library" aria-labelledby="checklist-library-title" data-testid="checklist-library">
      <h2 id="checklist-library-title">{words.title}</h2>
      <p class="meta">{words.intro}</p>
      <ul class="library-list">
        {checklists.map((c) => (
          <li key={c.id} data-testid="library-checklist" data-checklist-id={c.id}>
            <span class="library-title">
              {c.title[lang]} <span class="meta">— {words.criteria(c.criteria)}{c.builtIn ? ` · ${words.builtIn}` : ''}</span>
            </span>
            <button type="button" class="btn btn-small" data-testid="checklist-export" aria-label={words.exportOf(c.title[lang])} onClick={() => onExport(c.id)}>
              {words.export}
            </button>
          </li>
        ))}
      </ul>
      <JsonFileImport kind="checklist" t={t} importing={importing} problems={importProblems ?? []} importedTitle={importedTitle} onImport={onImport} />
    </section>
  );
}
