/**
 * Browser mode in one call: opens the glossary and the workspace, builds the same API handlers the
 * Electron window uses (mode 'browser', so no native dialog) and serves them with the built renderer.
 */
import { dirname, join } from 'node:path';
import { createApiHandlers } from '../services/api-handlers';
import { mediaSourceOf } from '../services/media/media-source';
import { MediaService } from '../services/media/media-service';
import { GlossaryStore } from '../services/glossary/glossary-store';
import { WorkspaceStore } from '../services/workspace/workspace-store';
import { createMemorySecretStore } from '../services/team/secret-store';
import { TeamSyncService } from '../services/team/team-sync-service';
import { startWebServer } from './server';

export interface ServeBrowserAppOptions {
  glossaryPath: string;
  workspacePath: string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 or absent picks a free port. */
  port?: number;
  version: string;
  /** Where uploaded recordings are kept; defaults to a media folder beside the workspace. */
  mediaDir?: string;
  /** Team sync's settings file; absent, the glossary is not synced. */
  teamSettingsPath?: string;
}

export interface BrowserApp {
  /** http://127.0.0.1:PORT/?token=TOKEN */
  url: string;
  token: string;
  port: number;
  /** Stops the server, then closes the glossary and the workspace. */
  close(): Promise<void>;
}

export async function serveBrowserApp(options: ServeBrowserAppOptions): Promise<BrowserApp> {
  const glossary = GlossaryStore.open(options.glossaryPath);
  let workspace: WorkspaceStore | undefined;
  const closeStores = () => {
    try {
      workspace?.close();
    } finally {
      glossary.close();
    }
  };
  try {
    workspace = WorkspaceStore.open(options.workspacePath);
    // No keychain in browser mode: a server password lasts for the session (the dialog says so).
    const teamSync = options.teamSettingsPath
      ? new TeamSyncService({
          glossary,
          settingsPath: options.teamSettingsPath,
          secrets: createMemorySecretStore(),
        })
      : undefined;
    const media = new MediaService({
      workspace,
      uploadsDir: options.mediaDir ?? join(dirname(options.workspacePath), 'media'),
    });
    const handlers = createApiHandlers({
      glossary,
      workspace,
      media,
      mode: 'browser',
      version: options.version,
      ...(teamSync ? { teamSync } : {}),
    });
    void teamSync?.start();
    const server = await startWebServer({
      handlers,
      rendererDir: options.rendererDir,
      port: options.port ?? 0,
      media: mediaSourceOf(media),
    });
    return {
      url: server.url,
      token: server.token,
      port: server.port,
      async close() {
        try {
          await server.close();
          await teamSync?.close();
        } finally {
          closeStores();
        }
      },
    };
  } catch (error) {
    closeStores();
    throw error;
  }
}
