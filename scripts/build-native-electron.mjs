#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/ (see native-paths.mjs), from a copy of the
// package so node_modules keeps its Node build. Needs Electron's headers (or a prebuilt binary)
// from the network: where that cannot be had, it says so in one line and exits 0, unless
// --required (packaging), where it fails.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronInfo, electronNativeDir, repoRoot } from './native-paths.mjs';

const required = process.argv.includes('--required');
const quiet = process.argv.includes('--quiet');
const { version, abi } = electronInfo();
const targetDir = electronNativeDir(abi);
const target = join(targetDir, 'better_sqlite3.node');

if (existsSync(target)) {
  if (!quiet) console.log(`better-sqlite3 for Electron ${version} is ready: ${target}`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'glossa-native-'));
const pkg = join(work, 'better-sqlite3');
cpSync(join(repoRoot, 'node_modules', 'better-sqlite3'), pkg, {
  recursive: true,
  filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`),
});

// A configured nodedir (this machine's npm points node-gyp at Node's own headers) would silently
// build for Node's ABI instead of Electron's, so it is dropped here and the result is checked.
const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: version };
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
const attempts = [
  // A prebuilt binary from better-sqlite3's releases: seconds, where the network allows.
  [join(repoRoot, 'node_modules', '.bin', 'prebuild-install'), ['--runtime=electron', `--target=${version}`]],
  // Otherwise compile against Electron's headers.
  [
    process.execPath,
    [
      nodeGypPath(),
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${version}`,
      '--dist-url=https://electronjs.org/headers',
    ],
  ],
];

let built = false;
for (const [command, args] of attempts) {
  const result = spawnSync(command, args, { cwd: pkg, env, stdio: 'pipe', timeout: 10 * 60_000 });
  const output = join(pkg, 'build', 'Release', 'better_sqlite3.node');
  if (result.status === 0 && existsSync(output) && builtForElectron(output)) {
    mkdirSync(targetDir, { recursive: true });
    copyFileSync(output, target);
    built = true;
    break;
  }
}
rmSync(work, { recursive: true, force: true });

if (built) {
  console.log(`Built better-sqlite3 for Electron ${version}: ${target}`);
} else {
  const line = `Glossa: could not build better-sqlite3 for Electron ${version} (Electron's headers cannot be downloaded here); the desktop app needs it, browser mode and the CLI do not.`;
  if (required) {
    console.error(line);
    process.exit(1);
  }
  console.log(line);
}

/** Node refuses a module built for Electron's ABI, naming that ABI: that refusal is the proof. */
function builtForElectron(modulePath) {
  const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(modulePath)})`], {
    encoding: 'utf8',
  });
  return probe.status !== 0 && probe.stderr.includes(`NODE_MODULE_VERSION ${abi}`);
}

function nodeGypPath() {
  // npm runs scripts with npm_config_node_gyp pointing at its bundled node-gyp.
  if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp;
  const npmDir = join(process.execPath, '..', '..', 'lib', 'node_modules', 'npm');
  return join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
}
