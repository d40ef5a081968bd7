/** The words of an import, in the interface's language. */
export interface ImportWords {
  importLabel: string;
  importHint: string;
  importing: string;
  importFailed: (count: number) => string;
  wholeFile: string;
  importOk: (title: string) => string;
}

interface Props {
  /** Names the parts (`<kind>-import`, `<kind>-import-error`…): `checklist`, `mission`. */
  kind: string;
  t: ImportWords;
  importing: boolean;
  /** Why the last file was refused, each problem with where it is in the file. */
  problems: readonly { path: string; message: string }[];
  /** The title of what was just imported. */
  importedTitle?: string | undefined;
  onImport: (file: File) => void;
}

/**
 * An agency's JSON file to import (a checklist, a mission): the file field with its hint, the work
 * in progress said, then either the problems of a refused file, each with its place in the file, or
 * the title of what was imported.
 */
export function JsonFileImport({ kind, t, importing, problems, importedTitle, onImport }: Props) {
  return (
    <>
      <label class="field">
        <span>{t.importLabel}</span>
        <input
          type="file"
          accept=".json,application/json"
          data-testid={`${kind}-import`}
          aria-describedby={`${kind}-import-hint`}
          disabled={importing}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            // Cleared so that the same file, once corrected, can be chosen again.
            input.value = '';
            if (file) onImport(file);
          }}
        />
      </label>
      <p id={`${kind}-import-hint`} class="hint">
        {t.importHint}
      </p>
      <p class="live-status" role="status" data-testid={`${kind}-import-status`}>
        {importing ? t.importing : ''}
      </p>
      {!importing && problems.length > 0 && (
        <div class="error import-problems" role="alert" data-testid={`${kind}-import-error`}>
          <p>{t.importFailed(problems.length)}</p>
          <ul>
            {problems.map((problem, i) => (
              <li key={i}>
                <code>{problem.path || t.wholeFile}</code> {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!importing && problems.length === 0 && importedTitle && (
        <p class="import-ok" role="status" data-testid={`${kind}-import-ok`}>
          {t.importOk(importedTitle)}
        </p>
      )}
    </>
  );
}
