import type { Lang } from '../../utils/i18n/messages';
import type { ViewerMessages } from '../../utils/i18n/viewer-messages';
import { VisitRow, type VisitActions, type VisitRowData } from './visit-row';

interface Props extends VisitActions {
  t: ViewerMessages;
  lang: Lang;
  /** In the order to show (newest first). */
  visits: VisitRowData[];
  exportingId?: string;
  /** The id of the heading that names the table (its mission's group). */
  labelledBy?: string;
}

/** Imported visits, one row each, with their review and actions. */
export function VisitTable({ t, lang, visits, exportingId, labelledBy, ...actions }: Props) {
  const c = t.columns;
  return (
    <div class="table-wrap">
      <table class="visit-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{c.site}</th>
            <th scope="col">{c.mission}</th>
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
