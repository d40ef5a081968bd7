import { keptSize } from '../../utils/assets/image-size';

/**
 * An image kept with a visit, in the service worker (no cost on the shop's page): decoded with
 * `createImageBitmap`, drawn at the size the page displayed it × the device pixel ratio (never
 * larger than it is) on an `OffscreenCanvas`, encoded as WebP. An SVG is kept as it came: it is
 * text, never decoded nor run here, and the replay shows it as an image, where its scripts do not
 * run. The original bytes are kept instead when they are already no larger than needed and no
 * heavier than the re-encoding (an animated GIF at its size keeps its animation), and when WebP
 * cannot be encoded, unless the original is a JPEG that must shrink (then JPEG, which has no
 * transparency to lose).
 */

export type KeptImage = { data: Uint8Array<ArrayBuffer>; mime: string; width?: number; height?: number };

const QUALITY = 0.85;

export async function keepImage(
  bytes: Uint8Array<ArrayBuffer>,
  mime: string,
  displayed: { width?: number | undefined; height?: number | undefined } | undefined,
  dpr: number,
): Promise<KeptImage | 'tracker'> {
  if (mime === 'image/svg+xml') return { data: bytes, mime };
  const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }));
  try {
    // A pixel hidden from the displayed-size test (shown by a style sheet, or not shown at all).
    if (bitmap.width <= 1 && bitmap.height <= 1) return 'tracker';
    const natural = { width: bitmap.width, height: bitmap.height };
    const target = keptSize(natural, displayed, dpr);
    const same = target.width === natural.width && target.height === natural.height;
    const original: KeptImage = { data: bytes, mime, ...natural };
    const canvas = new OffscreenCanvas(target.width, target.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return original;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, target.width, target.height);
    let blob = await canvas.convertToBlob({ type: 'image/webp', quality: QUALITY });
    if (blob.type !== 'image/webp') {
      if (same || mime !== 'image/jpeg') return original;
      blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
    }
    if (same && blob.size >= bytes.byteLength) return original;
    return { data: new Uint8Array(await blob.arrayBuffer()), mime: blob.type, ...target };
  } finally {
    bitmap.close();
  }
}
