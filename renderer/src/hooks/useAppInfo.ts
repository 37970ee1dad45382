import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, GlossaApi } from '../../../shared/api/contract';

export interface AppInfoState {
  /** Null until the first answer arrives. */
  appInfo: AppInfo | null;
  /** Why the Node side could not be asked, e.g. the browser-mode server has stopped. */
  error: string | null;
  /** Asks again, e.g. after a glossary import changed the entry count. Never throws. */
  refresh(): Promise<void>;
}

/** What the app knows about itself and its glossary: loaded once, refreshed on request. */
export function useAppInfo(api: GlossaApi): AppInfoState {
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.getAppInfo({}).then(
      (info) => current && setAppInfo(info),
      (caught: unknown) => current && setError(messageOf(caught)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const refresh = useCallback(async () => {
    try {
      setAppInfo(await api.getAppInfo({}));
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, [api]);

  return { appInfo, error, refresh };
}

function messageOf(caught: unknown): string {
  return caught instanceof Error ? caught.message : String(caught);
}
