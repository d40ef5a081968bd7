import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { mainMessageSchema, routeMessageSchema, recorderControlSchema, relayMessageSchema } from '../../../utils/messaging/bridge';
import {
  MAX_ERROR_MESSAGE_CHARS,
  MAX_ERROR_SOURCE_CHARS,
  MAX_EVENT_CHARS,
  MAX_URL_CHARS,
  changesOf,
  eventOfJson,
  parseEventJson,
  parseMainMessage,
  parseRecorderControl,
  parseRelayMessage,
} from '../../../utils/messaging/bridge-guards';

type Case = [label: string, value: unknown];

/** Values of every JSON-ish kind, valid or not for any field. */
const ODD_VALUES: Case[] = [
  ['undefined', undefined],
  ['null', null],
  ['true', true],
  ['0', 0],
  ['-0', -0],
  ['-1', -1],
  ['1.5', 1.5],
  ['2.0', 2.0],
  ['6', 6],
  ['7', 7],
  ['600000', 600_000],
  ['600000.5', 600_000.5],
  ['1e300', 1e300],
  ['unsafe integer', Number.MAX_SAFE_INTEGER + 2],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['empty string', ''],
  ['"2"', '2'],
  ['a string', 'x'],
  ['empty array', []],
  ['array of strings', ['a', 'b']],
  ['array with a number', ['a', 1]],
  ['array with null', [null]],
  ['object', {}],
  ['a Date', new Date(0)],
];

const NOT_OBJECTS: Case[] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 3],
  ['a string', 'event'],
  ['a boolean', false],
  ['an empty array', []],
  ['an array of a valid message', [{ k: 'stop' }]],
  ['a function', () => undefined],
];

/**
 * The base message, then each field missing, each field set to each of `values`, and an extra field:
 * many valid and invalid neighbours of a valid message.
 */
function around(base: Record<string, unknown>, values: Record<string, Case[]>): Case[] {
  const cases: Case[] = [['valid', base], ['with an extra field', { ...base, extra: 1 }]];
  for (const field of Object.keys(base)) {
    const { [field]: _removed, ...rest } = base;
    cases.push([`without ${field}`, rest]);
    for (const [label, value] of [...ODD_VALUES, ...(values[field] ?? [])]) {
      cases.push([`${field}: ${label}`, { ...base, [field]: value }]);
    }
  }
  return cases;
}

/** The cases where the guard does not answer what zod answers (none, when the guard holds). */
function disagreements<T>(parse: (v: unknown) => T | undefined, schema: ZodType<T>, cases: Case[]): string[] {
  return cases.flatMap(([label, value]) => {
    const expected = schema.safeParse(value);
    const got = parse(value);
    const agree = expected.success ? isDeepStrictEqual(got, expected.data) : got === undefined;
    return agree ? [] : [`${label}: zod ${expected.success ? 'accepts' : 'rejects'}, guard ${got ? 'accepts' : 'rejects'}`];
  });
}

const longStrings = (max: number): Case[] => [
  ['a string of the longest length', 'a'.repeat(max)],
  ['a string one too long', 'a'.repeat(max + 1)],
];

const sparse: string[] = [];
sparse[1] = 'a';
const selectorValues: Case[] = [
  ['array with undefined', ['a', undefined]],
  ['array of selectors', ['.price', '#card', 'input[name="x"]']],
];

const corpora = {
  event: around(
    { k: 'event', type: 3, timestamp: 1_700_000_000_000, json: '{"type":3}' },
    { json: longStrings(MAX_EVENT_CHARS), type: [['-0.5', -0.5], ['5.999', 5.999], ['1', 1]] },
  ),
  route: around(
    { k: 'route', url: 'https://shop.example/panier', toPaint: 12.5 },
    { url: longStrings(MAX_URL_CHARS), toPaint: [['600000.0001', 600_000.0001], ['-0.001', -0.001]] },
  ),
  error: around(
    { k: 'error', error: 'error', message: 'x is not a function', source: 'https://shop.example/app.js', line: 12, column: 7, t: 1_700_000_000_000 },
    {
      error: [['rejection', 'rejection'], ['Error', 'Error'], ['warning', 'warning']],
      message: longStrings(MAX_ERROR_MESSAGE_CHARS),
      source: longStrings(MAX_ERROR_SOURCE_CHARS),
      line: [['the largest safe integer', Number.MAX_SAFE_INTEGER], ['-0.5', -0.5]],
      column: [['the largest safe integer', Number.MAX_SAFE_INTEGER], ['-0.5', -0.5]],
      t: [['a fraction', 1_700_000_000_000.25]],
    },
  ),
  start: [
    ...around({ k: 'start', maskSelectors: ['.address'], blockSelectors: [] }, { maskSelectors: selectorValues, blockSelectors: selectorValues }),
    ...around({ k: 'start', maskSelectors: [], blockSelectors: [], lite: true }, { lite: [['false', false], ['"true"', 'true']] }),
  ] satisfies Case[],
  snapshot: [
    ...around({ k: 'snapshot' }, {}),
    ['snapshot inherited from the prototype', Object.create({ k: 'snapshot' }) as unknown],
    ['snapshot with a bad selectors field', { k: 'snapshot', blockSelectors: 'x' }],
  ] satisfies Case[],
  stop: [
    ...around({ k: 'stop' }, {}),
    ['stop with a bad selectors field', { k: 'stop', maskSelectors: 1 }],
    ['stop inherited from the prototype', Object.create({ k: 'stop' }) as unknown],
  ] satisfies Case[],
  control: around(
    { type: 'recorder/control', visitId: 'v-1', state: 'recording' },
    {
      state: [
        ['paused', 'paused'],
        ['ended', 'ended'],
        ['interrupted', 'interrupted'],
        ['Recording', 'Recording'],
      ],
      type: [['recorder/hello', 'recorder/hello']],
    },
  ),
};

