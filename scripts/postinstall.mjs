#!/usr/bin/env node
// After `npm install`: make `npx glossa` work inside the repo (npm does not link a package's own
// bin into its node_modules/.bin), then try the Electron build of better-sqlite3. Never fails the
// install: each step says in one line what it could not do.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './native-paths.mjs';

linkOwnBin('glossa', join(repoRoot, 'bin', 'glossa.mjs'));

if (process.env.GLOSSA_SKIP_ELECTRON_NATIVE) {
  console.log('Glossa: skipped the Electron build of better-sqlite3 (GLOSSA_SKIP_ELECTRON_NATIVE is set).');
} else {
  spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-native-electron.mjs')], { stdio: 'inherit' });
}

function linkOwnBin(name, script) {
  const binDir = join(repoRoot, 'node_modules', '.bin');
  mkdirSync(binDir, { recursive: true });
  const link = join(binDir, name);
  rmSync(link, { force: true });
  try {
    symlinkSync(relative(binDir, script), link);
  } catch {
    // Windows without symlink rights: a cmd shim does the same.
    writeFileSync(`${link}.cmd`, `@node "${script}" %*\r\n`);
  }
  if (existsSync(script)) chmodSync(script, 0o755);
}
