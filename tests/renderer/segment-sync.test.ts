/**
 * An editor update applied to what is anchored in the segments, on a headless Lexical editor with
 * a real EditorSession: flags follow their text through edits and merges, suggestions on edited
 * words go, and the edited segments are reported for a re-check.
 */
import { $isTextNode, createEditor, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import type { GlossaApi } from '../../shared/api/contract';
import type { TranscriptDocument } from '../../shared/document/model';
import { $loadDocument, $segmentNodes } from '../../renderer/src/editor/document-bridge';
import { EDITOR_NODES } from '../../renderer/src/editor/nodes';
import { syncEditedSegments } from '../../renderer/src/editor/segment-sync';
import { EditorSession } from '../../renderer/src/editor/session';
import { withKeys } from '../../renderer/src/suggestions/suggestion-store';

// Nothing here reaches the Node side: re-checks are the caller's job.
const noApi = new Proxy(
  {},
  { get: () => () => Promise.reject(new Error('no API in this test')) },
) as GlossaApi;

const doc: TranscriptDocument = {
  version: 1,
  metadata: { sourceFormat: 'text' },
  segments: [
    { id: 'a', text: 'We spoke to Marco Ruta.' },
    { id: 'b', text: 'He said forty thousand troops.' },
  ],
};

let detach: (() => void) | undefined;
afterEach(() => detach?.());

function setUp(): { editor: LexicalEditor; session: EditorSession; touched: string[][] } {
  const editor = createEditor({
    namespace: 't',
    nodes: EDITOR_NODES,
    onError: (e) => {
      throw e;
    },
  });
  editor.update(() => $loadDocument(doc), { discrete: true });
  const session = new EditorSession(noApi, 'd', doc.metadata);
  detach = session.attach(editor);
  session.suggestions.replaceAll(
    withKeys([
      {
        segmentId: 'a',
        start: 12,
        end: 22,
        text: 'Marco Ruta',
        replacement: 'Mark Rutte',
        score: 0.9,
        reason: 'sound',
        termId: 't',
        alternatives: [],
      },
    ]),
  );
  session.flags.replaceAll([
    {
      key: 'f',
      id: '00000000-0000-4000-8000-000000000001',
      segmentId: 'b',
      start: 8,
      end: 29,
      quote: 'forty thousand troops',
      comment: 'Claim to verify',
      createdAt: '2026-11-30T00:00:00.000Z',
      resolvedAt: null,
    },
  ]);
  const touched: string[][] = [];
  editor.registerUpdateListener((update) => touched.push(syncEditedSegments(session, update)));
  return { editor, session, touched };
}

const textOf = (editor: LexicalEditor, segmentId: string) =>
  editor.getEditorState().read(
    () =>
      $segmentNodes()
        .find((n) => n.getSegmentId() === segmentId)
        ?.getTextContent() ?? '',
  );

describe('syncEditedSegments', () => {
  it('drops the suggestion on retyped words and reports the segment for a re-check', () => {
    const { editor, session, touched } = setUp();
    editor.update(
      () => {
        const text = $segmentNodes()[0]?.getFirstChild();
        if ($isTextNode(text)) text.spliceText(12, 5, 'Mark', false);
      },
      { discrete: true },
    );
    expect(textOf(editor, 'a')).toBe('We spoke to Mark Ruta.');
    expect(session.suggestions.list()).toHaveLength(0);
    expect(touched.at(-1)).toEqual(['a']);
  });

  it('a flag follows its passage when its segment is merged into the one before', () => {
    const { editor, session } = setUp();
    editor.update(
      () => {
        const text = $segmentNodes()[1]?.getFirstChild();
        if ($isTextNode(text)) text.select(0, 0).deleteCharacter(true); // Backspace at the start of "He said…"
      },
      { discrete: true },
    );
    const merged = textOf(editor, 'a');
    expect(merged).toBe('We spoke to Marco Ruta.He said forty thousand troops.');
    const [flag] = session.flags.list();
    expect(flag?.segmentId).toBe('a');
    expect(merged.slice(flag!.start, flag!.end)).toBe('forty thousand troops');
  });
});