const otherKinds: Case[] = [
  ['no kind', { type: 3, timestamp: 1, json: '{}', maskSelectors: [], blockSelectors: [] }],
  ['unknown kind', { k: 'evnt', type: 3, timestamp: 1, json: '{}' }],
  ['upper-case kind', { k: 'STOP' }],
  ['main kind', { k: 'event', type: 3, timestamp: 1, json: '{}' }],
  ['relay kind', { k: 'stop' }],
  ['control', { type: 'recorder/control', visitId: 'v', state: 'ended' }],
];

describe('the corpora', () => {
  it.each(Object.entries(corpora))('%s has 30+ cases, some valid, most not', (_, cases) => {
    const valid = cases.filter(([, v]) => [mainMessageSchema, routeMessageSchema, relayMessageSchema, recorderControlSchema].some((s) => s.safeParse(v).success));
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(valid.length).toBeGreaterThan(1);
    expect(valid.length).toBeLessThan(cases.length / 2);
  });
});

describe.each([
  ['parseMainMessage', parseMainMessage, mainMessageSchema, [corpora.event, corpora.route, corpora.error]],
  ['parseRelayMessage', parseRelayMessage, relayMessageSchema, [corpora.start, corpora.stop, corpora.snapshot]],
  ['parseRecorderControl', parseRecorderControl, recorderControlSchema, [corpora.control]],
] as const)('%s', (_, parse, schema, own) => {
  it('answers what its schema answers on its own messages', () => {
    expect(disagreements(parse, schema as ZodType<unknown>, own.flat())).toEqual([]);
  });

  it('answers what its schema answers on non-objects and other kinds', () => {
    expect(disagreements(parse, schema as ZodType<unknown>, [...NOT_OBJECTS, ...otherKinds])).toEqual([]);
  });

  it('answers what its schema answers on the other guards\' messages', () => {
    const all = Object.values(corpora).flat();
    expect(disagreements(parse, schema as ZodType<unknown>, all)).toEqual([]);
  });
});

describe('parseMainMessage', () => {
  it('returns a copy without extra fields', () => {
    expect(parseMainMessage({ k: 'event', type: 3, timestamp: 1, json: '{}', secret: 'x' })).toStrictEqual({ k: 'event', type: 3, timestamp: 1, json: '{}' });
  });

  it('refuses a route: the relay sees route changes itself, the main world never tells of them', () => {
    expect(parseMainMessage({ k: 'route', url: 'https://shop.example/panier', toPaint: 1 })).toBeUndefined();
  });

  it('keeps an error\'s missing fields missing, and undefined ones undefined, as its schema does', () => {
    const bare = { k: 'error', error: 'rejection', message: 'boom', t: 5 };
    expect(parseMainMessage(bare)).toStrictEqual(bare);
    expect(mainMessageSchema.parse(bare)).toStrictEqual(bare);
    const undefinedSource = { ...bare, source: undefined };
    expect(parseMainMessage(undefinedSource)).toStrictEqual(undefinedSource);
    expect(mainMessageSchema.parse(undefinedSource)).toStrictEqual(undefinedSource);
  });
});

describe('parseRelayMessage', () => {
  it('rejects a selector list with holes, as its schema does', () => {
    const message = { k: 'start', maskSelectors: sparse, blockSelectors: [] };
    expect(relayMessageSchema.safeParse(message).success).toBe(false);
    expect(parseRelayMessage(message)).toBeUndefined();
  });
});

describe('parseEventJson', () => {
  it.each([
    ['a matching event', '{"type":2,"timestamp":1700000000000,"data":{}}', true],
    ['another type', '{"type":3,"timestamp":1700000000000}', false],
    ['another timestamp', '{"type":2,"timestamp":1700000000001}', false],
    ['the type as a string', '{"type":"2","timestamp":1700000000000}', false],
    ['no timestamp', '{"type":2}', false],
    ['an array', '[{"type":2,"timestamp":1700000000000}]', false],
    ['null', 'null', false],
    ['a number', '2', false],
    ['broken JSON', '{"type":2,"timestamp":1700000000000', false],
    ['an empty string', '', false],
  ])('%s', (_, json, expected) => {
    expect(parseEventJson(json, 2, 1_700_000_000_000)).toBe(expected);
  });
});

describe('changesOf', () => {
  it('counts the DOM changes of a mutation event, and none for other events', () => {
    const mutation = { type: 3, timestamp: 1, data: { source: 0, adds: [{}, {}], removes: [{}], texts: [{}], attributes: [{}, {}, {}] } };
    expect(changesOf(eventOfJson(JSON.stringify(mutation), 3, 1)!)).toBe(6);
    // 300 texts replaced (each element's text node removed and a new one added): 300 changes.
    const replaced = { type: 3, timestamp: 1, data: { source: 0, adds: Array.from({ length: 300 }, () => ({})), removes: Array.from({ length: 300 }, () => ({})) } };
    expect(changesOf(replaced)).toBe(300);
    expect(changesOf({ type: 3, timestamp: 1, data: { source: 1, positions: [{}] } })).toBe(0);
    expect(changesOf({ type: 3, timestamp: 1, data: { source: 0, adds: 'forged' } })).toBe(0);
    expect(changesOf({ type: 2, timestamp: 1, data: {} })).toBe(0);
  });
});
