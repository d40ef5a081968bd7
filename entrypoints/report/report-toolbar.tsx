import type { Lang } from '../../utils/i18n/messages';
import type { ReportPageMessages } from '../../utils/i18n/report-page-messages';

interface Props {
  p: ReportPageMessages;
  lang: Lang;
  onLang: (lang: Lang) => void;
  busy: 'html' | 'bundle' | undefined;
  status: { text: string; error: boolean } | undefined;
  readOnly: boolean;
  final: boolean;
  replayState: 'loading' | 'ready' | 'failed';
  onExportHtml: () => void;
  onExportBundle: () => void;
}

/** Language, exports and print, with what is happening said in words. */
export function ReportToolbar({ p, lang, onLang, busy, status, readOnly, final, replayState, onExportHtml, onExportBundle }: Props) {
  return (
    <div class="report-toolbar" role="region" aria-label={p.toolbarLabel}>
      <label>
        {p.languageLabel}{' '}
        <select data-testid="report-lang" value={lang} onChange={(e) => onLang(e.currentTarget.value === 'en' ? 'en' : 'fr')}>
          <option value="fr">{p.languages.fr}</option>
          <option value="en">{p.languages.en}</option>
        </select>
      </label>
      <button type="button" class="btn" data-testid="report-export-html" disabled={busy !== undefined} onClick={onExportHtml}>
        {p.exportHtml}
      </button>
      {!readOnly && (
        <button type="button" class="btn btn-primary" data-testid="bundle-export" disabled={busy !== undefined} onClick={onExportBundle}>
          {p.exportBundle}
        </button>
      )}
      <button type="button" class="btn" onClick={() => window.print()}>
        {p.print}
      </button>
      <p class="meta" data-testid="report-state" data-final={String(final)}>
        {readOnly ? p.imported : final ? p.final : p.draft}
        {replayState === 'loading' && ` · ${p.preparingReplay}`}
      </p>
      {replayState === 'failed' && <p role="alert">{p.replayFailed}</p>}
      <p role={status?.error ? 'alert' : 'status'} data-testid="report-export-status" data-busy={String(busy !== undefined)}>
        {status?.text}
      </p>
    </div>
  );
}
