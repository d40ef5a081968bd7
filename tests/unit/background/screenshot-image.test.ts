import { afterEach, describe, expect, it, vi } from 'vitest';
import { context, decode, encode, paint, ScreenshotError } from '../../../entrypoints/background/screenshot-image';
import { installFakeCanvas, text } from './fake-canvas';

/** A capture's pictures: decoded, painted over where the page must not show, encoded as JPEG. */

afterEach(() => vi.unstubAllGlobals());

describe('ScreenshotError', () => {
  it('carries its code, as its message unless told otherwise, and its cause', () => {
    const cause = new Error('boom');
    const plain = new ScreenshotError('tab-hidden');
    const told = new ScreenshotError('capture-failed', 'the tab is closed', { cause });
    expect([plain.code, plain.message, plain.name]).toEqual(['tab-hidden', 'tab-hidden', 'ScreenshotError']);
    expect([told.code, told.message, told.cause]).toEqual(['capture-failed', 'the tab is closed', cause]);
    expect(told).toBeInstanceOf(Error);
  });
});

describe('decode', () => {
  it('reads the PNG bytes of a data URL by hand and decodes them', async () => {
    const { decoded } = installFakeCanvas({ bitmap: { width: 10, height: 5 } });
    const bitmap = await decode(`data:image/png;base64,${btoa('\x89PNG')}`);
    expect([bitmap.width, bitmap.height]).toEqual([10, 5]);
    expect(decoded[0]?.type).toBe('image/png');
    expect([...new Uint8Array(await decoded[0]!.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});

describe('context', () => {
  it('is the canvas’s 2D context', () => {
    installFakeCanvas();
    expect(context(new OffscreenCanvas(10, 10))).toBeDefined();
  });

  it('fails the capture for a canvas too large to have one', () => {
    installFakeCanvas({ noContext: true });
    expect(() => context(new OffscreenCanvas(40_000, 10))).toThrow(expect.objectContaining({ code: 'capture-failed' }));
  });
});

describe('paint', () => {
  it('covers each box in grey, in image pixels, rounded outwards', () => {
    const { ops } = installFakeCanvas();
    const canvas = new OffscreenCanvas(100, 100);
    paint(context(canvas), [{ x: 10.4, y: 5, width: 20, height: 10.2 }, { x: 0, y: 0, width: 1, height: 1 }], 2);
    expect(ops).toEqual([
      { op: 'fillRect', canvas: 'canvas 100x100', fill: '#8a8a8a', x: 20, y: 10, width: 41, height: 21 },
      { op: 'fillRect', canvas: 'canvas 100x100', fill: '#8a8a8a', x: 0, y: 0, width: 2, height: 2 },
    ]);
  });
});

describe('encode', () => {
  it('makes a JPEG and a small JPEG thumbnail of the picture', async () => {
    const { ops } = installFakeCanvas();
    const shot = await encode(new OffscreenCanvas(1_280, 800), false);
    expect({ width: shot.width, height: shot.height, truncated: shot.truncated }).toEqual({ width: 1_280, height: 800, truncated: false });
    expect(text(shot.image)).toBe('image/jpeg 1280x800 q0.82');
    expect(text(shot.thumb)).toBe('image/jpeg 320x200 q0.7');
    expect(ops).toEqual([{ op: 'drawImage', canvas: 'canvas 320x200', source: 'canvas 1280x800', args: [0, 0, 1_280, 800, 0, 0, 320, 200] }]);
  });

  it('shows the top of a full page in its thumbnail, not the whole page squeezed', async () => {
    const { ops } = installFakeCanvas();
    const shot = await encode(new OffscreenCanvas(800, 6_000), true);
    expect(shot.truncated).toBe(true);
    expect(text(shot.thumb)).toBe('image/jpeg 320x480 q0.7');
    expect(ops[0]).toMatchObject({ op: 'drawImage', args: [0, 0, 800, 1_200, 0, 0, 320, 480] });
  });
});
