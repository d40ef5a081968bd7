import { vi } from 'vitest';

/**
 * A fake of the worker's drawing APIs (Node has none): `OffscreenCanvas` whose 2D context logs what
 * is drawn, `convertToBlob` that names what it encodes, and `createImageBitmap` that decodes to a
 * bitmap of a set size. Enough to follow a screenshot from capture to JPEG without pixels.
 */

export type Op =
  | { op: 'fillRect'; canvas: string; fill: string; x: number; y: number; width: number; height: number }
  | { op: 'drawImage'; canvas: string; source: string; args: number[] };

export class FakeBitmap {
  closed = false;
  constructor(
    readonly width: number,
    readonly height: number,
    readonly name = `bitmap ${width}x${height}`,
  ) {}
  close(): void {
    this.closed = true;
  }
}

export function installFakeCanvas(o: { bitmap?: { width: number; height: number }; noContext?: boolean } = {}) {
  const ops: Op[] = [];
  const bitmaps: FakeBitmap[] = [];
  const decoded: Blob[] = [];

  class FakeContext {
    fillStyle = '#000000';
    imageSmoothingQuality = 'low';
    constructor(private readonly canvas: FakeOffscreenCanvas) {}
    fillRect(x: number, y: number, width: number, height: number) {
      ops.push({ op: 'fillRect', canvas: this.canvas.name, fill: this.fillStyle, x, y, width, height });
    }
    drawImage(source: { name: string }, ...args: number[]) {
      ops.push({ op: 'drawImage', canvas: this.canvas.name, source: source.name, args });
    }
  }

  class FakeOffscreenCanvas {
    constructor(
      readonly width: number,
      readonly height: number,
    ) {}
    get name() {
      return `canvas ${this.width}x${this.height}`;
    }
    getContext(kind: string) {
      return kind === '2d' && !o.noContext ? new FakeContext(this) : null;
    }
    convertToBlob(options: { type: string; quality: number }) {
      return Promise.resolve(new Blob([`${options.type} ${this.width}x${this.height} q${options.quality}`], { type: options.type }));
    }
  }

  vi.stubGlobal('OffscreenCanvas', FakeOffscreenCanvas);
  vi.stubGlobal(
    'createImageBitmap',
    vi.fn((blob: Blob) => {
      decoded.push(blob);
      const bitmap = new FakeBitmap(o.bitmap?.width ?? 800, o.bitmap?.height ?? 600);
      bitmaps.push(bitmap);
      return Promise.resolve(bitmap);
    }),
  );
  return { ops, bitmaps, decoded };
}

/** The text a fake JPEG holds. */
export const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
