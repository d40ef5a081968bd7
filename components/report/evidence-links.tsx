import type { EvidenceRef, ReportModel } from '../../utils/report/model-types';
import type { ReportUiMessages } from '../../utils/i18n/report-ui-messages';

/**
 * Links from a finding to its proof. They are plain anchors with data attributes, never handlers:
 * the exported file's strict CSP forbids inline handlers, and a separate page script binds every
 * `a.replay-link[data-replay-at]` to the player (the `#replay` target is the fallback without it).
 */

/** The URL of a screenshot's image (a data: URL in the exported file), or undefined when it is not there. */
export type ImageUrl = (screenshotId: string, size: 'thumb' | 'full') => string | undefined;

/** What every evidence link needs: the words, each screenshot's number, whether there is a replay. */
export interface EvidenceContext {
  t: ReportUiMessages;
  /** Screenshot id → its number in the gallery (from 1). */
  shotNumbers: ReadonlyMap<string, number>;
  replay: boolean;
}

export function evidenceContext(t: ReportUiMessages, model: ReportModel): EvidenceContext {
  return { t, shotNumbers: new Map(model.screenshots.map((s, i) => [s.id, i + 1])), replay: model.replay.available };
}

/** The anchor of a screenshot's figure in the gallery. */
export const shotAnchor = (screenshotId: string) => `shot-${screenshotId}`;

/** "▶ 1:23", named "Play the replay at 1:23"; just the time when the visit has no recording. */
export function ReplayLink({ ev, at }: { ev: EvidenceContext; at: number }) {
  const time = ev.t.clock(at);
  if (!ev.replay) return <span class="replay-time">{time}</span>;
  return (
    <a href="#replay" class="replay-link" data-replay-at={String(Math.max(0, Math.round(at)))} aria-label={ev.t.playAt(time)}>
      <span aria-hidden="true">▶ </span>
      {time}
    </a>
  );
}

/** "Screenshot 3", pointing at its figure; plain words when the screenshot is not in the report. */
export function ScreenshotLink({ ev, screenshotId }: { ev: EvidenceContext; screenshotId: string }) {
  const n = ev.shotNumbers.get(screenshotId);
  if (n === undefined) return <span class="missing">{ev.t.missingScreenshot}</span>;
  return (
    <a href={`#${shotAnchor(screenshotId)}`} class="shot-link">
      {ev.t.screenshotN(n)}
    </a>
  );
}

export function EvidenceLinks({ ev, refs }: { ev: EvidenceContext; refs: readonly EvidenceRef[] }) {
  if (refs.length === 0) return null;
  return (
    <ul class="evidence-links" aria-label={ev.t.evidence}>
      {refs.map((ref, i) => (
        <li key={i}>
          {ref.kind === 'screenshot' ? <ScreenshotLink ev={ev} screenshotId={ref.screenshotId} /> : <ReplayLink ev={ev} at={ref.at} />}
        </li>
      ))}
    </ul>
  );
}
