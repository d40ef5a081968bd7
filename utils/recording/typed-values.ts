import { SEARCH_NAMES } from '../privacy/typed';

/**
 * Remembers what the person typed into the page's fields, so that the privacy pass can mask the
 * shop's echoes of it ("receipt sent to jane@…", on this page or another). Values are kept in the
 * page's memory and handed to the background, which keeps them in memory only; never stored.
 */

export interface TypedField {
  /** The field within this document: its place in the order fields were first typed into. */
  field: string;
  value: string;
  /** A search field: its terms may be kept, if the evaluator chose so. */
  search: boolean;
}

const CHOICES = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'range', 'color']);

/** Whether a field is a search field: its type, role or name, or the search form it belongs to. */
function isSearch(el: HTMLInputElement | HTMLTextAreaElement): boolean {
  if (el.type === 'search' || el.getAttribute('role') === 'searchbox' || SEARCH_NAMES.test(el.name)) return true;
  const form = el.form;
  return !!form && (form.getAttribute('role') === 'search' || /search|recherche/i.test(form.getAttribute('action') ?? ''));
}

/** What a field holds that the person typed or chose: its text, or the names of chosen files. */
function valueOf(el: Element): string | undefined {
  if (el instanceof HTMLTextAreaElement) return el.value;
  if (!(el instanceof HTMLInputElement) || CHOICES.has(el.type)) return undefined;
  if (el.type === 'file') return [...(el.files ?? [])].map((f) => f.name).join(' ');
  return el.value;
}

export class TypedValues {
  private readonly keys = new WeakMap<EventTarget, string>();
  private readonly fields = new Map<string, { ref: WeakRef<Element>; value: string; search: boolean }>();
  private readonly changed = new Set<string>();
  private next = 0;
  private readonly stop: () => void;

  /**
   * `onNote` is told of each value noted, and whether it was a `change` (the field was left); it
   * may be given later (`listen`): what was noted before waits in `takeChanged`.
   */
  constructor(
    doc: Document,
    private onNote?: (changed: boolean) => void,
  ) {
    const note = (e: Event) => {
      const el = e.target;
      if (!(el instanceof Element)) return;
      const value = valueOf(el);
      if (value === undefined) return;
      let key = this.keys.get(el);
      if (!key) {
        key = String(this.next++);
        this.keys.set(el, key);
      }
      this.fields.set(key, { ref: new WeakRef(el), value, search: isSearch(el as HTMLInputElement) });
      this.changed.add(key);
      this.onNote?.(e.type === 'change');
    };
    doc.addEventListener('input', note, true);
    doc.addEventListener('change', note, true);
    this.stop = () => {
      doc.removeEventListener('input', note, true);
      doc.removeEventListener('change', note, true);
    };
  }

  /** Who is told of each value noted from now on. */
  listen(onNote: (changed: boolean) => void): void {
    this.onNote = onNote;
  }

  /** Whether values were noted that `takeChanged` has not given yet. */
  get hasChanges(): boolean {
    return this.changed.size > 0;
  }

  /** Stops listening and forgets every value (a page that is not part of the visit). */
  dispose(): void {
    this.stop();
    this.fields.clear();
    this.changed.clear();
    this.onNote = undefined;
  }

  /** The current value of every field typed into, still on the page. */
  *values(): Generator<string> {
    for (const [key, f] of this.fields) {
      if (!f.ref.deref()) this.fields.delete(key);
      else if (f.value) yield f.value;
    }
  }

  /** The fields whose value changed since the last call, with their latest value. */
  takeChanged(): TypedField[] {
    const out: TypedField[] = [];
    for (const key of this.changed) {
      const f = this.fields.get(key);
      if (f) out.push({ field: key, value: f.value, search: f.search });
    }
    this.changed.clear();
    return out;
  }
}

/**
 * The recorder shares what was typed with the extension's other scripts in the same page (the
 * screenshot measurer, the audit), which run in the same extension world: a global, never the page's.
 */
const SHARED = '__mystereTyped';
type Shared = { [SHARED]?: () => Iterable<string> };

export function shareTypedValues(typed: TypedValues | undefined): void {
  if (typed) (globalThis as Shared)[SHARED] = () => typed.values();
  else delete (globalThis as Shared)[SHARED];
}

/** What the recorder of this page says was typed, if it runs here. */
export function sharedTypedValues(): string[] {
  const read = (globalThis as Shared)[SHARED];
  return read ? [...read()] : [];
}
