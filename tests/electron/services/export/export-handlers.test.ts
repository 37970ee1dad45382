/**
 * Exporting a workspace document through the API handlers, as the editor's Export dialog does:
 * the document as last saved (edits and flags included), a file name from its title, and the
 * corrections report against the imported original.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../../../shared/api/contract';
import { DEFAULT_EXPORT_OPTIONS } from '../../../../shared/export/options';
import { createApiHandlers } from '../../../../electron/services/api-handlers';
import { exportFileName } from '../../../../electron/services/export/export-file-name';
import { GlossaryStore } from '../../../../electron/services/glossary/glossary-store';
import { WorkspaceStore } from '../../../../electron/services/workspace/workspace-store';

const SEEDS = resolve(import.meta.dirname, '../../../../seeds');
let dir: string;
let glossary: GlossaryStore;
let workspace: WorkspaceStore;
let handlers: ApiHandlers;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'glossa-export-handlers-'));
  glossary = GlossaryStore.open(join(dir, 'glossary.db'));
  workspace = WorkspaceStore.open(join(dir, 'workspace.db'));
  glossary.importCsv(readFileSync(join(SEEDS, 'nk-news-glossary.csv'), 'utf8'), 'nk-news-glossary.csv');
  handlers = createApiHandlers({ glossary, workspace, mode: 'browser', version: 'test' });
});

afterEach(() => {
  glossary.close();
  workspace.close();
  rmSync(dir, { recursive: true, force: true });
});

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('export handlers', () => {
  it('exports the saved state with its corrections, and reports each correction with its entry', async () => {
    const opened = await handlers.importTranscript({
      fileName: 'nk-news-2024-10-22-troops-ukraine.txt',
      bytes: new Uint8Array(readFileSync(join(SEEDS, 'nk-news-2024-10-22-troops-ukraine.txt'))),
    });
    const suggestion = opened.suggestions.find((s) => s.reason === 'acronym') ?? opened.suggestions[0];
    if (!suggestion) throw new Error('the seed has no suggestion');
    const segments = opened.document.segments.map((segment) =>
      segment.id === suggestion.segmentId
        ? {
            ...segment,
            text:
              segment.text.slice(0, suggestion.start) +
              suggestion.replacement +
              segment.text.slice(suggestion.end),
          }
        : segment,
    );
    await handlers.saveDocument({
      documentId: opened.documentId,
      document: { ...opened.document, segments },
      flags: [],
      viewState: null,
      openSuggestionCount: opened.suggestions.length - 1,
    });

    const text = await handlers.exportDocument({
      documentId: opened.documentId,
      format: 'txt',
      options: DEFAULT_EXPORT_OPTIONS,
    });
    expect(text.fileName).toBe(`${opened.document.metadata.title}.txt`);
    const edited = segments.find((s) => s.id === suggestion.segmentId)?.text ?? '';
    expect(decode(text.bytes)).toContain(edited.slice(0, 60));

    const report = await handlers.exportCorrectionsReport({ documentId: opened.documentId, format: 'csv' });
    const csv = decode(report.bytes);
    const entry = glossary.get(suggestion.termId);
    expect(csv).toContain(suggestion.text);
    expect(csv).toContain(suggestion.replacement);
    expect(csv).toContain(entry?.term ?? '');
    expect(report.fileName.endsWith(' corrections.csv')).toBe(true);
  });

  it('says clearly that an untimed transcript cannot become subtitles', async () => {
    const opened = await handlers.importTranscript({
      fileName: 'talk.txt',
      bytes: new TextEncoder().encode('Hello there.\n\nNo timings at all.'),
    });
    await expect(
      handlers.exportDocument({
        documentId: opened.documentId,
        format: 'srt',
        options: DEFAULT_EXPORT_OPTIONS,
      }),
    ).rejects.toThrow(/no timings/);
  });

  it('a Glossa JSON export imported again is the same document with its flags', async () => {
    const opened = await handlers.importTranscript({
      fileName: 'talk.txt',
      bytes: new TextEncoder().encode('The claim about forty thousand troops is new.\n\nSecond paragraph.'),
    });
    const segment = opened.document.segments[0];
    if (!segment) throw new Error('no segment');
    const flag = {
      id: '00000000-0000-4000-8000-0000000000f1',
      segmentId: segment.id,
      start: 4,
      end: 37,
      quote: segment.text.slice(4, 37),
      comment: 'Claim to verify',
      createdAt: '2026-11-30T12:00:00.000Z',
      resolvedAt: null,
    };
    await handlers.saveDocument({
      documentId: opened.documentId,
      document: opened.document,
      flags: [flag],
      viewState: null,
      openSuggestionCount: 0,
    });
    const json = await handlers.exportDocument({
      documentId: opened.documentId,
      format: 'json',
      options: DEFAULT_EXPORT_OPTIONS,
    });
    const again = await handlers.importTranscript({
      fileName: json.fileName,
      bytes: new Uint8Array(json.bytes),
    });
    expect(again.document).toEqual(opened.document);
    expect(again.flags).toEqual([flag]);
    expect((await handlers.openDocument({ documentId: again.documentId })).flags).toEqual([flag]);
  });

  it('has no save dialog in browser mode', async () => {
    await expect(handlers.saveFileAs({ fileName: 'a.txt', bytes: new Uint8Array([65]) })).rejects.toThrow(
      /browser mode/,
    );
  });
});

describe('exportFileName', () => {
  it.each([
    [{ title: 'Troops: in/Ukraine?' }, '.docx', 'Troops in Ukraine.docx'],
    [{ sourceFile: 'episode-12.srt' }, '.txt', 'episode-12.txt'],
    [{}, '.md', 'transcript.md'],
    [{ title: 'Dots at the end...' }, '.html', 'Dots at the end.html'],
    [{ title: 'tab\there' }, '.txt', 'tab here.txt'],
  ])('%o + %s → %s', (metadata, extension, expected) => {
    expect(
      exportFileName(
        { version: 1, metadata: { sourceFormat: 'text', ...metadata }, segments: [] },
        extension,
      ),
    ).toBe(expected);
  });
});
