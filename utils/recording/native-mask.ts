/* eslint-disable @typescript-eslint/unbound-method -- natives are taken apart on purpose, to be called later with Reflect.apply on the right object */
/**
 * Makes what the recorder patches in the page's world look native. rrweb must patch the page's own
 * methods to see CSS-in-JS, adopted style sheets and shadow roots (docs/recording.md), and a patched
 * method is a cheap tell: its `toString` shows JavaScript source, it has a `prototype` and an
 * `__rrweb_original__` property, and some patches are own properties of `document`.
 *
 * So each patch is put back behind a Proxy of the native it replaced (same name, length, own
 * properties, no prototype), and `Function.prototype.toString` answers for each such proxy (and for
 * itself) what it answers for the native. Everything here is captured when the module loads, which
 * is at `document_start` in the main world, before any script of the page can replace it.
 */

const { apply, ownKeys, getPrototypeOf, defineProperty, deleteProperty } = Reflect;
const getOwn = Object.getOwnPropertyDescriptor;
const ProxyCtor = Proxy;
const WeakMapCtor = WeakMap;
const { get: weakGet, set: weakSet } = WeakMap.prototype;
const { indexOf, split } = String.prototype;
const { filter, join } = Array.prototype;

type Descriptors = Map<PropertyKey, PropertyDescriptor>;
type Fn = (...args: unknown[]) => unknown;

/** The disguises in place: each proxy shown as the native it stands for. */
export class NativeMask {
  private readonly natives: WeakMap<object, Fn> = new WeakMapCtor();

  /** The native a disguise stands for, or the value itself. */
  nativeOf(value: unknown): unknown {
    if ((typeof value !== 'function' && typeof value !== 'object') || value === null) return value;
    return (apply(weakGet, this.natives, [value]) as Fn | undefined) ?? value;
  }

  /**
   * Replaces `Function.prototype.toString` with a disguise of itself that shows each disguise as its
   * native. Must run before the page's scripts, so that the page never holds the original.
   */
  maskToString(functionPrototype: object): void {
    const d = getOwn(functionPrototype, 'toString');
    if (!d || typeof d.value !== 'function') return;
    const native = d.value as Fn;
    const proxy = new ProxyCtor(native, {
      apply: (target, thisArg, args) => this.call(target, this.nativeOf(thisArg), args),
    });
    apply(weakSet, this.natives, [proxy, native]);
    defineProperty(functionPrototype, 'toString', { ...d, value: proxy });
  }

  /**
   * A function that behaves as `impl` and looks like `native` in every way a page can cheaply check.
   * With `onlyFor`, `impl` runs only when called on that object; the native runs for every other.
   */
  disguise(native: Fn, impl: Fn, onlyFor?: object): Fn {
    // A disguise of a disguise (rrweb patches again at each full snapshot) stands for the same native.
    native = this.nativeOf(native) as Fn;
    const proxy = new ProxyCtor(native, {
      apply: (target, thisArg, args) => this.call(onlyFor === undefined || thisArg === onlyFor ? impl : target, thisArg, args),
    });
    apply(weakSet, this.natives, [proxy, native]);
    return proxy;
  }

  /** Calls `fn`; an error thrown through it loses the lines of its stack that name an extension. */
  private call(fn: Fn, thisArg: unknown, args: unknown[]): unknown {
    try {
      return apply(fn, thisArg, args);
    } catch (error) {
      scrubStack(error);
      throw error;
    }
  }
}

/** Removes the lines of an error's stack that come from an extension's script. */
export function scrubStack(error: unknown): void {
  if (typeof error !== 'object' || error === null) return;
  // V8 keeps an error's stack behind an own accessor, older engines as an own value.
  const d = getOwn(error, 'stack');
  const text: unknown = d && (d.get ? apply(d.get, error, []) : d.value);
  if (!d || typeof text !== 'string' || apply(indexOf, text, ['-extension://']) < 0) return;
  const lines = apply(split, text, ['\n']) as string[];
  const kept = apply(join, apply(filter, lines, [(line: string) => apply(indexOf, line, ['-extension://']) < 0]), ['\n']);
  if (d.set) apply(d.set, error, [kept]);
  else defineProperty(error, 'stack', { ...d, value: kept });
}

/** The own property descriptors of each target, as they are now. */
export function captureDescriptors(targets: readonly object[]): Map<object, Descriptors> {
  const all = new Map<object, Descriptors>();
  for (const target of targets) {
    const own: Descriptors = new Map();
    for (const key of ownKeys(target)) {
      const d = getOwn(target, key);
      if (d) own.set(key, d);
    }
    all.set(target, own);
  }
  return all;
}

const same = (a: PropertyDescriptor, b: PropertyDescriptor) => a.value === b.value && a.get === b.get && a.set === b.set;

/**
 * Puts each change made to the targets since `before` behind disguises of the natives it replaced:
 * a changed method or accessor becomes a disguise of the original; a property added to an object
 * whose prototype has it (rrweb adds `adoptedStyleSheets` to `document`) is moved to the prototype,
 * disguised, acting as the addition only for that object. Returns what undoes the moves (rrweb puts
 * back its own patches when it stops, and adds the object's property again) and the keys it could
 * not disguise.
 */
export function disguiseChanges(mask: NativeMask, before: Map<object, Descriptors>): { undo: () => void; left: string[] } {
  const undo: Array<() => void> = [];
  const left: string[] = [];
  for (const [target, was] of before) {
    for (const key of ownKeys(target)) {
      const now = getOwn(target, key);
      const old = was.get(key);
      if (!now || (old && same(now, old))) continue;
      if (old) {
        const d = disguised(mask, old, now);
        if (d) defineProperty(target, key, d);
        else left.push(String(key));
        continue;
      }
      const owner = protoWith(target, key);
      const native = owner && getOwn(owner, key);
      const d = native && disguised(mask, native, now, target);
      if (!owner || !native || !d) {
        left.push(String(key));
        continue;
      }
      defineProperty(owner, key, d);
      deleteProperty(target, key);
      undo.push(() => {
        defineProperty(owner, key, native);
        if (!was.has(key)) deleteProperty(target, key);
      });
    }
  }
  return { undo: () => undo.forEach((u) => u()), left };
}

function protoWith(target: object, key: PropertyKey): object | undefined {
  for (let o = getPrototypeOf(target); o; o = getPrototypeOf(o)) {
    if (getOwn(o, key)) return o;
  }
  return undefined;
}

/** `native`'s descriptor, its functions disguising those of `now`; undefined when it cannot be done. */
function disguised(mask: NativeMask, native: PropertyDescriptor, now: PropertyDescriptor, onlyFor?: object): PropertyDescriptor | undefined {
  const fn = (n: unknown, i: unknown): Fn | undefined => {
    if (i === n) return n as Fn | undefined;
    if (typeof n !== 'function' || typeof i !== 'function') return undefined;
    return mask.disguise(n as Fn, i as Fn, onlyFor);
  };
  if ('value' in native && 'value' in now) {
    const value = fn(native.value, now.value);
    return value ? { ...native, value } : undefined;
  }
  if ('value' in native || 'value' in now) return undefined;
  const get = fn(native.get, now.get);
  const set = fn(native.set, now.set);
  if ((now.get && !get) || (now.set && !set)) return undefined;
  return { ...native, get, set };
}
