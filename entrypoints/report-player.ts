import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startReplay } from '../components/replay/mount-replay';
import { fromBase64 } from '../utils/recording/codec';
import { reportPageEn, reportPageFr } from '../utils/i18n/report-page-messages';
import { PAYLOAD_ELEMENT_ID, type ExportPayload } from '../utils/report/export-html';
import { readExportAssets } from '../utils/report/export-assets';
import { decodeRecording, withMarkers } from '../utils/report/replay-events';
import { lookupIn, rewriteAssets } from '../utils/report/replay-assets';
import { chunkKey } from '../utils/report/visit-data';

/**
 * The one script of an exported report (inlined, allowed by its hash): rebuilds the replay from the
 * file's own data and makes the report's replay links seek it. Reads nothing from the network.
 */
export default defineUnlistedScript(() => {
  const start = async () => {
    const target = document.getElementById('replay-player');
    const source = document.getElementById(PAYLOAD_ELEMENT_ID);
    if (!target || !source?.textContent) return;
    const payload = JSON.parse(source.textContent) as ExportPayload;
    const chunks = new Map(payload.recording.map((p) => [chunkKey(p.pageId, p.seq), fromBase64(p.gz)]));
    // The shop's images, fonts and sheets from the file's own copies (its policy blocks the shop's).
    const decoded = rewriteAssets(await decodeRecording(payload.recording, chunks), lookupIn(readExportAssets(payload.assets)));
    const events = withMarkers(decoded, payload.recording, payload.markers);
    if (events.length < 2) return;
    const labels = (document.documentElement.lang === 'en' ? reportPageEn : reportPageFr).replayLabels;
    startReplay(target, events, labels);
  };
  const run = () =>
    void start().catch((error: unknown) => {
      const target = document.getElementById('replay-player');
      target?.setAttribute('data-state', 'failed');
      console.error('Mystère: the replay could not be rebuilt.', error);
    });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
});
