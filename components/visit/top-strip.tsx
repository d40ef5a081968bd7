import '../ui/cockpit.css';
import type { CockpitMessages } from '../../utils/i18n/cockpit-messages';
import type { Messages } from '../../utils/i18n/messages';
import type { PageType } from '../../utils/schema/page-type';

interface Props {
  m: Messages;
  t: CockpitMessages;
  /** The page the evaluator is on, if one is recorded yet. */
  page: { title: string; type: PageType } | undefined;
  signals: number;
  /** Undefined when no screenshot can be taken (the visit is not recording here). */
  onCapture: (() => void) | undefined;
  capturing: boolean;
  onSignals: () => void;
  /** Opens the keyboard help. */
  onKeys: () => void;
}

/** What matters now, under the visit's controls: the page and its type, the signals, a quick capture. */
export function TopStrip({ m, t, page, signals, onCapture, capturing, onSignals, onKeys }: Props) {
  return (
    <div class="strip-now" data-testid="strip">
      <p class="strip-page" data-testid="strip-page" data-page-type={page?.type}>
        <span class="visually-hidden">{t.currentPage} : </span>
        {page ? (
          <>
            <span class="strip-type">{m.pageTypes[page.type]}</span>
            <span class="strip-title">{page.title}</span>
          </>
        ) : (
          <span class="strip-title">{t.noPageYet}</span>
        )}
      </p>
      <div class="strip-actions">
        <button type="button" class={`btn btn-small strip-signals${signals > 0 ? ' has-signals' : ''}`} data-testid="strip-signals" title={t.signalsHint} onClick={onSignals}>
          {t.signals(signals)}
        </button>
        {onCapture && (
          <button
            type="button"
            class="btn btn-small"
            data-testid="strip-capture"
            title={t.captureHint}
            aria-keyshortcuts="Shift+S"
            disabled={capturing}
            onClick={onCapture}
          >
            {t.capture}
          </button>
        )}
        <button type="button" class="btn btn-small keys-open" data-testid="keys-help-open" title={t.keysOpen} aria-keyshortcuts="?" onClick={onKeys}>
          <span aria-hidden="true">?</span>
          <span class="visually-hidden">{t.keysOpen}</span>
        </button>
      </div>
    </div>
  );
}
