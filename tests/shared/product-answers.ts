/**
 * Five answers given on the demo shop's product page with the default e-commerce checklist; the
 * scoring unit test and the side-panel end-to-end test both use them, so the score shown in the
 * panel is the score the unit test expects.
 */
export const PRODUCT_ANSWERS = [
  { criterionId: 'D01', state: 'yes' },
  { criterionId: 'D03', state: 'yes' },
  { criterionId: 'D04', state: 'yes' },
  { criterionId: 'D05', state: 'no', comment: 'Aucun frais de livraison annoncé avant le panier.' },
  { criterionId: 'D10', state: 'yes' },
] as const;

/** D01 (w3) + D03 (w2) + D04 (w2) + D10 (w3) yes, D05 (w3) no: 10 / 13 in section D, the only one answered. */
export const PRODUCT_ANSWERS_SCORE = 76.9;
