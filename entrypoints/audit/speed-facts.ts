import { SPEED_FACT_LIMITS, bareUrl } from '../../utils/messaging/audit-page';
import type { ImageFact, ResourceFact, SpeedFacts } from '../../utils/audit/schema';
import { navigationBreakdown } from '../../utils/recording/timing';

/** Fields Chromium adds to Resource Timing that TypeScript's DOM types may lack. */
type Extras = { renderBlockingStatus?: unknown; contentType?: unknown };

const size = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

function resourceFact(e: PerformanceResourceTiming & Extras): ResourceFact {
  const { renderBlockingStatus: blocking, contentType } = e;
  return {
    name: bareUrl(e.name),
    initiatorType: e.initiatorType.slice(0, SPEED_FACT_LIMITS.initiatorChars),
    transferSize: size(e.transferSize),
    encodedBodySize: size(e.encodedBodySize),
    decodedBodySize: size(e.decodedBodySize),
    ...(typeof blocking === 'string' && blocking ? { renderBlockingStatus: blocking.slice(0, 20) } : {}),
    ...(typeof contentType === 'string' && contentType ? { contentType: contentType.slice(0, SPEED_FACT_LIMITS.contentTypeChars) } : {}),
  };
}

/** Loaded, laid-out images with their file's size and their size on screen (CSS pixels). */
function imageFacts(doc: Document): ImageFact[] {
  const out: ImageFact[] = [];
  for (const img of Array.from(doc.images)) {
    if (out.length >= SPEED_FACT_LIMITS.images) break;
    const src = img.currentSrc || img.src;
    if (!src || !img.complete || img.naturalWidth === 0) continue;
    const box = img.getBoundingClientRect();
    out.push({
      src: bareUrl(src),
      naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight,
      shownWidth: Math.max(0, box.width),
      shownHeight: Math.max(0, box.height),
    });
  }
  return out;
}

/**
 * What the page knows about its own load: Navigation and Resource Timing (addresses without query
 * strings), its images, the pixel ratio. Vitals are the recorder's: the background adds them.
 */
export function collectSpeedFacts(win: Window): SpeedFacts {
  const perf = win.performance;
  const nav = perf.getEntriesByType('navigation')[0];
  const loaded = perf.getEntriesByType('resource');
  const entries = (nav ? [nav, ...loaded] : loaded).slice(0, SPEED_FACT_LIMITS.resources);
  const dpr = win.devicePixelRatio;
  return {
    url: bareUrl(win.location.href),
    vitals: {},
    ...(nav ? { timing: navigationBreakdown(nav) } : {}),
    resources: entries.map(resourceFact),
    images: imageFacts(win.document),
    dpr: Number.isFinite(dpr) && dpr > 0 ? Math.min(dpr, 20) : 1,
  };
}
