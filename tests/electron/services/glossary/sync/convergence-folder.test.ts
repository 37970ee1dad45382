import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  openFolderTransport,
  teamLogDir,
} from '../../../../../electron/services/glossary/sync/folder-transport';
import { closeMembers, createMembers, permutations, runScenario } from './convergence-harness';

const root = mkdtempSync(join(tmpdir(), 'glossa-converge-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function scenarioDirs(name: string): { dir: string; folder: string } {
  const dir = join(root, name);
  const folder = join(dir, 'shared');
  mkdirSync(folder, { recursive: true });
  return { dir, folder };
}

describe('members syncing through one shared folder converge', () => {
  for (const count of [2, 3]) {
    permutations(count).forEach((order, index) => {
      it(`${count} members, syncing in the order ${order.join(' → ')}`, async () => {
        const { dir, folder } = scenarioDirs(`m${count}-${index}`);
        const members = await createMembers(dir, count, (device, author) =>
          openFolderTransport(folder, device, author),
        );
        try {
          const result = await runScenario(members, order, 1000 * count + index);
          expect(result.conflicts).toBeGreaterThan(0);
          // The folder holds logs and member cards only, never a database.
          expect(readdirSync(teamLogDir(folder)).every((name) => /\.jsonl?$/.test(name))).toBe(true);
        } finally {
          await closeMembers(members);
        }
        for (const file of readdirSync(dir).filter((name) => name.endsWith('.db'))) {
          const db = new Database(join(dir, file), { readonly: true });
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          db.close();
        }
      });
    });
  }
});
