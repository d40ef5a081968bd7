import { Gzip, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReplayMarker } from '../../../../utils/report/model-types';
import {
  decodeRecording,
  firstViewport,
  gunzipCapped,
  REPLAY_LIMITS,
  ReplayDataError,
  withMarkers,
  type ReplayEvent,
} from '../../../../utils/report/replay-events';
import { chunkKey, type RecordingPart } from '../../../../utils/report/visit-data';

const T0 = Date.UTC(2026, 10, 24, 9, 30);

const part = (over: Partial<RecordingPart> = {}): RecordingPart => ({
  visitId: 'v1',
  pageId: 'p1',
  seq: 0,
  count: 1,
  firstTs: T0,
  lastTs: T0,
  ...over,
});

const bytes = (text: string) => new TextEncoder().encode(text);
const gz = (value: unknown) => gzipSync(bytes(JSON.stringify(value)));
const ev = (type: number, timestamp: number, data: unknown = {}): ReplayEvent => ({ type, timestamp, data });

/** Chunks keyed as `decodeRecording` looks them up. */
const chunksOf = (entries: [pageId: string, seq: number, data: Uint8Array][]) =>
  new Map(entries.map(([pageId, seq, data]) => [chunkKey(pageId, seq), data]));

/** A gzip of `size` spaces, built from 1 MiB pieces so the test never holds the whole input. */
function gzipOfSpaces(size: number): Uint8Array {
  const out: Uint8Array[] = [];
  const gzip = new Gzip({ level: 1 }, (chunk) => out.push(chunk));
  const piece = new Uint8Array(1024 * 1024).fill(0x20);
  for (let left = size; left > 0; left -= piece.length) gzip.push(left >= piece.length ? piece : piece.subarray(0, left), false);
  gzip.push(new Uint8Array(0), true);
  const all = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  out.reduce((at, c) => (all.set(c, at), at + c.length), 0);
  return all;
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReplayDataError);
  return (error as ReplayDataError).code;
}

