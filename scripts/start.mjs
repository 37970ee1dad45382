#!/usr/bin/env node
// `npm start`: build, then open the desktop app. Where Electron cannot run (its binary or its
// database module cannot be downloaded, or there is no display), say so in one line and serve the
// same app in browser mode instead, so `npm start` always gives a working Glossa.
// `npm run web` (--web) goes straight to browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll } from './build.mjs';
import { electronInfo, electronNativeDir, repoRoot } from './native-paths.mjs';

const browserOnly = process.argv.includes('--web');

await buildAll({ quiet: true });

const reason = browserOnly ? undefined : await electronUnavailableReason();
if (!browserOnly && reason === undefined) {
  const child = spawn(electronBinaryPath(), [join(repoRoot, 'dist', 'electron', 'main.cjs')], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (reason)
    console.log(
      `Glossa: the desktop window cannot open here (${reason}); serving Glossa in browser mode instead.`,
    );
  const { register } = await import('tsx/esm/api');
  register();
  const { runBrowserMode } = await import('../electron/web/run-browser-mode.ts');
  await runBrowserMode();
}

async function electronUnavailableReason() {
  if (!electronBinaryPath()) {
    await downloadElectron();
    if (!electronBinaryPath()) return "Electron's binary could not be downloaded";
  }
  const { abi } = electronInfo();
  if (!existsSync(join(electronNativeDir(abi), 'better_sqlite3.node'))) {
    spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-native-electron.mjs'), '--quiet'], {
      stdio: 'ignore',
    });
    if (!existsSync(join(electronNativeDir(abi), 'better_sqlite3.node'))) {
      return 'the database module for Electron could not be built';
    }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no graphical display';
  }
  return undefined;
}

/**
 * Electron downloads its binary on first launch. Offline that fails at once and says nothing
 * here; a real download takes a while, so after a few seconds the user is told what is happening.
 */
function downloadElectron() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules', 'electron', 'install.js')], {
      stdio: 'ignore',
    });
    const notice = setTimeout(() => console.log('Glossa: downloading Electron for the first launch…'), 3000);
    const giveUp = setTimeout(() => child.kill(), 5 * 60_000);
    const done = () => {
      clearTimeout(notice);
      clearTimeout(giveUp);
      resolve();
    };
    child.on('exit', done);
    child.on('error', done);
  });
}

function electronBinaryPath() {
  const dir = join(repoRoot, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}
