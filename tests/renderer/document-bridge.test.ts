/**
 * The editor's document model, run on a headless Lexical editor (no DOM): loading a transcript makes
 * one SegmentNode per segment, reading it back gives the same document, and edits keep the
 * timings of the words they did not touch.
 */
import { $getRoot, $isTextNode, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { TranscriptDocument } from '../../shared/document/model';
import { $loadDocument, $readDocument, $segmentNodes } from '../../renderer/src/editor/document-bridge';
import { EDITOR_NODES } from '../../renderer/src/editor/nodes';
import { $replaceSpan } from '../../renderer/src/editor/segment-text';

const doc: TranscriptDocument = {
  version: 1,
  metadata: { sourceFormat: 'whisper-json', title: 'Episode 12' },
  segments: [
    {
      id: 'a',
      speaker: 'Host',
      startMs: 0,
      endMs: 2400,
      text: 'Hello from Marco Ruta today',
      words: [
        { text: 'Hello', startMs: 0, endMs: 400, confidence: 0.99 },
        { text: 'from', startMs: 400, endMs: 700, confidence: 0.98 },
        { text: 'Marco', startMs: 700, endMs: 1200, confidence: 0.41 },
        { text: 'Ruta', startMs: 1200, endMs: 1700, confidence: 0.38 },
        { text: 'today', startMs: 1700, endMs: 2400, confidence: 0.97 },
      ],
    },
    { id: 'b', speaker: 'Guest', text: 'No timings here.' },
    { id: 'c', text: '' },
  ],
};

function editorWith(document: TranscriptDocument): LexicalEditor {
  const editor = createEditor({
    namespace: 'test',
    nodes: EDITOR_NODES,
    onError: (error) => {
      throw error;
    },
  });
  editor.update(() => $loadDocument(document), { discrete: true });
  return editor;
}

const read = (editor: LexicalEditor) => editor.getEditorState().read(() => $readDocument(doc.metadata));

describe('document bridge', () => {
  it('loads one segment node per segment and reads the same document back', () => {
    const editor = editorWith(doc);
    expect(editor.getEditorState().read(() => $segmentNodes().length)).toBe(3);
    expect(read(editor)).toEqual(doc);
  });

  it('keeps the timings and confidences of untouched words when a name is corrected', () => {
    const editor = editorWith(doc);
    editor.update(
      () => {
        const [first] = $segmentNodes();
        if (!first) throw new Error('no segment');
        expect($replaceSpan(first, 11, 21, 'Mark Rutte')).toBe(true);
      },
      { discrete: true },
    );
    const segment = read(editor).segments[0];
    expect(segment?.text).toBe('Hello from Mark Rutte today');
    expect(segment?.words?.map((w) => [w.text, w.startMs, w.endMs, w.confidence])).toEqual([
      ['Hello', 0, 400, 0.99],
      ['from', 400, 700, 0.98],
      // Replaced one for one: the old words' times, and no confidence (a person typed them).
      ['Mark', 700, 1200, undefined],
      ['Rutte', 1200, 1700, undefined],
      ['today', 1700, 2400, 0.97],
    ]);
    expect([segment?.startMs, segment?.endMs]).toEqual([0, 2400]);
  });

  it('splitting a segment with Enter gives the new segment a fresh id and the speaker, and both keep timings', () => {
    const editor = editorWith(doc);
    editor.update(
      () => {
        const [first] = $segmentNodes();
        const text = first?.getFirstChild();
        if (!first || !$isTextNode(text)) throw new Error('no text');
        text.select(11, 11); // before "Marco"
        const selection = text.select(11, 11);
        selection.insertParagraph();
      },
      { discrete: true },
    );
    const segments = read(editor).segments;
    expect(segments.map((s) => s.text)).toEqual(['Hello from ', 'Marco Ruta today', 'No timings here.', '']);
    const [left, right] = segments;
    expect(left?.id).toBe('a');
    expect(right?.id).not.toBe('a');
    expect(right?.speaker).toBe('Host');
    expect(left?.words?.map((w) => w.startMs)).toEqual([0, 400]);
    expect(right?.words?.map((w) => [w.text, w.startMs])).toEqual([
      ['Marco', 700],
      ['Ruta', 1200],
      ['today', 1700],
    ]);
    expect(right?.startMs).toBe(700);
  });

  it('segment ids stay unique in the state when the root is rebuilt from JSON', () => {
    const editor = editorWith(doc);
    const json = editor.getEditorState().toJSON();
    const again = createEditor({
      namespace: 'test',
      nodes: EDITOR_NODES,
      onError: (e) => {
        throw e;
      },
    });
    again.setEditorState(again.parseEditorState(json));
    expect(again.getEditorState().read(() => $readDocument(doc.metadata))).toEqual(doc);
    expect(again.getEditorState().read(() => $getRoot().getChildrenSize())).toBe(3);
  });
});
