import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

/**
 * Component tests' shared harness (happy-dom): mount a Preact tree in the document, query it, act on
 * it as a person would. Importing it unmounts and empties the document after each test.
 */

/** The element the last `mount` rendered into (a live binding: it follows each mount). */
export let root: HTMLElement;

export async function mount(node: ComponentChild): Promise<HTMLElement> {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(node, root));
  return root;
}

export const $ = <E extends Element = HTMLElement>(selector: string, within: ParentNode = root) => within.querySelector<E>(selector)!;
export const $$ = (selector: string, within: ParentNode = root) => [...within.querySelectorAll<HTMLElement>(selector)];

/** Sets a field's value and fires the event a person's typing would (`input`, or `change`). */
export async function type(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string, event = 'input') {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

export async function click(el: HTMLElement) {
  await act(() => el.click());
}

/** Every key of a catalogue, nested ones as `a.b`: both languages must have the same. */
export const catalogueKeys = (o: object): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? catalogueKeys(v as object).map((s) => `${k}.${s}`) : [k]));

afterEach(async () => {
  if (root) await act(() => render(null, root));
  document.body.innerHTML = '';
});
