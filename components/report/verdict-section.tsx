import type { ComponentChildren } from 'preact';
import type { ReportModel } from '../../utils/report/model-types';
import type { ReportUiMessages } from '../../utils/i18n/report-ui-messages';
import { ReportSection } from './report-section';
import { WritingIssueList } from './writing-issue-list';

/**
 * The evaluator's verdict as the shop owner reads it. On the report page `slot` holds the editable
 * form instead; the exported file always shows this read-only text.
 */
export function VerdictSection({ t, model, slot }: { t: ReportUiMessages; model: ReportModel; slot?: ComponentChildren }) {
  return (
    <ReportSection id="verdict" title={t.sections.verdict}>
      {slot ?? <VerdictText t={t} model={model} />}
    </ReportSection>
  );
}

function VerdictText({ t, model }: { t: ReportUiMessages; model: ReportModel }) {
  const { verdict } = model;
  const alias = model.cover.evaluator;
  return (
    <div class="verdict" data-testid="verdict" data-final={String(verdict.final)}>
      <p class={`verdict-state ${verdict.final ? 'is-final' : 'not-final'}`}>{verdict.final ? t.final : t.notFinal}</p>
      {verdict.text ? <div class="verdict-text pre-wrap">{verdict.text}</div> : <p class="muted">{t.noVerdict}</p>}
      {(alias || verdict.at !== undefined) && (
        <p class="verdict-signature">
          {alias ? t.verdictBy(alias) : t.notSigned}
          {verdict.at !== undefined && (
            <>
              {' '}
              <time dateTime={new Date(verdict.at).toISOString()}>{t.verdictAt(t.dateTime(verdict.at))}</time>
            </>
          )}
        </p>
      )}
      {verdict.issues.length > 0 && (
        <div class="verdict-issues">
          <h3>{t.issuesTitle}</h3>
          <WritingIssueList t={t} issues={verdict.issues} />
        </div>
      )}
    </div>
  );
}
