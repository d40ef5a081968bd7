import { useEffect, useState } from 'preact/hooks';
import { db } from '../../utils/db/database';
import { listEvidence } from '../../utils/db/repository';
import type { Abandonment, Note, Screenshot, Signal } from '../../utils/schema/evidence';

/** A screenshot as the panel lists it: the thumbnail as an object URL, the full image read on demand. */
export type ListedScreenshot = Omit<Screenshot, 'image' | 'thumb'> & { thumbUrl: string };

export interface Evidence {
  visitId: string;
  screenshots: ListedScreenshot[];
  notes: Note[];
  signals: Signal[];
  abandonments: Abandonment[];
}

/** A visit's evidence, read again whenever stored data changes; undefined until read. */
export function useEvidence(visitId: string | undefined, rev: number): Evidence | undefined {
  const [evidence, setEvidence] = useState<Evidence>();
  useEffect(() => {
    if (!visitId) return;
    let cancelled = false;
    void (async () => {
      const d = await db();
      const [shots, notes, signals, abandonments] = await Promise.all([
        listEvidence(d, 'screenshots', visitId),
        listEvidence(d, 'notes', visitId),
        listEvidence(d, 'signals', visitId),
        listEvidence(d, 'abandonments', visitId),
      ]);
      if (cancelled) return;
      const screenshots = shots.map(({ image: _image, thumb, ...rest }) => ({
        ...rest,
        thumbUrl: URL.createObjectURL(new Blob([thumb], { type: 'image/jpeg' })),
      }));
      setEvidence((previous) => {
        previous?.screenshots.forEach((s) => URL.revokeObjectURL(s.thumbUrl));
        return { visitId, screenshots, notes, signals, abandonments };
      });
    })();
    return () => {
      cancelled = true;
    };
  }, [visitId, rev]);
  return visitId && evidence?.visitId === visitId ? evidence : undefined;
}

/** The full image of a screenshot, as an object URL revoked when it is no longer shown. */
export function useScreenshotImage(id: string | undefined): { url: string; shot: Screenshot } | undefined {
  const [image, setImage] = useState<{ url: string; shot: Screenshot }>();
  useEffect(() => {
    if (!id) return;
    let url: string | undefined;
    void db()
      .then((d) => d.get('screenshots', id))
      .then((shot) => {
        if (!shot) return;
        url = URL.createObjectURL(new Blob([shot.image], { type: 'image/jpeg' }));
        setImage({ url, shot });
      });
    return () => {
      if (url) URL.revokeObjectURL(url);
      setImage(undefined);
    };
  }, [id]);
  return image?.shot.id === id ? image : undefined;
}
