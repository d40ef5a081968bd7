import { describe, expect, it } from 'vitest';
import { standInForCustomElements } from '../../../entrypoints/recorder-isolated';

// An isolated world has `customElements === null` (Chromium): rrweb's question about each element
// threw there. The stand-in answers "not custom" on that world's global, and leaves a real registry alone.

describe('standInForCustomElements', () => {
  it('gives a world without a registry one that knows no element', () => {
    const world = { customElements: null } as unknown as typeof globalThis;
    standInForCustomElements(world);
    expect(world.customElements.get('product-card')).toBeUndefined();
    expect(() => world.customElements.get('div')).not.toThrow();
  });

  it('leaves a real registry as it is', () => {
    const registry = { get: (name: string) => (name === 'product-card' ? class {} : undefined) };
    const world = { customElements: registry } as unknown as typeof globalThis;
    standInForCustomElements(world);
    expect(world.customElements).toBe(registry);
    expect(world.customElements.get('product-card')).toBeDefined();
  });
});
