import type { ReportAppendix } from '../../utils/report/model-types';
import type { ReportUiMessages } from '../../utils/i18n/report-ui-messages';
import { ExternalLink } from './links';
import { ReportSection } from './report-section';

/** How the visit was assessed, the references it relies on (with their credits), and the words used. */
export function AppendixSection({ t, appendix }: { t: ReportUiMessages; appendix: ReportAppendix }) {
  return (
    <ReportSection id="appendix" title={t.sections.appendix}>
      {appendix.method.length > 0 && (
        <>
          <h3>{t.method}</h3>
          {appendix.method.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </>
      )}
      {appendix.references.length > 0 && (
        <>
          <h3>{t.referencesTitle}</h3>
          <ul class="references">
            {appendix.references.map((r, i) => (
              <li key={i}>
                <strong>{r.name}</strong>
                {r.attribution && ` — ${r.attribution}`}
                {r.url && (
                  <>
                    {' — '}
                    <ExternalLink href={r.url}>{r.url}</ExternalLink>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {appendix.glossary.length > 0 && (
        <>
          <h3>{t.glossary}</h3>
          <dl class="glossary">
            {appendix.glossary.map((g, i) => (
              <div key={i}>
                <dt>{g.term}</dt>
                <dd>{g.definition}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </ReportSection>
  );
}
