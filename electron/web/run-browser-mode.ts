/**
 * `npm run web` (and `npm start` where Electron cannot run): serve the built app on 127.0.0.1 with
 * the user's own glossary and workspace, print the address, and close the databases cleanly on Ctrl+C.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEAM_SETTINGS_FILE_NAME } from '../services/team/team-settings';
import { defaultGlossaryPath, defaultUserDataDir, defaultWorkspacePath } from '../services/user-data';
import { serveBrowserApp } from './serve-app';

const repoRoot = join(import.meta.dirname, '..', '..');

export async function runBrowserMode(): Promise<void> {
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const glossaryPath = defaultGlossaryPath();
  const workspacePath = defaultWorkspacePath();
  const port = process.env.GLOSSA_PORT ? Number(process.env.GLOSSA_PORT) : 0;
  const app = await serveBrowserApp({
    glossaryPath,
    workspacePath,
    rendererDir: join(repoRoot, 'dist', 'renderer'),
    port,
    version,
    teamSettingsPath: join(defaultUserDataDir(), TEAM_SETTINGS_FILE_NAME),
  });
  console.log(`Glossa is running at ${app.url}`);
  console.log(`Glossary: ${glossaryPath}. Workspace: ${workspacePath}. Press Ctrl+C to stop.`);

  const stop = () => {
    void app.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
