import { describe, expect, it } from 'vitest';
import {
  MAX_RECTS,
  MAX_SELECTORS,
  parseCaptureReply,
  parseCaptureRequest,
  parseMeasurement,
  parseScrollPosition,
} from '../../../utils/messaging/capture-page';

const measurement = {
  rects: [{ x: -2, y: 10.5, width: 100, height: 0 }],
  scrollX: 0,
  scrollY: 1200,
  viewportWidth: 1280,
  viewportHeight: 800,
  scrollHeight: 5000,
  dpr: 2,
};

describe('parseCaptureRequest', () => {
  it.each([
    { type: 'capture/measure', maskSelectors: [], blockSelectors: ['.card'], typed: ['Maëlys Quenouillard'], search: ['lampe'] },
    { type: 'capture/scroll', y: 800 },
    { type: 'capture/scroll', y: -1.5 },
    { type: 'capture/restore', x: 0, y: 1234.5 },
  ])('accepts %j as it is', (request) => {
    expect(parseCaptureRequest(request)).toEqual(request);
  });

  it('keeps only the declared fields', () => {
    expect(parseCaptureRequest({ type: 'capture/scroll', y: 1, evil: true })).toEqual({ type: 'capture/scroll', y: 1 });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['an array', [{ type: 'capture/scroll', y: 1 }]],
    ['another type', { type: 'recorder/wake' }],
    ['measure without selectors', { type: 'capture/measure', maskSelectors: [] }],
    ['a selector that is not a string', { type: 'capture/measure', maskSelectors: [1], blockSelectors: [], typed: [], search: [] }],
    ['a sparse selector list', { type: 'capture/measure', maskSelectors: new Array<string>(2), blockSelectors: [], typed: [], search: [] }],
    ['too many selectors', { type: 'capture/measure', maskSelectors: Array<string>(MAX_SELECTORS + 1).fill('a'), blockSelectors: [], typed: [], search: [] }],
    ['a huge selector', { type: 'capture/measure', maskSelectors: ['a'.repeat(1001)], blockSelectors: [], typed: [], search: [] }],
    ['measure without typed values', { type: 'capture/measure', maskSelectors: [], blockSelectors: [] }],
    ['a typed value that is not a string', { type: 'capture/measure', maskSelectors: [], blockSelectors: [], typed: [3] }],
    ['scroll to NaN', { type: 'capture/scroll', y: NaN }],
    ['scroll to Infinity', { type: 'capture/scroll', y: Infinity }],
    ['scroll to a string', { type: 'capture/scroll', y: '800' }],
    ['restore without x', { type: 'capture/restore', y: 0 }],
  ])('refuses %s', (_label, value) => {
    expect(parseCaptureRequest(value)).toBeUndefined();
  });
});

describe('parseMeasurement', () => {
  it('accepts a measurement and copies it', () => {
    const parsed = parseMeasurement({ ...measurement, extra: 1 });
    expect(parsed).toEqual(measurement);
    expect(parsed?.rects[0]).not.toBe(measurement.rects[0]);
  });

  it.each([
    ['no rects', { ...measurement, rects: undefined }],
    ['a rect with a negative width', { ...measurement, rects: [{ x: 0, y: 0, width: -1, height: 1 }] }],
    ['a rect with NaN', { ...measurement, rects: [{ x: NaN, y: 0, width: 1, height: 1 }] }],
    ['a rect that is not an object', { ...measurement, rects: [null] }],
    ['too many rects', { ...measurement, rects: Array.from({ length: MAX_RECTS + 1 }, () => ({ x: 0, y: 0, width: 1, height: 1 })) }],
    ['a zero viewport', { ...measurement, viewportWidth: 0 }],
    ['a negative page height', { ...measurement, scrollHeight: -1 }],
    ['a zero pixel ratio', { ...measurement, dpr: 0 }],
    ['no scroll position', { ...measurement, scrollY: undefined }],
  ])('refuses %s', (_label, value) => {
    expect(parseMeasurement(value)).toBeUndefined();
  });
});

describe('parseCaptureReply', () => {
  it('checks the value of a success', () => {
    expect(parseCaptureReply({ ok: true, value: { scrollY: 3 } }, parseScrollPosition)).toEqual({ ok: true, value: { scrollY: 3 } });
    expect(parseCaptureReply({ ok: true, value: { scrollY: 'x' } }, parseScrollPosition)).toBeUndefined();
    expect(parseCaptureReply({ ok: true, value: measurement }, parseMeasurement)).toEqual({ ok: true, value: measurement });
  });

  it('passes an error on', () => {
    expect(parseCaptureReply({ ok: false, error: 'capture-failed', detail: 'boom' }, parseScrollPosition)).toEqual({
      ok: false,
      error: 'capture-failed',
      detail: 'boom',
    });
    expect(parseCaptureReply({ ok: false, error: 'capture-failed', detail: 3 }, parseScrollPosition)).toEqual({ ok: false, error: 'capture-failed' });
  });

  it.each([
    ['no answer', undefined],
    ['a bare true (the wake answer)', true],
    ['ok missing', { value: { scrollY: 1 } }],
    ['an error without a code', { ok: false }],
  ])('refuses %s', (_label, value) => {
    expect(parseCaptureReply(value, parseScrollPosition)).toBeUndefined();
  });
});
