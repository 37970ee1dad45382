/** The getWaveform call: the document's linked recording, through the cached WaveformService. */
import { join } from 'node:path';
import type { GlossaApi } from '../../../shared/api/contract';
import type { WorkspaceStore } from '../workspace/workspace-store';
import { WAVEFORMS_DIR_NAME, WaveformError, WaveformService } from './waveform';

export interface WaveformHandlerDeps {
  workspace: Pick<WorkspaceStore, 'getMediaLink'>;
  /** Glossa's own folder; the cache goes in its waveforms/ folder. */
  userDataDir: string;
}

export function createWaveformHandlers(deps: WaveformHandlerDeps): Pick<GlossaApi, 'getWaveform'> {
  const service = new WaveformService(join(deps.userDataDir, WAVEFORMS_DIR_NAME));
  return {
    async getWaveform({ documentId }) {
      const link = deps.workspace.getMediaLink(documentId);
      if (!link)
        throw new WaveformError('No recording is linked to this document, so there is no waveform to draw');
      return service.get({ path: link.path, name: link.name });
    },
  };
}
