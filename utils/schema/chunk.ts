import { z } from 'zod';

/**
 * A compressed batch of rrweb events of one page. Its key (visit, page, seq) makes a resend harmless:
 * writing the same batch twice leaves one record.
 */
export const chunkSchema = z.object({
  visitId: z.string().min(1),
  pageId: z.string().min(1),
  seq: z.number().int().nonnegative(),
  /** gzip of a JSON array of rrweb events. */
  data: z.instanceof(Uint8Array),
  count: z.number().int().nonnegative(),
  firstTs: z.number(),
  lastTs: z.number(),
});
export type Chunk = z.infer<typeof chunkSchema>;
