import { useId, useState } from 'preact/hooks';
import type { ViewerMessages } from '../../utils/i18n/viewer-messages';
import type { ImportResult } from '../../utils/report/import-bundles';
import { importResultText } from './review-helpers';

export interface ImportProgress {
  i: number;
  n: number;
  name: string;
}

interface Props {
  t: ViewerMessages;
  /** Set while files are being checked; the input is disabled meanwhile. */
  progress?: ImportProgress;
  /** Said once the last batch is done. */
  done?: string;
  results: ImportResult[];
  onFiles: (files: File[]) => void;
}

/**
 * Where bundles come in: a file input (the keyboard's way) inside a zone that also takes dropped
 * files. Progress is announced politely; each refused file gets an alert with its precise reason.
 */
export function ImportArea({ t, progress, done, results, onFiles }: Props) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const busy = progress !== undefined;

  const take = (list: FileList | null | undefined) => {
    const files = [...(list ?? [])];
    if (files.length > 0 && !busy) onFiles(files);
  };
  const over = (e: DragEvent) => {
    // Without preventDefault the browser opens the dropped file instead.
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    setDragging(true);
  };
  const leave = (e: DragEvent) => {
    // Leaving for a child of the zone is not leaving the zone.
    if (!(e.currentTarget as Node).contains(e.relatedTarget as Node | null)) setDragging(false);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer?.files);
  };

  return (
    <section class="viewer-import" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.importTitle}</h2>
      <div
        class={dragging ? 'drop-zone dragging' : 'drop-zone'}
        data-testid="viewer-drop-zone"
        onDragEnter={over}
        onDragOver={over}
        onDragLeave={leave}
        onDrop={drop}
      >
        <label for={`${id}-input`} class="drop-label">
          {t.importLabel}
        </label>
        <input
          id={`${id}-input`}
          type="file"
          multiple
          accept=".zip,application/zip"
          data-testid="viewer-import"
          aria-describedby={`${id}-hint`}
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            take(input.files);
            // Cleared, so that picking the same file again (after a fix) imports it again.
            input.value = '';
          }}
        />
        <p id={`${id}-hint`} class="hint">
          {t.dropHint}
        </p>
      </div>
      <p role="status" class="import-progress" data-testid="viewer-progress">
        {progress ? t.checking(progress.i, progress.n, progress.name) : (done ?? '')}
      </p>
      {results.length > 0 && (
        <ul class="import-results" aria-label={t.resultsTitle}>
          {results.map((result, index) => (
            <li
              key={`${index}-${result.name}`}
              data-testid="viewer-import-result"
              data-ok={String(result.ok)}
              data-error-code={result.error?.code}
            >
              {result.ok ? (
                <span class="result-ok">{importResultText(t, result)}</span>
              ) : (
                <span class="error" role="alert">
                  {importResultText(t, result)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
