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
    // Services find files beside their module (the waveform worker): in main.cjs, beside it.
    define: { 'import.meta.dirname': '__dirname' },
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
  // The waveform worker is its own ES module; audio-decode loads its codecs from node_modules.
  await esbuild({
    ...common,
    define: {},
    format: 'esm',
    entryPoints: [join(repoRoot, 'electron', 'services', 'media', 'waveform-worker.ts')],
    outfile: join(repoRoot, 'dist', 'electron', 'waveform-worker.mjs'),
    external: ['audio-decode', '@audio/*'],
  });
}

export async function buildAll(options) {
  await buildRenderer(options);
  await buildElectron();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildAll();
}
