import { scaleRects, thumbSize, type Rect } from '../../utils/screenshots/geometry';

/** The pictures of a capture: decoded, painted over where the page must not show, encoded as JPEG. */

export type ScreenshotErrorCode = 'capture-failed' | 'no-recorder' | 'tab-hidden';

export class ScreenshotError extends Error {
  constructor(
    readonly code: ScreenshotErrorCode,
    message: string = code,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ScreenshotError';
  }
}

export type Shot = { image: Uint8Array<ArrayBuffer>; thumb: Uint8Array<ArrayBuffer>; width: number; height: number; truncated: boolean };

/** Mid-grey: it reads as "hidden" on light and dark pages alike. */
const HIDE_FILL = '#8a8a8a';

/** A PNG data URL to a bitmap, decoded by hand: no fetch, so no content-security rule applies. */
export async function decode(dataUrl: string): Promise<ImageBitmap> {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return createImageBitmap(new Blob([bytes], { type: 'image/png' }));
}

export function context(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  // A canvas too large for the memory at hand has no context.
  if (!ctx) throw new ScreenshotError('capture-failed', `no canvas of ${canvas.width}×${canvas.height}`);
  return ctx;
}

/** Opaque boxes over `rects` (CSS pixels), at `scale` image pixels per CSS pixel. */
export function paint(ctx: OffscreenCanvasRenderingContext2D, rects: readonly Rect[], scale: number): void {
  ctx.fillStyle = HIDE_FILL;
  for (const r of scaleRects(rects, scale)) ctx.fillRect(r.x, r.y, r.width, r.height);
}

export async function encode(canvas: OffscreenCanvas, truncated: boolean): Promise<Shot> {
  const t = thumbSize(canvas.width, canvas.height);
  const small = new OffscreenCanvas(t.width, t.height);
  const ctx = context(small);
  ctx.imageSmoothingQuality = 'high';
  // A full page's thumbnail shows its top, not the whole page squeezed into a sliver.
  ctx.drawImage(canvas, 0, 0, canvas.width, t.sourceHeight, 0, 0, t.width, t.height);
  return {
    image: await jpeg(canvas, 0.82),
    thumb: await jpeg(small, 0.7),
    width: canvas.width,
    height: canvas.height,
    truncated,
  };
}

async function jpeg(canvas: OffscreenCanvas, quality: number): Promise<Uint8Array<ArrayBuffer>> {
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  return new Uint8Array(await blob.arrayBuffer());
}
