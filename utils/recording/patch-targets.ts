/** Interfaces whose prototype rrweb patches (with the options of `rrweb-options.ts`), or may. */
const INTERFACES = [
  'CSSStyleSheet',
  'CSSGroupingRule',
  'CSSMediaRule',
  'CSSSupportsRule',
  'CSSConditionRule',
  'CSSStyleDeclaration',
  'Document',
  'ShadowRoot',
  'Node',
  'Element',
  'HTMLElement',
  'HTMLInputElement',
  'HTMLTextAreaElement',
  'HTMLSelectElement',
  'HTMLOptionElement',
  'HTMLCanvasElement',
  'CanvasRenderingContext2D',
  'CustomElementRegistry',
  'FontFaceSet',
  'EventTarget',
  'History',
] as const;

/**
 * The objects whose own properties are compared before and after rrweb starts: the prototypes it
 * patches, and the objects it patches directly (`document.adoptedStyleSheets`,
 * `customElements.define`, `document.fonts.add`), plus `window` and `history`.
 */
export function patchTargets(win: Window): object[] {
  const w = win as unknown as Record<string, { prototype?: object } | undefined>;
  const protos = INTERFACES.map((name) => w[name]?.prototype).filter((p): p is object => typeof p === 'object' && p !== null);
  return [...protos, win.document, win.customElements, win.document.fonts, win.history, win].filter((t) => t !== undefined && t !== null);
}
