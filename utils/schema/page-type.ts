import { z } from 'zod';

/** The kinds of page a shopper meets, in funnel order where they have one. */
export const PAGE_TYPES = [
  'home',
  'listing',
  'search',
  'product',
  'cart',
  'checkout',
  'payment',
  'confirmation',
  'account',
  'contact',
  'other',
] as const;

export const pageTypeSchema = z.enum(PAGE_TYPES);
export type PageType = z.infer<typeof pageTypeSchema>;
