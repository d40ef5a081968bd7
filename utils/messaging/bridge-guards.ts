import type { MainChannelMessage, RecorderCollect, RecorderControl, RelayMessage } from './bridge';

/** Largest serialised event accepted (a full snapshot of a very large page). */
export const MAX_EVENT_CHARS = 32 * 1024 * 1024;
export const MAX_URL_CHARS = 8192;
/** Bounds of an error's message and script URL: those of the friction fact they become. */
export const MAX_ERROR_MESSAGE_CHARS = 300;
export const MAX_ERROR_SOURCE_CHARS = 500;

/**
 * Parsers for the messages declared in `bridge.ts`, small enough for content scripts. Each returns
 * the message as declared, or undefined for anything else; unit tests hold them to the schemas.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown, max = Infinity): v is string => typeof v === 'string' && v.length <= max;
/** A non-negative safe integer, as zod's `int().nonnegative()` takes it. */
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isStrArray = (v: unknown): v is string[] => {
  if (!Array.isArray(v)) return false;
  // A for loop, not every(): every() skips the holes of a sparse array.
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
};

export function parseMainMessage(v: unknown): MainChannelMessage | undefined {
  if (!isObj(v)) return undefined;
  if (v.k === 'event') {
    const { type, timestamp, json } = v;
    if (isNum(type) && Number.isInteger(type) && type >= 0 && type <= 6 && isNum(timestamp) && isStr(json, MAX_EVENT_CHARS)) {
      return { k: 'event', type, timestamp, json };
    }
  } else if (v.k === 'error') {
    const { error, message, source, line, column, t } = v;
    // An optional field may be absent or undefined; either way it is copied as it came, like zod.
    if (
      (error === 'error' || error === 'rejection') &&
      isStr(message, MAX_ERROR_MESSAGE_CHARS) &&
      isNum(t) &&
      (source === undefined || isStr(source, MAX_ERROR_SOURCE_CHARS)) &&
      (line === undefined || isCount(line)) &&
      (column === undefined || isCount(column))
    ) {
      return {
        k: 'error',
        error,
        message,
        t,
        ...('source' in v ? { source } : {}),
        ...('line' in v ? { line } : {}),
        ...('column' in v ? { column } : {}),
      };
    }
  }
  return undefined;
}

export function parseRelayMessage(v: unknown): RelayMessage | undefined {
  if (!isObj(v)) return undefined;
  if (v.k === 'stop') return { k: 'stop' };
  if (v.k === 'snapshot') return { k: 'snapshot' };
  if (v.k === 'start' && isStrArray(v.maskSelectors) && isStrArray(v.blockSelectors) && (v.lite === undefined || v.lite === true)) {
    return { k: 'start', maskSelectors: v.maskSelectors, blockSelectors: v.blockSelectors, ...('lite' in v ? { lite: v.lite } : {}) };
  }
  return undefined;
}

export function parseRecorderControl(v: unknown): RecorderControl | undefined {
  if (!isObj(v) || v.type !== 'recorder/control' || !isStr(v.visitId)) return undefined;
  const state = v.state;
  return state === 'recording' || state === 'paused' || state === 'ended'
    ? { type: 'recorder/control', visitId: v.visitId, state }
    : undefined;
}

/** The background's "hand over what you hold" as the visit stops (hand-written, like the control). */
export function parseRecorderCollect(v: unknown): RecorderCollect | undefined {
  if (!isObj(v) || v.type !== 'recorder/collect' || !isStr(v.visitId)) return undefined;
  const waitMs = v.waitMs;
  return typeof waitMs === 'number' && Number.isInteger(waitMs) && waitMs > 0 && waitMs <= 30_000
    ? { type: 'recorder/collect', visitId: v.visitId, waitMs }
    : undefined;
}

/** Parses an event's JSON and checks it is an rrweb event whose envelope matches what was declared. */
export function parseEventJson(json: string, type: number, timestamp: number): boolean {
  return eventOfJson(json, type, timestamp) !== undefined;
}

/** The event parsed by `parseEventJson`, or undefined when it is none. */
export function eventOfJson(json: string, type: number, timestamp: number): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return isObj(value) && value.type === type && value.timestamp === timestamp ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The DOM changes an rrweb mutation event carries (added or removed nodes, text and attribute
 * changes); 0 for others. A node replaced by another (an element's `textContent` set: its text node
 * removed, a new one added) is one change, not two.
 */
export function changesOf(event: Record<string, unknown>): number {
  const data = event.data;
  if (event.type !== 3 || !isObj(data) || data.source !== 0) return 0;
  const n = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  return Math.max(n(data.adds), n(data.removes)) + n(data.texts) + n(data.attributes);
}

/** Background to relay: "a visit concerns this page now", answered `true` by a running relay. */
export const WAKE = 'recorder/wake';
export function isWake(v: unknown): boolean {
  return isObj(v) && v.type === WAKE;
}
