import { useCallback, useEffect, useState } from 'preact/hooks';
import { listImported, viewerDb, type ImportedEntry } from '../../utils/db/viewer-database';

export interface Imports {
  /** Undefined until read (so the list is never shown empty by mistake). */
  visits: ImportedEntry[] | undefined;
  failed: boolean;
  reload: () => Promise<void>;
}

/** The imported visits, newest first, read again on demand after each change. */
export function useImports(): Imports {
  const [visits, setVisits] = useState<ImportedEntry[]>();
  const [failed, setFailed] = useState(false);
  const reload = useCallback(async () => {
    try {
      setVisits(await listImported(await viewerDb()));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { visits, failed, reload };
}
