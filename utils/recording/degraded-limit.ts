/**
 * At most this many steps of the degradation ladder are kept per page (the first ones and the
 * latest). Apart from the page schema so that the recorder can read it without bundling zod.
 */
export const MAX_DEGRADED_STEPS = 40;
