/**
 * A short CSS selector naming an element for the evaluator and the replay: an id when the page
 * gives it one of its own, otherwise up to four levels of tag, classes and position among siblings
 * of the same tag. Short and readable rather than unique at any cost.
 */

/** Levels named at most, the element included. */
export const CSS_PATH_LEVELS = 4;

// Names that need no escaping; longer ones are usually generated and say nothing.
const PLAIN = /^-?[A-Za-z_][\w-]{0,39}$/;
const TAG = /^[A-Za-z][\w-]{0,39}$/;

/** One element's part of the path: `#id`, or `tag.class.class:nth-of-type(n)`. */
function part(el: Element): { text: string; anchored: boolean } {
  // An id is only worth naming when it is readable and the page (or shadow root) has it once.
  const root = el.getRootNode() as ParentNode;
  if (el.id && PLAIN.test(el.id) && root.querySelectorAll(`#${el.id}`).length === 1) return { text: `#${el.id}`, anchored: true };
  // Custom elements may have names a selector cannot hold unescaped.
  let text = TAG.test(el.localName) ? el.localName : '*';
  let classes = 0;
  for (const name of Array.from(el.classList)) {
    if (classes === 2) break;
    if (!PLAIN.test(name)) continue;
    text += `.${name}`;
    classes++;
  }
  const parent = el.parentElement;
  if (parent) {
    const same = Array.from(parent.children).filter((c) => c.localName === el.localName);
    if (same.length > 1) text += `:nth-of-type(${same.indexOf(el) + 1})`;
  }
  return { text, anchored: !parent };
}

/** The element's selector, from its nearest named ancestor or at most four levels up. */
export function cssPath(el: Element): string {
  const parts: string[] = [];
  for (let cur: Element | null = el; cur && parts.length < CSS_PATH_LEVELS; cur = cur.parentElement) {
    const { text, anchored } = part(cur);
    parts.unshift(text);
    if (anchored || cur.localName === 'body') break;
  }
  return parts.join(' > ').slice(0, 500);
}
