#!/usr/bin/env node
// Builds what the desktop app loads: the renderer (Vite) into dist/renderer, and the main process
// and preload (esbuild) into dist/electron as CommonJS — a sandboxed preload must be CommonJS.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './native-paths.mjs';

export async function buildRenderer({ quiet = false } = {}) {
  await viteBuild({
    configFile: join(repoRoot, 'renderer', 'vite.config.ts'),
    logLevel: quiet ? 'warn' : 'info',
  });
}

export async function buildElectron() {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: true,
    external: ['electron', 'better-sqlite3'],
    logLevel: 'warning',
  };
  await esbuild({
    ...common,
    entryPoints: [join(repoRoot, 'electron', 'main.ts')],
    outfile: join(repoRoot, 'dist', 'electron', 'main.cjs'),
  });
  await esbuild({
    ...common,
    entryPoints: [join(repoRoot, 'electron', 'preload.ts')],
    outfile: join(repoRoot, 'dist', 'electron', 'preload.cjs'),
  });
}

export async function buildAll(options) {
  await buildRenderer(options);
  await buildElectron();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildAll();
}
