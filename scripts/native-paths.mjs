// Where the Electron-ABI build of better-sqlite3 lives. The Node build stays in
// node_modules/better-sqlite3 (tests, CLI, browser mode); the Electron build sits beside it in
// native/, loaded by the app through better-sqlite3's `nativeBinding` option, so one checkout
// serves both runtimes without anyone rebuilding by hand.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export function electronInfo() {
  const dir = join(repoRoot, 'node_modules', 'electron');
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const abi = readFileSync(join(dir, 'abi_version'), 'utf8').trim();
  return { version, abi };
}

/** Must match electron/native-binding.ts. */
export function electronNativeDir(abi, platform = process.platform, arch = process.arch) {
  return join(repoRoot, 'native', `electron-abi${abi}-${platform}-${arch}`);
}