describe('gunzipCapped', () => {
  it.each([
    ['empty text', ''],
    ['a JSON array', '[{"type":4,"timestamp":1}]'],
    ['unicode', 'l’offre · 日本 · \u2028'],
    ['exactly the budget', 'x'.repeat(64)],
  ])('inflates %s', async (_, text) => {
    expect(new TextDecoder().decode(await gunzipCapped(gzipSync(bytes(text)), 64))).toBe(text);
  });

  it.each([
    ['one byte over the budget', 'x'.repeat(65), 64],
    ['far over the budget', ' '.repeat(100_000), 1024],
    ['anything, with a budget of zero', 'x', 0],
  ])('throws replay-too-large for %s', async (_, text, max) => {
    expect(await errorCode(gunzipCapped(gzipSync(bytes(text)), max))).toBe('replay-too-large');
  });

  const valid = gzipSync(bytes('[1,2,3]'));
  it.each([
    ['no bytes', new Uint8Array(0)],
    ['plain text', bytes('[1,2,3]')],
    ['a zip header', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
    ['a truncated gzip', valid.slice(0, valid.length - 6)],
    ['a corrupted gzip', valid.map((b, i) => (i > 10 && i < valid.length - 8 ? b ^ 0xff : b))],
  ])('throws replay-unreadable for %s', async (_, data) => {
    expect(await errorCode(gunzipCapped(data, 1024))).toBe('replay-unreadable');
  });
});

describe('decodeRecording', () => {
  it('decodes every page’s batches in recording order, and skips parts whose chunk is missing', async () => {
    const recording = [
      part({ pageId: 'p1', seq: 0 }),
      part({ pageId: 'p1', seq: 1 }),
      part({ pageId: 'p2', seq: 0 }),
      part({ pageId: 'p2', seq: 1 }),
    ];
    const chunks = chunksOf([
      ['p1', 0, gz([ev(3, T0 + 10)])],
      ['p1', 1, gz([ev(3, T0 + 20)])],
      // p2/0 is missing.
      ['p2', 1, gz([ev(3, T0 + 40)])],
      ['p9', 0, gz([ev(3, T0 + 50)])],
    ]);
    expect((await decodeRecording(recording, chunks)).map((e) => e.timestamp)).toEqual([T0 + 10, T0 + 20, T0 + 40]);
  });

  it('returns nothing for an empty recording', async () => {
    expect(await decodeRecording([], new Map())).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['a type above 6', { type: 9, timestamp: T0 }],
    ['a negative type', { type: -1, timestamp: T0 }],
    ['a fractional type', { type: 2.5, timestamp: T0 }],
    ['a type as a string', { type: '3', timestamp: T0 }],
    ['a missing timestamp', { type: 3, data: {} }],
    ['a timestamp as a string', { type: 3, timestamp: String(T0) }],
    ['a null timestamp', { type: 3, timestamp: null }],
    ['a string', 'event'],
    ['a number', 42],
    ['null', null],
    ['an array', [3, T0]],
  ])('drops %s and keeps the events around it', async (_, junk) => {
    const chunks = chunksOf([['p1', 0, gz([ev(3, T0 + 1, { a: 1 }), junk, ev(6, T0 + 2, { b: 2 })])]]);
    expect(await decodeRecording([part()], chunks)).toEqual([ev(3, T0 + 1, { a: 1 }), ev(6, T0 + 2, { b: 2 })]);
  });

  it('keeps only type, timestamp and data of an event', async () => {
    const chunks = chunksOf([['p1', 0, gz([{ type: 3, timestamp: T0, data: { x: 1 }, delay: 5, extra: 'drop me' }])]]);
    expect(await decodeRecording([part()], chunks)).toEqual([{ type: 3, timestamp: T0, data: { x: 1 } }]);
  });

  it.each([
    ['right after its Meta', 5, T0],
    ['at the same time as its Meta', 0, T0],
    ['4999 ms after its Meta', 4999, T0],
    ['5000 ms after its Meta', 5000, T0 + 5000],
    ['a minute after its Meta', 60_000, T0 + 60_000],
    ['before its Meta', -10, T0 - 10],
  ])('stamps a FullSnapshot %s with the right time', async (_, delay, expected) => {
    const chunks = chunksOf([['p1', 0, gz([ev(4, T0, { width: 1280, height: 800 }), ev(2, T0 + delay), ev(3, T0 + delay + 1)])]]);
    const [meta, snapshot, incremental] = await decodeRecording([part()], chunks);
    expect(meta?.timestamp).toBe(T0);
    expect(snapshot).toEqual(ev(2, expected));
    expect(incremental?.timestamp).toBe(T0 + delay + 1);
  });

  it('stamps each page’s FullSnapshot with that page’s own Meta', async () => {
    const recording = [part({ pageId: 'p1' }), part({ pageId: 'p2' })];
    const chunks = chunksOf([
      ['p1', 0, gz([ev(4, T0), ev(2, T0 + 30)])],
      ['p2', 0, gz([ev(4, T0 + 10_000), ev(2, T0 + 10_040)])],
    ]);
    expect((await decodeRecording(recording, chunks)).map((e) => [e.type, e.timestamp])).toEqual([
      [4, T0],
      [2, T0],
      [4, T0 + 10_000],
      [2, T0 + 10_000],
    ]);
  });

  it('leaves a FullSnapshot without a Meta before it in its batch as it is', async () => {
    const recording = [part({ seq: 0 }), part({ seq: 1 })];
    const chunks = chunksOf([
      ['p1', 0, gz([ev(4, T0)])],
      ['p1', 1, gz([ev(2, T0 + 20)])],
    ]);
    expect((await decodeRecording(recording, chunks)).map((e) => e.timestamp)).toEqual([T0, T0 + 20]);
  });

  it.each<[string, Uint8Array]>([
    ['bytes that are not gzip', bytes('[{"type":4,"timestamp":1}]')],
    ['a gzip of text that is not JSON', gzipSync(bytes('{"type": 4, "timestamp"'))],
    ['a gzip of a JSON object', gz({ type: 4, timestamp: T0 })],
    ['a gzip of a JSON string', gz('[]')],
    ['a gzip of JSON null', gz(null)],
    ['a gzip of invalid UTF-8', gzipSync(new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]))],
  ])('throws replay-unreadable for %s', async (_, data) => {
    expect(await errorCode(decodeRecording([part()], chunksOf([['p1', 0, data]])))).toBe('replay-unreadable');
  });

  it('throws replay-unreadable for a bad batch even after good ones', async () => {
    const recording = [part({ seq: 0 }), part({ seq: 1 })];
    const chunks = chunksOf([
      ['p1', 0, gz([ev(4, T0)])],
      ['p1', 1, bytes('nope')],
    ]);
    expect(await errorCode(decodeRecording(recording, chunks))).toBe('replay-unreadable');
  });

  it('throws replay-too-large for a batch that inflates past the batch budget', async () => {
    const bomb = gzipOfSpaces(REPLAY_LIMITS.batchBytes + 1);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await errorCode(decodeRecording([part()], chunksOf([['p1', 0, bomb]])))).toBe('replay-too-large');
  });
});

