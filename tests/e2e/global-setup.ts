/**
 * Builds the renderer once for all end-to-end tests, with the same vite config as `npm run build`.
 * Skips the build when dist/renderer is newer than every source file it is made from.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { RENDERER_DIST, REPO_ROOT } from './paths';

const SOURCES = ['renderer', 'shared', 'package.json', 'package-lock.json'].map((p) =>
  path.join(REPO_ROOT, p),
);

export default async function setup(): Promise<void> {
  if (isUpToDate()) return;
  await build({ configFile: path.join(REPO_ROOT, 'renderer/vite.config.ts'), logLevel: 'warn' });
}

function isUpToDate(): boolean {
  const index = path.join(RENDERER_DIST, 'index.html');
  if (!existsSync(index)) return false;
  const builtAt = statSync(index).mtimeMs;
  return SOURCES.every((source) => newestMtime(source) < builtAt);
}

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const info = statSync(file);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}
