/* eslint-disable @typescript-eslint/unbound-method -- natives are taken apart on purpose, as the page side does */
import { describe, expect, it } from 'vitest';
import { captureDescriptors, disguiseChanges, NativeMask, scrubStack } from '../../../utils/recording/native-mask';

/** A fresh "native" class, standing for a prototype of the page, and its toString as the engine shows it. */
function world() {
  class Sheet {
    insertRule(rule: string): string {
      return `native:${rule}`;
    }
    get sheets(): string {
      return 'native-get';
    }
    set sheets(_v: string) {}
  }
  const doc = Object.create(Sheet.prototype) as Sheet;
  // A function prototype of its own, so that masking toString leaves the test runner's alone.
  const fnProto = { toString: Function.prototype.toString };
  const mask = new NativeMask();
  mask.maskToString(fnProto);
  const toString = (f: unknown): string => Reflect.apply(fnProto.toString, f, []);
  return { Sheet, doc, mask, fnProto, toString };
}

describe('NativeMask', () => {
  it('shows a patched method as the native it replaced, and runs the patch', () => {
    const { Sheet, mask, toString } = world();
    const native = Sheet.prototype.insertRule;
    const before = captureDescriptors([Sheet.prototype]);
    const patch = function (this: unknown, rule: string) {
      return `patched:${Reflect.apply(native, this, [rule])}`;
    };
    (patch as unknown as { __rrweb_original__: unknown }).__rrweb_original__ = native;
    Sheet.prototype.insertRule = patch;
    disguiseChanges(mask, before);

    const now = Sheet.prototype.insertRule;
    expect(now).not.toBe(patch);
    expect(toString(now)).toBe(toString(native));
    expect(now.name).toBe('insertRule');
    expect(Object.getOwnPropertyNames(now)).toEqual(Object.getOwnPropertyNames(native));
    expect(new Sheet().insertRule('a')).toBe('patched:native:a');
  });

  it('shows toString itself as native', () => {
    const { fnProto, toString } = world();
    expect(toString(fnProto.toString)).toBe(Function.prototype.toString.call(Function.prototype.toString));
  });

  it('moves a property added to an object to its prototype, acting only for that object', () => {
    const { Sheet, doc, mask } = world();
    const before = captureDescriptors([Sheet.prototype, doc]);
    Object.defineProperty(doc, 'sheets', { configurable: true, get: () => 'hooked-get', set() {} });
    const { undo, left } = disguiseChanges(mask, before);

    expect(left).toEqual([]);
    expect(Reflect.ownKeys(doc)).toEqual([]);
    expect(doc.sheets).toBe('hooked-get');
    expect(new Sheet().sheets).toBe('native-get');
    undo();
    expect(doc.sheets).toBe('native-get');
    expect(Reflect.ownKeys(doc)).toEqual([]);
  });

  it('leaves alone what did not change', () => {
    const { Sheet, mask } = world();
    const native = Sheet.prototype.insertRule;
    disguiseChanges(mask, captureDescriptors([Sheet.prototype]));
    expect(Sheet.prototype.insertRule).toBe(native);
  });

  it('takes an extension\'s lines out of an error thrown through a disguise', () => {
    const { mask } = world();
    const native = () => undefined;
    const f = mask.disguise(native, () => {
      const e = new Error('boom');
      Object.defineProperty(e, 'stack', { value: 'Error: boom\n    at x (chrome-extension://abc/content.js:1:2)\n    at https://shop.example/app.js:3:4', configurable: true, writable: true });
      throw e;
    });
    expect(() => f()).toThrow('boom');
    try {
      f();
    } catch (e) {
      expect((e as Error).stack).toBe('Error: boom\n    at https://shop.example/app.js:3:4');
    }
  });

  it('scrubStack leaves other values alone', () => {
    expect(() => scrubStack('text')).not.toThrow();
    expect(() => scrubStack(null)).not.toThrow();
  });
});