describe('withMarkers', () => {
  const recording = [part({ pageId: 'p1', firstTs: T0, lastTs: T0 + 9000 }), part({ pageId: 'p2', firstTs: T0 + 10_000, lastTs: T0 + 20_000 })];
  const marker = (at: number, kind: ReplayMarker['kind'], label: string): ReplayMarker => ({ at, kind, label, refId: `${kind}-${at}` });

  it('adds each marker as a custom event at the timeline start + its time', () => {
    const events = [ev(4, T0), ev(2, T0)];
    const result = withMarkers(events, recording, [marker(1500, 'note', 'Filtres perdus'), marker(0, 'page', 'Accueil')]);
    expect(result.filter((e) => e.type === 5)).toEqual([
      ev(5, T0, { tag: 'page', payload: { label: 'Accueil' } }),
      ev(5, T0 + 1500, { tag: 'note', payload: { label: 'Filtres perdus' } }),
    ]);
  });

  it.each<ReplayMarker['kind']>(['page', 'answer', 'note', 'screenshot', 'signal', 'abandonment'])('tags a %s marker with its kind', (kind) => {
    const [, custom] = withMarkers([ev(4, T0)], recording, [marker(10, kind, 'x')]);
    expect(custom?.data).toEqual({ tag: kind, payload: { label: 'x' } });
  });

  it('sorts the result by timestamp', () => {
    const events = [ev(4, T0), ev(3, T0 + 5000), ev(4, T0 + 10_000), ev(3, T0 + 12_000)];
    const result = withMarkers(events, recording, [marker(11_000, 'signal', 's'), marker(2000, 'answer', 'a'), marker(20_000, 'abandonment', 'ab')]);
    const times = result.map((e) => e.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(result.map((e) => e.type)).toEqual([4, 5, 3, 4, 5, 3, 5]);
  });

  it('keeps the given order of events that share a timestamp, and puts markers after them', () => {
    const events = [ev(4, T0, 'meta'), ev(2, T0, 'snapshot'), ev(3, T0, 'first'), ev(3, T0, 'second')];
    const result = withMarkers(events, recording, [marker(0, 'page', 'Accueil'), marker(0, 'screenshot', 'Capture')]);
    expect(result.map((e) => (e.type === 5 ? (e.data as { tag: string }).tag : e.data))).toEqual([
      'meta',
      'snapshot',
      'first',
      'second',
      'page',
      'screenshot',
    ]);
  });

  it('sorts events that came out of order, keeping their relative order on ties', () => {
    const events = [ev(3, T0 + 20, 'b'), ev(3, T0 + 10, 'a'), ev(3, T0 + 20, 'c')];
    expect(withMarkers(events, recording, []).map((e) => e.data)).toEqual(['a', 'b', 'c']);
  });

  it('adds no markers when there are no events', () => {
    expect(withMarkers([], recording, [marker(0, 'page', 'Accueil')])).toEqual([]);
  });

  it('adds no markers when the recording has no events to start a timeline', () => {
    const events = [ev(4, T0)];
    expect(withMarkers(events, [part({ count: 0 })], [marker(0, 'page', 'Accueil')])).toEqual(events);
    expect(withMarkers(events, [], [marker(0, 'page', 'Accueil')])).toEqual(events);
  });

  it('does not change the events it is given', () => {
    const events = [ev(3, T0 + 20), ev(3, T0 + 10)];
    const copy = structuredClone(events);
    withMarkers(events, recording, [marker(5, 'note', 'n')]);
    expect(events).toEqual(copy);
  });
});

describe('firstViewport', () => {
  it.each<[string, ReplayEvent[], { width: number; height: number } | undefined]>([
    ['the first Meta event', [ev(3, 1), ev(4, 2, { width: 1280, height: 800 }), ev(4, 3, { width: 390, height: 844 })], { width: 1280, height: 800 }],
    ['no Meta event', [ev(2, 1), ev(3, 2)], undefined],
    ['no events', [], undefined],
    ['a Meta without a size', [ev(4, 1, { href: 'https://shop.example/' })], undefined],
    ['a Meta with the size as strings', [ev(4, 1, { width: '1280', height: '800' })], undefined],
    ['a Meta without a height', [ev(4, 1, { width: 1280 })], undefined],
    ['a Meta whose data is null', [ev(4, 1, null)], undefined],
    ['a first Meta without a size, even when a later one has one', [ev(4, 1, {}), ev(4, 2, { width: 1280, height: 800 })], undefined],
  ])('reads %s', (_, events, expected) => {
    expect(firstViewport(events)).toEqual(expected);
  });
});
