import { useId, useMemo, useState } from 'preact/hooks';
import type { ReportUiMessages } from '../../utils/i18n/report-ui-messages';
import { writingIssues } from '../../utils/report/writing-help';
import { WritingIssueList } from './writing-issue-list';

export interface VerdictValue {
  text: string;
  alias: string;
  final: boolean;
}

export interface VerdictFormProps {
  t: ReportUiMessages;
  initial: VerdictValue;
  /** "No" answers left without a comment: the writing help lists them. */
  noWithoutComment: { criterionId: string; question: string }[];
  onSave: (v: VerdictValue) => Promise<void>;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; final: boolean; at: number } | { kind: 'error'; message: string };

/**
 * The evaluator writes the verdict here, with live writing help (advice only: it never blocks).
 * Only an empty verdict cannot be marked final. In print, the controls give way to the text.
 */
export function VerdictForm({ t, initial, noWithoutComment, onSave }: VerdictFormProps) {
  const id = useId();
  const [text, setText] = useState(initial.text);
  const [alias, setAlias] = useState(initial.alias);
  const [final, setFinal] = useState(initial.final);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const issues = useMemo(() => writingIssues(text, noWithoutComment), [text, noWithoutComment]);
  const saving = status.kind === 'saving';

  const save = async (asFinal: boolean) => {
    if (saving) return;
    if (asFinal && text.trim() === '') {
      setStatus({ kind: 'error', message: t.emptyFinal });
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      await onSave({ text, alias: alias.trim(), final: asFinal });
      setFinal(asFinal);
      setStatus({ kind: 'saved', final: asFinal, at: Date.now() });
    } catch (err) {
      setStatus({ kind: 'error', message: t.saveFailed(err instanceof Error ? err.message : '') });
    }
  };

  return (
    <form
      class="verdict-form"
      data-testid="verdict-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      <p class={`verdict-state ${final ? 'is-final' : 'not-final'}`} data-testid="verdict-state" data-final={String(final)}>
        {final ? t.final : t.notFinal}
      </p>
      <div class="verdict-controls">
        <label class="field" for={`${id}-alias`}>
          {t.aliasLabel}
        </label>
        <input
          id={`${id}-alias`}
          class="field-input"
          type="text"
          autocomplete="name"
          data-testid="verdict-alias"
          value={alias}
          onInput={(e) => setAlias(e.currentTarget.value)}
        />
        <label class="field" for={`${id}-text`}>
          {t.verdictLabel}
        </label>
        <p id={`${id}-hint`} class="muted">
          {t.verdictHint}
        </p>
        <textarea
          id={`${id}-text`}
          class="field-input verdict-textarea"
          rows={10}
          data-testid="verdict-text"
          aria-describedby={`${id}-hint ${id}-issues`}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <div id={`${id}-issues`} class="verdict-issues" aria-live="polite" data-testid="verdict-issues" data-count={issues.length}>
          <p class="issues-title">{t.issuesTitle}</p>
          {issues.length > 0 ? <WritingIssueList t={t} issues={issues} /> : <p class="muted">{t.noIssues}</p>}
        </div>
        <div class="buttons">
          <button type="submit" class="btn" data-testid="verdict-save" disabled={saving}>
            {t.saveDraft}
          </button>
          <button type="button" class="btn btn-primary" data-testid="verdict-final" disabled={saving} onClick={() => void save(true)}>
            {t.markFinal}
          </button>
        </div>
        {status.kind === 'error' ? (
          <p class="error" role="alert" data-testid="verdict-error">
            {status.message}
          </p>
        ) : (
          <p class="verdict-status" role="status" data-testid="verdict-status">
            {status.kind === 'saving' ? t.saving : status.kind === 'saved' ? (status.final ? t.finalAt : t.savedAt)(t.time(status.at)) : ''}
          </p>
        )}
      </div>
      {/* What a printed report shows in place of the form. */}
      <div class="print-only verdict-text pre-wrap">{text}</div>
      {alias.trim() && <p class="print-only">{t.verdictBy(alias.trim())}</p>}
    </form>
  );
}
