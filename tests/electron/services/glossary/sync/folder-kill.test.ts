import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  openFolderTransport,
  teamLogDir,
} from '../../../../../electron/services/glossary/sync/folder-transport';

const folder = mkdtempSync(join(tmpdir(), 'glossa-kill-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Starts the writer, lets it append for `ms` after it is ready, then SIGKILLs it. */
function runAndKill(device: string, start: number, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'folder-kill-writer.ts'), folder, device, String(start)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), ms));
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited by itself: ${stderr}`)),
    );
  });
}

// Linux finishes a write() to a local file before a SIGKILL lands, so here a kill mostly falls
// between appends; torn lines (power cuts, network drives) are built by hand in
// folder-transport.test.ts. What this proves: killing a writer at any moment never leaves a log
// that others cannot read, and the next writer carries on after it.
describe('a writer killed mid-append', () => {
  it('leaves a log whose whole lines all read back, and the next writer trims the torn tail', async () => {
    const reader = await openFolderTransport(folder, 'reader', 'Reader');
    let cursor: string | null = null;
    const seen = new Set<string>();
    let tornSeen = 0;
    for (let round = 0; round < 6; round += 1) {
      await runAndKill('victim', round * 1_000_000, 40 + round * 25);
      const page = await reader.pull(cursor);
      cursor = page.cursor;
      for (const change of page.changes) seen.add(change.id);
      // At most the one torn last line is skipped; never a line in the middle.
      expect(page.skipped.length).toBeLessThanOrEqual(1);
      for (const skipped of page.skipped) expect(skipped.reason).toMatch(/incomplete last line/);
      tornSeen += page.skipped.length;
    }
    // Reopening as the writer trims a torn tail; afterwards every line of the log is whole JSON.
    const writer = await openFolderTransport(folder, 'victim', 'Author of victim');
    await writer.close();
    const text = readFileSync(join(teamLogDir(folder), 'victim.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.split('\n').slice(0, -1);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    const final = await reader.pull(cursor);
    expect(final.skipped).toEqual([]);
    for (const change of final.changes) seen.add(change.id);
    expect(seen.size).toBe(new Set(lines.map((line) => (JSON.parse(line) as { id: string }).id)).size);
    expect(seen.size).toBeGreaterThan(2000);
    console.info(
      `kill test: ${seen.size} changes survived 6 kills, torn tails seen by the reader: ${tornSeen}`,
    );
  }, 60_000);
});
