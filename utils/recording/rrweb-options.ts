import { DEFAULT_BLOCK_SELECTORS, DEFAULT_MASK_SELECTORS } from './privacy';

interface Options {
  maskSelectors: string[];
  blockSelectors: string[];
  doc: Document;
  /** Coarser sampling, for a page too busy to record in full (`pressure.ts`, step 1). */
  lite?: boolean;
}

/** Sampling in full, and at step 1 of the degradation ladder: mouse and scroll far less often. */
const SAMPLING = { mousemove: 100, scroll: 150, media: 800, input: 'last' as const };
const LITE_SAMPLING = { mousemove: 1000, scroll: 1000, media: 2000, input: 'last' as const };

/**
 * Keeps the selectors that parse on their own *and* inside a list: `a[href` parses alone (the end of
 * the text closes the bracket) but, joined to the others with commas, it would break the whole list,
 * and rrweb would then block nothing at all. One bad line in the settings must never do that.
 */
export function validSelectors(selectors: readonly string[], doc: Document): string[] {
  const probe = doc.createDocumentFragment();
  const parses = (s: string) => {
    try {
      probe.querySelector(s);
      return true;
    } catch {
      return false;
    }
  };
  return selectors.filter((s) => parses(s) && parses(`:is(${s})`) && parses(`${s}, b`));
}

/**
 * rrweb's recording options: every input masked; hidden inputs, payment fields and the shop's
 * private zones blocked; the text of contenteditable regions, the shop's masked zones and the
 * evaluator's own selectors masked whole. The rest of the masking (identifiers, echoes of typed
 * values, addresses) is the privacy pass's, off the page, before anything is written.
 */
export function rrwebOptions({ maskSelectors, blockSelectors, doc, lite }: Options) {
  const block = validSelectors([...DEFAULT_BLOCK_SELECTORS, ...blockSelectors], doc).join(',');
  const maskWhole = validSelectors([...DEFAULT_MASK_SELECTORS, ...maskSelectors], doc).join(',');
  return {
    maskAllInputs: true,
    maskInputOptions: { password: true, hidden: true } as Record<string, boolean>,
    maskInputFn: (text: string) => (text ? '********' : ''),
    maskTextSelector: maskWhole,
    blockSelector: block,
    recordAfter: 'DOMContentLoaded' as const,
    sampling: lite ? LITE_SAMPLING : SAMPLING,
    slimDOMOptions: 'all' as const,
    inlineImages: false,
    collectFonts: false,
    recordCanvas: false,
    errorHandler: () => true,
  };
}
