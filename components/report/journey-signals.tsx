import type { JourneyPage, JourneySignal } from '../../utils/report/model-types';
import { ReplayLink, type EvidenceContext } from './evidence-links';

/** Friction signals as a table: when (a replay link when recorded), what, on which page, the facts. */
export function SignalTable({ ev, signals, pages }: { ev: EvidenceContext; signals: readonly JourneySignal[]; pages: readonly JourneyPage[] }) {
  const { t } = ev;
  const titles = new Map(pages.map((p) => [p.id, p.title || t.untitledPage]));
  return (
    // Focusable so a keyboard can scroll the table sideways on a narrow screen.
    <div class="table-wrap" role="region" aria-label={t.signalsTitle} tabIndex={0}>
      <table class="report-table signals-table" data-testid="signals-table">
        <thead>
          <tr>
            <th scope="col">{t.timeColumn}</th>
            <th scope="col">{t.signalColumn}</th>
            <th scope="col">{t.pageColumn}</th>
            <th scope="col">{t.detailColumn}</th>
          </tr>
        </thead>
        <tbody>
          {signals.map((s) => (
            <tr key={s.id} data-signal-type={s.type}>
              <td class="nowrap">
                {s.replayAt !== null ? (
                  <ReplayLink ev={ev} at={s.replayAt} />
                ) : (
                  <time dateTime={new Date(s.at).toISOString()}>{t.time(s.at)}</time>
                )}
              </td>
              <th scope="row">{s.label}</th>
              <td>{titles.get(s.pageId) ?? t.untitledPage}</td>
              <td>
                {s.detail}
                {s.selector && (
                  <>
                    {' '}
                    <span class="visually-hidden">{t.fact(t.elementColumn, '')}</span>
                    <code>{s.selector}</code>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
