/**
 * Finds the build of better-sqlite3 made for Electron's ABI (scripts/build-native-electron.mjs puts
 * it in native/; packaging copies native/ into the app's resources). Under plain Node nothing is
 * needed: better-sqlite3 loads its own Node build from node_modules.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function electronNativeBindingPath(baseDir: string): string {
  const dir = `electron-abi${process.versions.modules}-${process.platform}-${process.arch}`;
  return join(baseDir, dir, 'better_sqlite3.node');
}

/** The binding to pass to better-sqlite3, or undefined when running under plain Node. */
export function findNativeBinding(baseDir: string): string | undefined {
  if (!process.versions.electron) return undefined;
  const path = electronNativeBindingPath(baseDir);
  if (!existsSync(path)) {
    throw new Error(
      `Glossa's database module for Electron is missing (${path}). Run "npm start" once with a network connection, or reinstall Glossa.`,
    );
  }
  return path;
}
