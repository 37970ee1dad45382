/**
 * Autosave and a crash: a real child process saves a document over and over (whole, or only the
 * changes) and is killed with SIGKILL in the middle of it. The file must still be a sound database
 * holding a whole save at least as new as the last one the child reported done.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { documentFacts } from '../../../../electron/services/workspace/document-facts';
import { WorkspaceStore } from '../../../../electron/services/workspace/workspace-store';
import type { TranscriptDocument } from '../../../../shared/document/model';
import { CRASH_DOCUMENT, documentAfterCrashChanges, makeDocument } from './documents';

const CHILD = path.join(import.meta.dirname, 'save-loop-process.ts');
/** Acknowledged saves to wait for before the kill: enough that the loop is well under way. */
const SAVES_BEFORE_KILL = 15;
/** About one save's time on a laptop. */
const KILL_JITTER_MS = 10;

let folder: string;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-workspace-crash-'));
});

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

type SaveMode = 'whole' | 'changes';

/** What the document is after the child's save number `revision`, in each mode. */
const expectedAfter: Record<SaveMode, (revision: number) => TranscriptDocument> = {
  whole: (revision) => makeDocument({ ...CRASH_DOCUMENT, revision }),
  changes: documentAfterCrashChanges,
};

/** Runs the save loop until SAVES_BEFORE_KILL saves are acknowledged, then SIGKILLs it; returns the acks. */
function saveUntilKilled(file: string, documentId: string, mode: SaveMode): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, documentId, mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: number[] = [];
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      // Only whole lines count: a line still being written is no acknowledgement.
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^saved (\d+)$/.exec(line);
        if (!match) return reject(new Error(`unexpected output from the save loop: ${line}`));
        acknowledged.push(Number(match[1]));
      }
      // A few random milliseconds later, so the kill lands at a different point of a save each run.
      if (acknowledged.length === SAVES_BEFORE_KILL) {
        setTimeout(() => child.kill('SIGKILL'), Math.random() * KILL_JITTER_MS);
      }
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // 'close', not 'exit': every line the child wrote before it died has been read by then, so
    // at most the save it committed without getting to its line is unacknowledged (saves of only
    // the changes take well under a millisecond, so many could be in the pipe at the kill).
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`the save loop ended by itself (code ${code}) before the kill: ${stderr}`));
    });
  });
}

it.each<SaveMode>(['whole', 'changes'])(
  'keeps the last acknowledged save (%s) and a sound file when the saving process is killed mid-way',
  async (mode) => {
    const file = path.join(folder, 'workspace.db');
    const original = makeDocument(CRASH_DOCUMENT);
    const created = WorkspaceStore.open(file);
    const { id } = created.createDocument(original);
    created.close();

    const acknowledged = await saveUntilKilled(file, id, mode);
    expect(acknowledged.slice(0, 3)).toEqual([1, 2, 3]);
    const last = acknowledged.at(-1) ?? 0;

    // Checked before the store opens the file, as the damage would be found by the next start.
    const db = new BetterSqlite3(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }

    const store = WorkspaceStore.open(file);
    try {
      const stored = store.getDocument(id);
      // The kill may land after a save committed but before its line was read: one more is fine.
      const revision = stored.summary.openSuggestionCount;
      expect(revision === last || revision === last + 1).toBe(true);
      expect(stored.document).toEqual(expectedAfter[mode](revision));
      expect(stored.summary).toMatchObject({
        wordCount: documentFacts(stored.document).wordCount,
        segmentCount: stored.document.segments.length,
      });
      expect(stored.viewState).toEqual({ segmentId: 's1', offset: revision, scrollTop: revision });
      expect(stored.original).toEqual(original);
    } finally {
      store.close();
    }
  },
);
