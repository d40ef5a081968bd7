import { fold } from '../journey/page-facts';

/**
 * Text compared without case, accents, typographic quotes or spacing differences: how a step's
 * visible-text condition is matched against a page (in the page, by the capture script, and here).
 */
export function foldText(text: string): string {
  return fold(text).replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d\u00ab\u00bb]/g, '"').replace(/\s+/g, ' ').trim();
}
