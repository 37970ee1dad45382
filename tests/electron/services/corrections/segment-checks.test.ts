/**
 * Re-checking an edited segment must judge it as the whole document would. For every held-out
 * engine fixture set, each segment checked on its own (with the document's evidence, as the editor
 * asks) gets exactly the suggestions (and scores) the whole-document check gives it — apart from consistency
 * suggestions, which compare spellings across segments and come from full checks only.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SegmentSuggestion } from '../../../../shared/api/contract';
import { createApiHandlers } from '../../../../electron/services/api-handlers';
import { GlossaryStore } from '../../../../electron/services/glossary/glossary-store';
import { WorkspaceStore } from '../../../../electron/services/workspace/workspace-store';

const SETS = resolve(import.meta.dirname, '../../../fixtures/engine');
const dir = mkdtempSync(join(tmpdir(), 'glossa-segment-checks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const comparable = (suggestions: readonly SegmentSuggestion[]) =>
  suggestions
    .filter((s) => s.reason !== 'consistency')
    .map((s) => `${s.segmentId} ${s.start}-${s.end} ${s.text} → ${s.replacement} ${s.score.toFixed(3)}`)
    .sort();

describe('checkSegments with the document evidence', () => {
  const sets = readdirSync(SETS, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  let differedWithout = 0;

  it.each(sets.map((set) => set.name))(
    '%s: each segment alone gets the whole-document suggestions',
    async (name) => {
      const glossary = GlossaryStore.open(join(dir, `${name}-glossary.db`));
      const workspace = WorkspaceStore.open(join(dir, `${name}-workspace.db`));
      try {
        glossary.importCsv(readFileSync(join(SETS, name, 'glossary.csv'), 'utf8'), 'glossary.csv');
        const handlers = createApiHandlers({ glossary, workspace, mode: 'browser', version: 'test' });
        const opened = await handlers.importTranscript({
          fileName: 'transcript.txt',
          bytes: new Uint8Array(readFileSync(join(SETS, name, 'transcript.txt'))),
        });
        const segments = opened.document.segments.map(({ id, text }) => ({ id, text }));
        const alone = await handlers.checkSegments({ documentId: opened.documentId, segments });
        expect(comparable(alone)).toEqual(comparable(opened.suggestions));
        const withoutEvidence = await handlers.checkSegments({ segments });
        if (comparable(withoutEvidence).join('\n') !== comparable(opened.suggestions).join('\n'))
          differedWithout++;
      } finally {
        glossary.close();
        workspace.close();
      }
    },
  );

  it('the evidence matters: without it, some set is judged differently', () => {
    expect(differedWithout).toBeGreaterThan(0);
  });
});
