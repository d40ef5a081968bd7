import { DEFAULT_BLOCK_SELECTORS, DEFAULT_MASK_SELECTORS, maskSensitiveText } from './privacy';

interface Options {
  maskSelectors: string[];
  blockSelectors: string[];
  typed: () => Iterable<string>;
  doc: Document;
}

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
 * rrweb's recording options: every input masked, hidden inputs and payment fields blocked, every
 * text node passed through our masking (identifiers, typed values, the evaluator's own selectors).
 */
export function rrwebOptions({ maskSelectors, blockSelectors, typed, doc }: Options) {
  const block = validSelectors([...DEFAULT_BLOCK_SELECTORS, ...blockSelectors], doc).join(',');
  const maskWhole = validSelectors([...DEFAULT_MASK_SELECTORS, ...maskSelectors], doc).join(',');
  return {
    maskAllInputs: true,
    maskInputOptions: { password: true, hidden: true } as Record<string, boolean>,
    maskInputFn: (text: string) => (text ? '********' : ''),
    maskTextSelector: '*',
    maskTextFn: (text: string, element: HTMLElement | null) => {
      try {
        return maskWhole && element?.closest(maskWhole) ? text.replace(/\S/g, '*') : maskSensitiveText(text, typed());
      } catch {
        return text.replace(/\S/g, '*'); // if in doubt, mask
      }
    },
    blockSelector: block,
    recordAfter: 'DOMContentLoaded' as const,
    sampling: { mousemove: 100, scroll: 150, media: 800, input: 'last' as const },
    slimDOMOptions: 'all' as const,
    inlineImages: false,
    collectFonts: false,
    recordCanvas: false,
    errorHandler: () => true,
  };
}
