import { stars } from './identifiers';
import { isMarked } from './markers';
import { bareCssUrls } from './urls';

/**
 * The privacy pass over rrweb events (see `pass.ts`), by event type: the Meta's address; every text
 * node and attribute of a full snapshot and of each mutation; input values; style sheet rules'
 * addresses. Events of other types carry no page text and pass unchanged. rrweb's numbers are
 * written here rather than imported, so that the background does not load rrweb.
 */

/** What of the pass the events need. */
export interface EventMasks {
  text(text: string): string;
  url(url: string): string;
  attribute(name: string, value: string, tag: string): string;
}

const EVENT = { fullSnapshot: 2, incremental: 3, meta: 4, custom: 5 } as const;
const SOURCE = { mutation: 0, input: 5, styleSheetRule: 8, styleDeclaration: 13, adoptedStyleSheet: 15 } as const;
const NODE = { element: 2, text: 3, cdata: 4, comment: 5 } as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const str = (v: unknown): v is string => typeof v === 'string';
const isList = (v: unknown): v is unknown[] => Array.isArray(v);
/** Text that is a style sheet (a mutation does not say whether its node sits in a `<style>`). */
const looksLikeCss = (text: string) => /[{}]/.test(text) && /:[^/]/.test(text) && !/<\w/.test(text);

export function maskEvents(events: unknown[], m: EventMasks): unknown[] {
  return events.map((e) => maskEvent(e, m));
}

function maskEvent(event: unknown, m: EventMasks): unknown {
  if (!isObj(event) || !isObj(event.data)) return event;
  const data = event.data;
  switch (event.type) {
    case EVENT.meta:
      return str(data.href) ? { ...event, data: { ...data, href: m.url(data.href) } } : event;
    case EVENT.fullSnapshot:
      return { ...event, data: { ...data, node: maskNode(data.node, m, '', false) } };
    case EVENT.incremental:
      return { ...event, data: maskIncremental(data, m) };
    case EVENT.custom:
      return { ...event, data: maskAny(data, m) };
    default:
      return event;
  }
}

/**
 * A serialised node and its children; `parentTag` tells whether a text node is a style sheet, and
 * `marked` whether it sits in an element the shop marked private (all its text is masked).
 */
function maskNode(node: unknown, m: EventMasks, parentTag: string, marked: boolean): unknown {
  if (!isObj(node)) return node;
  switch (node.type) {
    case NODE.element: {
      const tag = str(node.tagName) ? node.tagName.toLowerCase() : '';
      const out: Obj = { ...node };
      const inMarked = marked || (isObj(node.attributes) && isMarked(node.attributes));
      if (isObj(node.attributes)) out.attributes = maskAttributes(node.attributes, tag, m, inMarked);
      if (isList(node.childNodes)) out.childNodes = node.childNodes.map((c) => maskNode(c, m, tag, inMarked));
      return out;
    }
    case NODE.text:
    case NODE.cdata:
    case NODE.comment: {
      if (!str(node.textContent)) return node;
      const css = node.isStyle === true || parentTag === 'style';
      const text = css ? bareCssUrls(node.textContent) : marked ? stars(node.textContent) : m.text(node.textContent);
      return { ...node, textContent: text };
    }
    default:
      return isList(node.childNodes) ? { ...node, childNodes: node.childNodes.map((c) => maskNode(c, m, parentTag, marked)) } : node;
  }
}

/** Attributes that stay as they are in a marked element: they give its layout, not its words. */
const LAYOUT_ATTRIBUTES = new Set(['class', 'id', 'style', 'type', 'rel', 'role', 'width', 'height', 'hidden', 'dir', 'lang', 'rr_width', 'rr_height']);

function maskAttributes(attributes: Obj, tag: string, m: EventMasks, marked = false): Obj {
  const out: Obj = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (str(value) && marked && !LAYOUT_ATTRIBUTES.has(name) && !name.startsWith('rr_')) out[name] = stars(m.attribute(name, value, tag));
    else if (str(value)) out[name] = m.attribute(name, value, tag);
    // A style attribute changed by a mutation comes as { property: value | [value, priority] | false }.
    else if (name === 'style' && isObj(value)) out[name] = maskStyleDiff(value);
    else out[name] = value;
  }
  return out;
}

function maskStyleDiff(diff: Obj): Obj {
  return Object.fromEntries(
    Object.entries(diff).map(([p, v]) => [p, str(v) ? bareCssUrls(v) : isList(v) && str(v[0]) ? [bareCssUrls(v[0]), ...v.slice(1)] : v]),
  );
}

function maskIncremental(data: Obj, m: EventMasks): Obj {
  switch (data.source) {
    case SOURCE.mutation:
      return {
        ...data,
        ...(isList(data.adds) ? { adds: data.adds.map((a) => (isObj(a) ? { ...a, node: maskNode(a.node, m, '', false) } : a)) } : {}),
        ...(isList(data.texts)
          ? { texts: data.texts.map((t) => (isObj(t) && str(t.value) ? { ...t, value: looksLikeCss(t.value) ? bareCssUrls(t.value) : m.text(t.value) } : t)) }
          : {}),
        ...(isList(data.attributes)
          ? {
              // A mutation names the node, not its tag: an address is treated as a page's (the
              // stricter rule: a random-looking path segment is masked).
              attributes: data.attributes.map((a) => (isObj(a) && isObj(a.attributes) ? { ...a, attributes: maskAttributes(a.attributes, '', m) } : a)),
            }
          : {}),
      };
    case SOURCE.input:
      return str(data.text) ? { ...data, text: m.text(data.text) } : data;
    case SOURCE.styleSheetRule:
      return isList(data.adds) ? { ...data, adds: data.adds.map((a) => (isObj(a) && str(a.rule) ? { ...a, rule: bareCssUrls(a.rule) } : a)) } : data;
    case SOURCE.styleDeclaration:
      return isObj(data.set) && str(data.set.value) ? { ...data, set: { ...data.set, value: bareCssUrls(data.set.value) } } : data;
    case SOURCE.adoptedStyleSheet:
      return isList(data.styles)
        ? {
            ...data,
            styles: data.styles.map((s) =>
              isObj(s) && isList(s.rules) ? { ...s, rules: s.rules.map((r) => (isObj(r) && str(r.rule) ? { ...r, rule: bareCssUrls(r.rule) } : r)) } : s,
            ),
          }
        : data;
    default:
      return data;
  }
}

/** Every string in a custom event's payload, masked like text. */
function maskAny(value: unknown, m: EventMasks): unknown {
  if (str(value)) return m.text(value);
  if (isList(value)) return value.map((v) => maskAny(v, m));
  if (isObj(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskAny(v, m)]));
  return value;
}
