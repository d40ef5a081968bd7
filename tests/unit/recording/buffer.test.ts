import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, EventBuffer, FULL_SNAPSHOT } from '../../../utils/recording/buffer';

/** rrweb's Meta event type. */
const META = 4;

const policy = { intervalMs: 1000, maxEvents: 3, maxChars: 100 };
const event = (type: number, timestamp: number) => JSON.stringify({ type, timestamp, data: {} });

describe('EventBuffer.push', () => {
  it('asks for a flush at once on a full snapshot', () => {
    const buffer = new EventBuffer(policy);
    expect(buffer.push(META, 1, event(META, 1))).toBe(false);
    expect(buffer.push(FULL_SNAPSHOT, 2, event(FULL_SNAPSHOT, 2))).toBe(true);
  });

  it('asks for a flush when maxEvents events are buffered', () => {
    const buffer = new EventBuffer(policy);
    expect([1, 2, 3].map((t) => buffer.push(3, t, '{}'))).toEqual([false, false, true]);
  });

  it('asks for a flush when maxChars characters are buffered', () => {
    const buffer = new EventBuffer(policy);
    expect(buffer.push(3, 1, 'x'.repeat(60))).toBe(false);
    expect(buffer.push(3, 2, 'x'.repeat(40))).toBe(true);
  });

  it('counts from zero again after a take', () => {
    const buffer = new EventBuffer(policy);
    [1, 2].forEach((t) => buffer.push(3, t, '{}'));
    buffer.take('p');
    expect([3, 4].map((t) => buffer.push(3, t, '{}'))).toEqual([false, false]);
    expect(buffer.size).toBe(2);
  });

  it('uses the default policy', () => {
    const buffer = new EventBuffer();
    expect(buffer.policy).toEqual(DEFAULT_POLICY);
    for (let i = 1; i < DEFAULT_POLICY.maxEvents; i++) expect(buffer.push(3, i, '{}')).toBe(false);
    expect(buffer.push(3, 0, '{}')).toBe(true);
  });
});

describe('EventBuffer.take', () => {
  it('returns a JSON array of the pushed events with their count and time span', () => {
    const buffer = new EventBuffer(policy);
    const events = [
      { type: META, timestamp: 1000, data: { href: 'https://shop.example/' } },
      { type: 3, timestamp: 1010, data: { source: 1 } },
    ];
    for (const e of events) buffer.push(e.type, e.timestamp, JSON.stringify(e));
    const batch = buffer.take('page-1');
    expect(batch).toMatchObject({ pageId: 'page-1', seq: 0, count: 2, firstTs: 1000, lastTs: 1010 });
    expect(JSON.parse(batch!.json)).toEqual(events);
  });

  it('returns undefined when nothing is buffered', () => {
    const buffer = new EventBuffer(policy);
    expect(buffer.take('page-1')).toBeUndefined();
    buffer.push(3, 1, '{}');
    buffer.take('page-1');
    expect(buffer.take('page-1')).toBeUndefined();
  });

  it('numbers the batches of a page from 0, contiguously, and each page on its own', () => {
    const buffer = new EventBuffer(policy);
    const seqs: Array<[string, number | undefined]> = [];
    for (const pageId of ['a', 'a', 'b', 'a', 'b', 'c']) {
      buffer.push(3, 1, '{}');
      seqs.push([pageId, buffer.take(pageId)?.seq]);
    }
    expect(seqs).toEqual([
      ['a', 0],
      ['a', 1],
      ['b', 0],
      ['a', 2],
      ['b', 1],
      ['c', 0],
    ]);
  });

  it('does not spend a sequence number on an empty take', () => {
    const buffer = new EventBuffer(policy);
    buffer.take('a');
    buffer.push(3, 1, '{}');
    expect(buffer.take('a')?.seq).toBe(0);
  });

  it('starts each batch with the first timestamp pushed after the previous take', () => {
    const buffer = new EventBuffer(policy);
    buffer.push(3, 10, '{}');
    buffer.take('a');
    buffer.push(3, 20, '{}');
    buffer.push(3, 30, '{}');
    expect(buffer.take('a')).toMatchObject({ firstTs: 20, lastTs: 30, count: 2, json: '[{},{}]' });
  });
});

describe('EventBuffer.clear', () => {
  it('drops what is buffered, and the size limits count from zero', () => {
    const buffer = new EventBuffer(policy);
    buffer.push(3, 1, 'x'.repeat(90));
    buffer.push(3, 2, '{}');
    buffer.clear();
    expect(buffer.size).toBe(0);
    expect(buffer.take('a')).toBeUndefined();
    expect(buffer.push(3, 3, 'x'.repeat(90))).toBe(false);
  });

  it('keeps the sequence numbers of pages', () => {
    const buffer = new EventBuffer(policy);
    buffer.push(3, 1, '{}');
    buffer.take('a');
    buffer.push(3, 2, '{}');
    buffer.clear();
    buffer.push(3, 3, '{}');
    expect(buffer.take('a')?.seq).toBe(1);
  });
});
