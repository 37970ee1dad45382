import { createContext } from 'react';
import type { GlossaApi } from '../../../shared/api/contract';

/** What an entry in the list needs for its team details (history, verified), without prop drilling. */
export interface TeamGlossary {
  api: GlossaApi;
  /** After a verified mark was set or removed: the list reloads. */
  onEntryChanged: () => void;
}

export const TeamGlossaryContext = createContext<TeamGlossary | null>(null);
