import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64, gunzip, gzip, gzipText, toBase64 } from '../../../utils/recording/codec';

const gunzipText = async (data: Uint8Array) => new TextDecoder().decode(await gunzip(data));

describe('gzip', () => {
  it('round-trips bytes through a real gzip stream', async () => {
    const bytes = new Uint8Array(randomBytes(5000));
    const packed = await gzip(bytes);
    expect([packed[0], packed[1]]).toEqual([0x1f, 0x8b]); // the gzip magic number
    expect(await gunzip(packed)).toEqual(bytes);
  });

  it('round-trips nothing', async () => {
    expect(await gunzip(await gzip(new Uint8Array(0)))).toEqual(new Uint8Array(0));
  });

  it('shrinks repetitive events', async () => {
    const text = JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ type: 3, timestamp: 1_700_000_000_000 + i })));
    expect((await gzipText(text)).byteLength).toBeLessThan(text.length / 5);
  });

  it('rejects data that is not gzip', async () => {
    await expect(gunzip(new Uint8Array([1, 2, 3, 4]))).rejects.toThrow();
  });
});

describe('gzipText', () => {
  it.each([
    ['ASCII', '[{"type":2,"timestamp":1700000000000}]'],
    ['accents and symbols', 'Récapitulatif — 89,00 € · « Déjà vu » · naïve'],
    ['non-Latin scripts and emoji', '商品 カート корзина 🛒👟'],
    ['an empty string', ''],
  ])('round-trips %s', async (_, text) => {
    expect(await gunzipText(await gzipText(text))).toBe(text);
  });
});

describe('toBase64 / fromBase64', () => {
  it.each([
    [[], ''],
    [[0], 'AA=='],
    [[0xff, 0xfe], '//4='],
    [[77, 97, 110], 'TWFu'],
  ])('encodes %j as %j and back', (bytes, text) => {
    expect(toBase64(new Uint8Array(bytes))).toBe(text);
    expect(fromBase64(text)).toEqual(new Uint8Array(bytes));
  });

  it('matches Node for more than 100 KB of random bytes (several chunks)', () => {
    const bytes = new Uint8Array(randomBytes(150_001));
    const text = toBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(text)).toEqual(bytes);
  });

  it('encodes a view by its own bytes, not its whole buffer', () => {
    const view = new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4);
    expect(toBase64(view)).toBe(Buffer.from([1, 2, 3]).toString('base64'));
  });

  it('round-trips through gzip, as a batch travels', async () => {
    const json = JSON.stringify([{ type: 3, timestamp: 1_700_000_000_000, data: { text: 'Récap €' } }]);
    expect(await gunzipText(fromBase64(toBase64(await gzipText(json))))).toBe(json);
  });
});
