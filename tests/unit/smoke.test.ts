import { describe, expect, it } from 'vitest';

describe('toolchain', () => {
  it('has IndexedDB in unit tests', () => {
    expect(typeof indexedDB.open).toBe('function');
  });
});
