import { browser } from 'wxt/browser';
import type { Messages } from '../../utils/i18n/messages';

/** Opens the visit's report in a tab of its own (a report is read and printed full width). */
export function ReportButton({ m, visitId, primary }: { m: Messages; visitId: string; primary: boolean }) {
  const open = () => void browser.tabs.create({ url: `${browser.runtime.getURL('/report.html')}?visit=${encodeURIComponent(visitId)}` });
  return (
    <button type="button" class={primary ? 'btn btn-primary' : 'btn'} data-testid="report-open" data-visit-id={visitId} onClick={open}>
      {m.openReport}
    </button>
  );
}
