import { useCallback, useEffect, useState } from 'react';
import type { DocumentSummary, GlossaApi } from '../../../shared/api/contract';

/** The workspace's documents for the start screen; refreshed when the person comes back to it. */
export function useRecentDocuments(api: GlossaApi) {
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setDocuments(await api.listDocuments({}));
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [api]);

  useEffect(() => {
    let current = true;
    api.listDocuments({}).then(
      (list) => current && setDocuments(list),
      (caught: unknown) => current && setError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const remove = useCallback(
    async (document: DocumentSummary) => {
      try {
        await api.deleteDocument({ documentId: document.id });
      } finally {
        await refresh();
      }
    },
    [api, refresh],
  );

  return { documents, error, refresh, remove };
}
