import type { Lang } from '../../utils/i18n/messages';
import type { ViewerMessages } from '../../utils/i18n/viewer-messages';
import { VisitRow, type VisitActions, type VisitRowData } from './visit-row';

interface Props extends VisitActions {
  t: ViewerMessages;
  lang: Lang;
  /** Undefined while reading; in the order to show (newest first). */
  visits: VisitRowData[] | undefined;
  exportingId?: string;
}

/** The imported visits, one row each, with their review and actions. */
export function VisitTable({ t, lang, visits, exportingId, ...actions }: Props) {
  if (!visits) return null;
  if (visits.length === 0) {
    return (
      <p class="empty" data-testid="viewer-empty">
        {t.empty}
      </p>
    );
  }
  const c = t.columns;
  return (
    <div class="table-wrap">
      <table class="visit-table">
        <thead>
          <tr>
            <th scope="col">{c.site}</th>
            <th scope="col">{c.date}</th>
            <th scope="col">{c.evaluator}</th>
            <th scope="col">{c.score}</th>
            <th scope="col">{c.outcome}</th>
            <th scope="col">{c.review}</th>
            <th scope="col">{c.actions}</th>
          </tr>
        </thead>
        <tbody>
          {visits.map((visit) => (
            <VisitRow key={visit.id} t={t} lang={lang} visit={visit} exporting={exportingId === visit.id} {...actions} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
