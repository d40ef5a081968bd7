import { useEffect, useMemo } from 'preact/hooks';
import type { VisitContent } from '../../utils/report/visit-data';

/** Object URLs for a visit's screenshots (full and thumbnail), made once per set of screenshots and revoked with it. */
export function useImageUrls(content: VisitContent | undefined): (id: string, size: 'thumb' | 'full') => string | undefined {
  const screenshots = content?.screenshots;
  const urls = useMemo(() => {
    const map = new Map<string, { thumb: string; full: string }>();
    for (const [id, shot] of screenshots ?? []) {
      map.set(id, {
        thumb: URL.createObjectURL(new Blob([shot.thumb as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' })),
        full: URL.createObjectURL(new Blob([shot.image as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' })),
      });
    }
    return map;
  }, [screenshots]);
  useEffect(
    () => () => {
      for (const u of urls.values()) {
        URL.revokeObjectURL(u.thumb);
        URL.revokeObjectURL(u.full);
      }
    },
    [urls],
  );
  return (id, size) => urls.get(id)?.[size];
}
