import { foldText } from '../../utils/mission/fold-text';
import { privateZones } from '../../utils/recording/privacy';
import type { TextsRequest } from '../../utils/messaging/capture-page';

/** Elements whose text is never shown, or is what a person types (read nowhere, as in screenshots). */
const UNSHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'TEXTAREA', 'SELECT', 'OPTION']);

/**
 * Which of `request.texts` (folded) the page shows now: the text of its rendered elements, outside
 * what the recorder masks or blocks (editable zones, payment fields, the shop's own markers, the
 * evaluator's and the mission's rules) and outside form fields, folded the same way. Only indices
 * are returned; the page's text stays here.
 */
export function textsShown(doc: Document, request: Pick<TextsRequest, 'texts' | 'maskSelectors' | 'blockSelectors'>): number[] {
  // The recorder's own lists (editable zones, payment fields and frames, the shop's markers) and the visit's.
  const hidden = privateZones(doc, request);
  const verdicts = new Map<Element, boolean>();
  /** Whether an element's text can be seen: rendered, and in no private zone. */
  const shows = (el: Element): boolean => {
    const known = verdicts.get(el);
    if (known !== undefined) return known;
    let ok = !UNSHOWN.has(el.tagName) && !el.hasAttribute('hidden') && !(hidden && el.matches(hidden));
    if (ok && typeof (el as HTMLElement).checkVisibility === 'function') ok = (el as HTMLElement).checkVisibility({ visibilityProperty: true });
    if (ok && el.parentElement) ok = shows(el.parentElement);
    verdicts.set(el, ok);
    return ok;
  };
  const parts: string[] = [];
  const root = doc.body ?? doc.documentElement;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue;
    if (!text || !text.trim() || !node.parentElement || !shows(node.parentElement)) continue;
    parts.push(text);
  }
  const page = foldText(parts.join(' '));
  return request.texts.flatMap((text, i) => (page.includes(text) ? [i] : []));
}
