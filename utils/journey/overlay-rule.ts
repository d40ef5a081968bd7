/**
 * What counts as an overlay in the first seconds of a landing: an element laid over the page and
 * hiding it (a consent banner, a pop-up, a dialog), not the page's own layers (a hero banner's
 * text placed over its picture), not its frame (a sticky header, a menu the shopper opened). Pure:
 * the recorder gives it the elements and their computed styles.
 */

/** What the rule reads of an element's computed style (CSSStyleDeclaration's names). */
export interface BoxStyle {
  position: string;
  zIndex: string;
  transform?: string;
  filter?: string;
  perspective?: string;
  contain?: string;
  willChange?: string;
}

/** An element tree as the rule walks it. */
export interface OverlayTree<T> {
  style(node: T): BoxStyle;
  /** The parent element; none above the body (the body's and the root's boxes are the page itself). */
  parent(node: T): T | undefined;
}

/** An absolutely placed element directly against the page (no positioned ancestor) counts from this z-index. */
export const OVERLAY_Z_INDEX = 10;

const none = (value: string | undefined) => !value || value === 'none';

/** Whether an element with this style is the containing block of its absolutely placed descendants. */
export function containsAbsolute(style: BoxStyle): boolean {
  return (
    (style.position !== '' && style.position !== 'static') ||
    !none(style.transform) ||
    !none(style.filter) ||
    !none(style.perspective) ||
    /layout|paint|strict|content/.test(style.contain ?? '') ||
    /transform|perspective|filter/.test(style.willChange ?? '')
  );
}

/**
 * The rule "laid over the page" for one look at it, its verdicts kept (many points share their
 * ancestors): fixed to the viewport, or absolutely placed against the page's initial containing
 * block (at z-index ≥ 10) or against a box that is, or sits inside, one laid over the page (the
 * panel of a fixed consent banner, a menu under a fixed header). An absolute element whose
 * containing block sits in the page's flow (a hero section with `position: relative`, a sticky
 * header) is that box's own layer, whatever its z-index. Each element's style is asked for once.
 */
export function laidOverRule<T>(tree: OverlayTree<T>): (node: T) => boolean {
  const styles = new Map<T, BoxStyle>();
  const styleOf = (node: T) => {
    let style = styles.get(node);
    if (!style) {
      style = tree.style(node);
      styles.set(node, style);
    }
    return style;
  };
  const laid = new Map<T, boolean>();
  const within = new Map<T, boolean>();
  const inLayer = (node: T | undefined): boolean => {
    if (node === undefined) return false;
    let verdict = within.get(node);
    if (verdict === undefined) {
      verdict = isLaidOver(node) || inLayer(tree.parent(node));
      within.set(node, verdict);
    }
    return verdict;
  };
  const isLaidOver = (node: T): boolean => {
    let verdict = laid.get(node);
    if (verdict !== undefined) return verdict;
    const style = styleOf(node);
    verdict = style.position === 'fixed';
    if (style.position === 'absolute') {
      let block = tree.parent(node);
      while (block !== undefined && !containsAbsolute(styleOf(block))) block = tree.parent(block);
      verdict = block === undefined ? Number.parseInt(style.zIndex, 10) >= OVERLAY_Z_INDEX : inLayer(block);
    }
    laid.set(node, verdict);
    return verdict;
  };
  return isLaidOver;
}

/** ARIA roles of the site's frame: its navigation and the menus it opens. */
const FRAME_ROLES = new Set(['navigation', 'menu', 'menubar']);

/**
 * Part of the site's frame: its header, its navigation and menus, a disclosure opened (`<details
 * open>`). What such an element holds, even laid over the page (a mega menu, a menu drawer), is
 * the page's frame or the shopper's doing, not an overlay. Disclosures opened through
 * `aria-expanded` are told by the caller (they are named by their trigger, not by themselves).
 *
 * `role="banner"` (the header's landmark) frames what it holds, but not itself when it is the box
 * laid over the page (`cover`): WordPress's widespread Cookie Notice plugin gives its fixed bar
 * that role.
 */
export function isPageFrame(el: Pick<Element, 'localName' | 'getAttribute' | 'hasAttribute'>, cover = false): boolean {
  if (el.localName === 'header' || el.localName === 'nav') return true;
  if (el.localName === 'details' && el.hasAttribute('open')) return true;
  const role = (el.getAttribute('role') ?? '').trim().split(/\s+/)[0] ?? '';
  return FRAME_ROLES.has(role) || (role === 'banner' && !cover);
}

/**
 * The overlay at one point: the outermost element that `covers` on the path from the element on
 * top up to the body (the whole banner, not the button under the point), unless it, or one of
 * its ancestors, is the page's frame (`frames`). An element of the frame inside the overlay (a
 * dialog's own `<header>`) does not matter. `frames` is asked only once an overlay is found, and
 * told whether the element it asks about is that overlay.
 */
export function overlayOnPath<T>(path: Iterable<T>, covers: (node: T) => boolean, frames: (node: T, cover: boolean) => boolean): T | undefined {
  let cover: T | undefined;
  let framed = false;
  for (const node of path) {
    if (covers(node)) {
      cover = node;
      framed = frames(node, true);
    } else if (cover !== undefined && !framed) {
      framed = frames(node, false);
    }
  }
  return framed ? undefined : cover;
}
