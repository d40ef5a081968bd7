import { useEffect, useState } from 'preact/hooks';

/**
 * What `read` resolves to, read again whenever `deps` change (the stored data's revision, say).
 * Reads may finish out of order: one started for an older revision that finishes after a newer one
 * is dropped, so the panel never goes back to stale data. Undefined until the first read, or
 * while `read` is undefined.
 */
export function useRead<T>(read: (() => Promise<T>) | undefined, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    if (!read) return;
    let latest = true;
    void read().then((v) => {
      if (latest) setValue(() => v);
    });
    return () => {
      latest = false;
    };
  }, deps);
  return value;
}
