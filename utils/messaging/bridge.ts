import { z } from 'zod';

/**
 * The channel between the main-world recorder (rrweb must run in the page's own world to see
 * `insertRule`, `attachShadow` and `adoptedStyleSheets`) and the isolated-world relay that holds the
 * extension APIs. The main world can be read and forged by the page, so everything that crosses is
 * parsed and treated as untrusted data.
 *
 * These zod schemas declare the messages. The content scripts parse them with the small guards of
 * `bridge-guards.ts` instead (zod would add 19 KB to each content script, past the size budget);
 * unit tests hold each guard to its schema.
 */

import { MAX_ERROR_MESSAGE_CHARS, MAX_ERROR_SOURCE_CHARS, MAX_EVENT_CHARS, MAX_URL_CHARS } from './bridge-guards';

/** What the main world may send through the channel. */
export const mainMessageSchema = z.discriminatedUnion('k', [
  z.object({
    k: z.literal('event'),
    type: z.number().int().min(0).max(6),
    timestamp: z.number(),
    json: z.string().max(MAX_EVENT_CHARS),
  }),
  /** An uncaught error or unhandled rejection of the page's scripts, for the friction detectors. */
  z.object({
    k: z.literal('error'),
    error: z.enum(['error', 'rejection']),
    message: z.string().max(MAX_ERROR_MESSAGE_CHARS),
    source: z.string().max(MAX_ERROR_SOURCE_CHARS).optional(),
    line: z.number().int().nonnegative().optional(),
    column: z.number().int().nonnegative().optional(),
    /** Epoch ms. */
    t: z.number(),
  }),
]);
export type MainChannelMessage = z.infer<typeof mainMessageSchema>;

/** A client-side route change, seen by the relay itself (the Navigation API), never by the main world. */
export const routeMessageSchema = z.object({
  k: z.literal('route'),
  url: z.string().max(MAX_URL_CHARS),
  /** ms from the history call to the next paint. */
  toPaint: z.number().min(0).max(600_000),
});
/** What the relay's page session takes in: the channel's messages and its own route changes. */
export type MainMessage = MainChannelMessage | z.infer<typeof routeMessageSchema>;

export const relayMessageSchema = z.discriminatedUnion('k', [
  z.object({
    k: z.literal('start'),
    maskSelectors: z.array(z.string()),
    blockSelectors: z.array(z.string()),
    /** Coarser sampling: the page was too busy to record in full (`utils/recording/pressure.ts`). */
    lite: z.literal(true).optional(),
  }),
  z.object({ k: z.literal('stop') }),
  /** A new full snapshot: a route began, or events were dropped and the replay needs a fresh start. */
  z.object({ k: z.literal('snapshot') }),
]);
export type RelayMessage = z.infer<typeof relayMessageSchema>;

/** Background to relay: the visit's state changed. */
export const recorderControlSchema = z.object({
  type: z.literal('recorder/control'),
  visitId: z.string(),
  state: z.enum(['recording', 'paused', 'ended']),
});
export type RecorderControl = z.infer<typeof recorderControlSchema>;

/**
 * Background to relay, as the visit stops: hand over everything held now, and answer how many
 * messages still wait (0 when all was acknowledged within the wait).
 */
export const recorderCollectSchema = z.object({ type: z.literal('recorder/collect'), visitId: z.string(), waitMs: z.number().int().positive().max(30_000) });
export type RecorderCollect = z.infer<typeof recorderCollectSchema>;
