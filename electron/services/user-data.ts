/**
 * Where Glossa keeps its files when Electron is not there to say (CLI, browser mode): the same
 * folder Electron's app.getPath('userData') gives an app named "Glossa", so the desktop app, the
 * CLI and browser mode share one glossary and one workspace.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Glossa';
export const GLOSSARY_FILE_NAME = 'glossary.db';
export const WORKSPACE_FILE_NAME = 'workspace.db';

export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.GLOSSA_USER_DATA) return env.GLOSSA_USER_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultGlossaryPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultUserDataDir(env), GLOSSARY_FILE_NAME);
}

export function defaultWorkspacePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultUserDataDir(env), WORKSPACE_FILE_NAME);
}
