import type { ReportScreenshot } from '../../utils/report/model-types';
import { ReplayLink, shotAnchor, type EvidenceContext, type ImageUrl } from './evidence-links';

/**
 * Every screenshot at full size, with its annotated areas drawn over it as numbered boxes. The boxes
 * are SVG in the image's own pixel space rather than inline `style` positions: the exported file's
 * CSP may forbid style attributes, and SVG geometry attributes are not styles.
 */
export function ScreenshotGallery({ ev, screenshots, imageUrl }: { ev: EvidenceContext; screenshots: readonly ReportScreenshot[]; imageUrl: ImageUrl }) {
  if (screenshots.length === 0) return <p>{ev.t.noScreenshots}</p>;
  return (
    <div class="gallery">
      {screenshots.map((s, i) => (
        <ShotFigure key={s.id} ev={ev} shot={s} n={i + 1} src={imageUrl(s.id, 'full')} />
      ))}
    </div>
  );
}

/** The image with its annotated areas over it, in the image's own pixel space. */
function ShotFrame({ shot: s, src }: { shot: ReportScreenshot; src: string }) {
  // Numbers readable at the usual display scale (the image is shown at most ~60rem wide).
  const font = Math.max(14, Math.round(s.width / 45));
  return (
    <div class="shot-frame">
      <img src={src} alt={s.caption} width={s.width} height={s.height} decoding="async" />
      {s.annotations.length > 0 && (
        <svg class="shot-annotations" viewBox={`0 0 ${s.width} ${s.height}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
          {s.annotations.map((a, k) => (
            <g key={a.id} class="annotation" data-annotation-id={a.id}>
              <rect class="annotation-box" x={a.x * s.width} y={a.y * s.height} width={a.w * s.width} height={a.h * s.height} />
              <rect class="annotation-tag" x={a.x * s.width} y={a.y * s.height} width={font * 1.6} height={font * 1.4} />
              <text class="annotation-num" x={a.x * s.width + font * 0.8} y={a.y * s.height + font * 1.05} font-size={font}>
                {k + 1}
              </text>
            </g>
          ))}
        </svg>
      )}
    </div>
  );
}

function ShotFigure({ ev, shot: s, n, src }: { ev: EvidenceContext; shot: ReportScreenshot; n: number; src: string | undefined }) {
  const { t } = ev;
  const frame = src && <ShotFrame shot={s} src={src} />;
  return (
    <figure id={shotAnchor(s.id)} class="shot" data-testid="report-screenshot" data-screenshot-id={s.id}>
      {!frame ? (
        <p class="image-missing">{t.imageMissing}</p>
      ) : s.kind === 'full-page' ? (
        // A whole page can be many screens tall: it scrolls in its own box (focusable for the keyboard).
        <div class="shot-scroll" tabIndex={0} role="group" aria-label={t.screenshotN(n)}>
          {frame}
        </div>
      ) : (
        frame
      )}
      <figcaption>
        <strong>{t.screenshotN(n)}</strong> — {s.caption}
        {s.replayAt !== null && (
          <>
            {' '}
            <ReplayLink ev={ev} at={s.replayAt} />
          </>
        )}
        {s.annotations.length > 0 && (
          <ol class="annotation-captions" aria-label={t.annotations}>
            {s.annotations.map((a) => (
              <li key={a.id}>{a.caption}</li>
            ))}
          </ol>
        )}
      </figcaption>
    </figure>
  );
}
