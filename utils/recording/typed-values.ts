/**
 * Remembers, in the page's memory only, what the person typed into fields, so that the recorder can
 * mask the page's echoes of it ("receipt sent to jane@…"). Never stored, never sent.
 */
export class TypedValues {
  private readonly byField = new WeakMap<EventTarget, string>();
  private readonly fields = new Set<WeakRef<EventTarget>>();

  constructor(doc: Document) {
    const note = (e: Event) => {
      const t = e.target;
      const value: unknown = t && (t as { value?: unknown }).value;
      if (!t || typeof value !== 'string') return;
      if (!this.byField.has(t)) this.fields.add(new WeakRef(t));
      this.byField.set(t, value);
    };
    doc.addEventListener('input', note, true);
    doc.addEventListener('change', note, true);
  }

  /** The current value of every field typed into, still on the page. */
  *values(): Generator<string> {
    for (const ref of this.fields) {
      const field = ref.deref();
      const value = field && this.byField.get(field);
      if (value) yield value;
      else if (!field) this.fields.delete(ref);
    }
  }
}

/**
 * The recorder shares what was typed with the extension's other scripts in the same page (the
 * screenshot measurer, the audit), which run in the same extension world: a global, never the page's.
 */
const SHARED = '__mystereTyped';
type Shared = { [SHARED]?: () => Iterable<string> };

export function shareTypedValues(typed: TypedValues): void {
  (globalThis as Shared)[SHARED] = () => typed.values();
}

/** What the recorder of this page says was typed, if it runs here. */
export function sharedTypedValues(): string[] {
  const read = (globalThis as Shared)[SHARED];
  return read ? [...read()] : [];
}
