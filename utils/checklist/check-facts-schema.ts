import { z } from 'zod';
import {
  CONTACT_MEANS,
  COOKIE_BANNER_STATES,
  DELIVERY_COSTS,
  PAYMENT_METHODS,
  type CheckFacts,
} from './check-facts';

/**
 * The zod schema of {@link CheckFacts}, for the background to parse what a content script sends.
 * Kept apart from the extractor so that the content script does not ship zod.
 */

const count = z.number().int().nonnegative().max(10_000);
const label = z.string().max(200);

export const checkFactsSchema = z.object({
  protocol: z.string().max(20),
  searchField: z.boolean(),
  pricesWithCurrency: count,
  pricesWithoutCurrency: count,
  ldCurrency: z.string().max(10),
  ldProduct: z.boolean(),
  ldAvailability: z.string().max(40),
  ldShippingDetails: z.boolean(),
  ldShippingRate: z.boolean(),
  deliveryCost: z.enum(DELIVERY_COSTS),
  deliveryAmount: z.string().max(40),
  imageCount: count,
  imagesWithoutAlt: count,
  lang: z.string().max(35),
  zoomBlock: z.string().max(40),
  cookieBanner: z.enum(COOKIE_BANNER_STATES),
  cookieRefuseLabel: label,
  guestOption: z.boolean(),
  passwordFields: count,
  passwordRequired: z.boolean(),
  breadcrumb: z.boolean(),
  homeLink: z.boolean(),
  hasTitle: z.boolean(),
  h1Count: count,
  fieldCount: count,
  unlabelledFields: count,
  checkoutSteps: z.boolean(),
  currentStep: z.number().int().min(0).max(99),
  stepCount: z.number().int().min(0).max(99),
  returnPolicyLink: z.boolean(),
  termsLink: z.boolean(),
  legalNoticeLink: z.boolean(),
  contactMeans: z.array(z.enum(CONTACT_MEANS)).max(CONTACT_MEANS.length),
  orderNumber: z.boolean(),
  paymentMethods: z.array(z.enum(PAYMENT_METHODS)).max(PAYMENT_METHODS.length),
  payButtonLabel: label,
  payButtonExplicit: z.boolean(),
}) satisfies z.ZodType<CheckFacts>;

// Both ways: a field added to CheckFacts but not here (or the reverse) fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameShape: Same<z.infer<typeof checkFactsSchema>, CheckFacts> = true;
