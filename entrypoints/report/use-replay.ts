import { useEffect } from 'preact/hooks';
import { startReplay } from '../../components/replay/mount-replay';
import { reportPageEn, reportPageFr } from '../../utils/i18n/report-page-messages';
import type { ReportModel } from '../../utils/report/model-types';
import { withMarkers, type ReplayEvent } from '../../utils/report/replay-events';
import type { RecordingPart } from '../../utils/report/visit-data';

/**
 * Mounts the replay in the report's `#replay-player` once the report is shown and the recording
 * decoded, and again when the language changes the markers; binds every ▶ link of the page to it.
 */
export function useReplay(model: ReportModel | undefined, events: ReplayEvent[] | 'failed' | undefined, recording: readonly RecordingPart[] | undefined): void {
  useEffect(() => {
    const target = document.getElementById('replay-player');
    if (!model || !recording || !Array.isArray(events) || !target || events.length < 2) return;
    const labels = (model.lang === 'fr' ? reportPageFr : reportPageEn).replayLabels;
    const stop = startReplay(target, withMarkers(events, recording, model.markers), labels);
    // For `npm run bench`: how long the report took to be readable and playable.
    if (performance.getEntriesByName('mystere-report-ready').length === 0) performance.mark('mystere-report-ready');
    return stop;
  }, [model?.lang, events, model?.markers.length]);
}
