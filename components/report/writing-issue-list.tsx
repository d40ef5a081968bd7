import type { WritingIssue } from '../../utils/report/model-types';
import type { ReportUiMessages } from '../../utils/i18n/report-ui-messages';

/** What the writing help flags: long sentences quoted with their word count, "no" answers left unexplained. */
export function WritingIssueList({ t, issues }: { t: ReportUiMessages; issues: readonly WritingIssue[] }) {
  return (
    <ul class="writing-issues">
      {issues.map((issue, i) =>
        issue.kind === 'long-sentence' ? (
          <li key={i} data-issue="long-sentence" data-words={issue.words}>
            {t.longSentence(issue.words)} <q class="issue-quote">{issue.sentence}</q>
          </li>
        ) : (
          <li key={i} data-issue="no-without-comment" data-criterion-id={issue.criterionId}>
            {t.noWithoutComment} {issue.question}
          </li>
        ),
      )}
    </ul>
  );
}
