import { useCallback, useState } from 'react';
import type { GlossaApi } from '../../../shared/api/contract';
import type { ConflictResolution, GlossaryConflict } from '../../../shared/glossary/sync-types';
import { ConflictList } from './ConflictList';
import { TeamSyncDialog } from './TeamSyncDialog';
import { TeamSyncStatusLine } from './TeamSyncStatusLine';
import { useTeamSync } from './useTeamSync';
import './team-sync.css';

interface GlossaryTeamProps {
  api: GlossaApi;
  /** Reloads the panel's list (the glossary changed: a merge, a resolution, another window). */
  onListChanged: () => void;
  /** The glossary's entries changed: the open document is checked again, as after an edit here. */
  onGlossaryChanged: () => void;
}

/** The glossary panel's team parts above the search: the sync line, its settings, the open conflicts. */
export function GlossaryTeam({ api, onListChanged, onGlossaryChanged }: GlossaryTeamProps) {
  const team = useTeamSync(api, onListChanged, onGlossaryChanged);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { poll } = team;

  const resolve = useCallback(
    async (conflict: GlossaryConflict, resolution: ConflictResolution) => {
      await api.resolveGlossaryConflict({ conflictId: conflict.id, resolution });
      onGlossaryChanged();
      await poll();
    },
    [api, onGlossaryChanged, poll],
  );

  return (
    <>
      <TeamSyncStatusLine
        status={team.status}
        now={team.now}
        syncing={team.syncing}
        onSyncNow={() => void team.syncNow()}
        onSettings={() => setSettingsOpen(true)}
      />
      <ConflictList conflicts={team.conflicts} onResolve={resolve} />
      <TeamSyncDialog
        api={api}
        open={settingsOpen}
        status={team.status}
        onClose={() => setSettingsOpen(false)}
        onSaved={() => void poll()}
      />
    </>
  );
}
