/**
 * Insert timestamp on a headless Lexical editor: re-timing a segment at its start, splitting it
 * elsewhere as Enter does, the previous segment's end, refusing times that run backwards, and one
 * undo step for all of it.
 */
import { createEmptyHistoryState, registerHistory, type HistoryState } from '@lexical/history';
import { createEditor, HISTORY_PUSH_TAG, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { Segment, TranscriptDocument } from '../../../shared/document/model';
import { $loadDocument, $readDocument, $segmentNodes } from '../../../renderer/src/editor/document-bridge';
import { EDITOR_NODES } from '../../../renderer/src/editor/nodes';
import { $selectSpan } from '../../../renderer/src/editor/segment-text';
import {
  $insertTimestamp,
  type TimestampResult,
} from '../../../renderer/src/media/timestamps/insert-timestamp';
import { withEstimates } from '../../../renderer/src/media/timestamps/estimated-timeline';

const metadata: TranscriptDocument['metadata'] = { sourceFormat: 'text' };

function open(segments: Segment[]): { editor: LexicalEditor; history: HistoryState } {
  const editor = createEditor({
    namespace: 't',
    nodes: EDITOR_NODES,
    onError: (e) => {
      throw e;
    },
  });
  const history = createEmptyHistoryState();
  registerHistory(editor, history, 0);
  editor.update(() => $loadDocument({ version: 1, metadata, segments }), { discrete: true });
  return { editor, history };
}

/** Puts the caret at `offset` of segment `id` and inserts the timestamp `ms` there. */
function insertAt(editor: LexicalEditor, id: string, offset: number, ms: number): TimestampResult {
  editor.update(
    () => {
      const node = $segmentNodes().find((n) => n.getSegmentId() === id);
      if (!node) throw new Error(`no segment ${id}`);
      $selectSpan(node, offset, offset);
    },
    { discrete: true },
  );
  let result: TimestampResult | null = null;
  editor.update(
    () => {
      result = $insertTimestamp(ms);
    },
    { discrete: true, tag: HISTORY_PUSH_TAG },
  );
  if (!result) throw new Error('the update did not run');
  return result;
}

/** The document as the autosave would send it: [text, speaker, start, end] per segment. */
const saved = (editor: LexicalEditor) =>
  editor
    .getEditorState()
    .read(() => $readDocument(metadata))
    .segments.map((s) => [s.text, s.speaker, s.startMs, s.endMs]);

const ids = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => $segmentNodes().map((n) => n.getSegmentId()));

const caret = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => {
    const selection = editor.getEditorState()._selection;
    return selection ? selection.getNodes()[0]?.getTextContent() : null;
  });

const untimed: Segment[] = [
  { id: 'a', speaker: 'Ann', text: 'Good morning everyone.' },
  { id: 'b', speaker: 'Ann', text: 'Today we talk about satellites.' },
  { id: 'c', speaker: 'Bob', text: 'Thank you.' },
];

describe('$insertTimestamp', () => {
  it('at the start of a segment sets its start and splits nothing', () => {
    const { editor } = open(untimed);
    const result = insertAt(editor, 'b', 0, 12_345);
    expect(result).toEqual({ ok: true, segmentId: 'b', split: false, message: 'Timestamp 0:12 set.' });
    expect(saved(editor)).toEqual([
      ['Good morning everyone.', 'Ann', undefined, undefined],
      ['Today we talk about satellites.', 'Ann', 12_345, undefined],
      ['Thank you.', 'Bob', undefined, undefined],
    ]);
  });

  it('in an empty segment, or after only spaces, sets that segment’s start', () => {
    const { editor } = open([
      { id: 'a', text: '' },
      { id: 'b', text: '  spaced' },
    ]);
    expect(insertAt(editor, 'a', 0, 1000)).toMatchObject({ ok: true, split: false, segmentId: 'a' });
    expect(insertAt(editor, 'b', 2, 2000)).toMatchObject({ ok: true, split: false, segmentId: 'b' });
    expect(saved(editor)).toEqual([
      ['', undefined, 1000, 2000],
      ['  spaced', undefined, 2000, undefined],
    ]);
  });

  it('mid-segment splits it as Enter does (same speaker, first id kept) and the new segment gets the start', () => {
    const { editor } = open(untimed);
    const result = insertAt(editor, 'b', 'Today we talk '.length, 61_000);
    expect(result).toMatchObject({ ok: true, split: true, message: 'Timestamp 1:01 set.' });
    if (!result.ok) throw new Error('refused');
    expect(ids(editor)).toEqual(['a', 'b', result.segmentId, 'c']);
    expect(saved(editor)).toEqual([
      ['Good morning everyone.', 'Ann', undefined, undefined],
      ['Today we talk ', 'Ann', undefined, undefined],
      ['about satellites.', 'Ann', 61_000, undefined],
      ['Thank you.', 'Bob', undefined, undefined],
    ]);
    // The caret is where Enter leaves it: at the start of the new segment.
    expect(caret(editor)).toBe('about satellites.');
  });

  it('at the end of a segment makes a new empty segment with the start, to type what comes next', () => {
    const { editor } = open([{ id: 'a', text: 'Hello.' }]);
    expect(insertAt(editor, 'a', 'Hello.'.length, 4000)).toMatchObject({ ok: true, split: true });
    expect(saved(editor)).toEqual([
      ['Hello.', undefined, undefined, undefined],
      ['', undefined, 4000, undefined],
    ]);
  });

  it('gives the previous timed segment this start as its end when it had none or a later one', () => {
    const { editor } = open([
      { id: 'a', startMs: 1000, text: 'One.' },
      { id: 'b', text: 'Two untimed.' },
      { id: 'c', startMs: 9000, endMs: 20_000, text: 'Three four.' },
      { id: 'd', text: 'Five.' },
    ]);
    insertAt(editor, 'b', 4, 5000); // the previous timed segment is a, two segments up
    insertAt(editor, 'c', 6, 15_000); // splits c: c ends at 15 s, the new half keeps c's end
    expect(saved(editor)).toEqual([
      ['One.', undefined, 1000, 5000],
      ['Two ', undefined, undefined, undefined],
      ['untimed.', undefined, 5000, undefined],
      ['Three ', undefined, 9000, 15_000],
      ['four.', undefined, 15_000, 20_000],
      ['Five.', undefined, undefined, undefined],
    ]);
  });

  it('keeps an earlier end of the previous segment', () => {
    const { editor } = open([
      { id: 'a', startMs: 1000, endMs: 2000, text: 'One.' },
      { id: 'b', text: 'Two.' },
    ]);
    insertAt(editor, 'b', 0, 3000);
    expect(saved(editor)).toEqual([
      ['One.', undefined, 1000, 2000],
      ['Two.', undefined, 3000, undefined],
    ]);
  });

  it('re-times a timed segment, dropping an end that would come before its new start', () => {
    const { editor } = open([
      { id: 'a', startMs: 0, endMs: 4000, text: 'One.' },
      { id: 'b', startMs: 4000, endMs: 5000, text: 'Two.' },
      { id: 'c', startMs: 8000, text: 'Three.' },
    ]);
    expect(insertAt(editor, 'b', 0, 6000)).toMatchObject({ ok: true, split: false });
    expect(saved(editor)).toEqual([
      ['One.', undefined, 0, 4000],
      ['Two.', undefined, 6000, undefined],
      ['Three.', undefined, 8000, undefined],
    ]);
  });

  it.each([
    ['before the previous timestamp', 'b', 0, 500, '0:00 is before the previous timestamp (0:01)'],
    [
      'before the segment’s own start when splitting',
      'b',
      2,
      1500,
      '0:01 is before the previous timestamp (0:02)',
    ],
    ['after the next timestamp', 'a', 1, 2500, '0:02 is after the next timestamp (0:02)'],
  ])('refuses a time %s and changes nothing', (_name, id, offset, ms, message) => {
    const { editor, history } = open([
      { id: 'a', startMs: 1000, text: 'One.' },
      { id: 'b', startMs: 2000, text: 'Two.' },
      { id: 'c', startMs: 9000, text: 'Three.' },
    ]);
    const before = saved(editor);
    const undoSteps = history.undoStack.length;
    const result = insertAt(editor, id, offset, ms);
    expect(result.ok).toBe(false);
    expect(result.message).toContain(message);
    expect(saved(editor)).toEqual(before);
    expect(history.undoStack.length).toBe(undoSteps);
  });

  it('refuses a segment timed by its recognised words', () => {
    const { editor } = open([
      {
        id: 'a',
        startMs: 0,
        endMs: 900,
        text: 'hello there',
        words: [
          { text: 'hello', startMs: 0, endMs: 400 },
          { text: 'there', startMs: 500, endMs: 900 },
        ],
      },
    ]);
    expect(insertAt(editor, 'a', 6, 450)).toMatchObject({
      ok: false,
      message: expect.stringContaining('words'),
    });
    expect(ids(editor)).toEqual(['a']);
  });

  it('is one undo step: the split, the start and the previous end come back together', async () => {
    const { editor, history } = open([
      { id: 'a', startMs: 1000, text: 'One.' },
      { id: 'b', text: 'Two three.' },
    ]);
    const before = saved(editor);
    const undoSteps = history.undoStack.length;
    insertAt(editor, 'b', 4, 5000);
    expect(saved(editor)).toHaveLength(3);
    expect(history.undoStack.length).toBe(undoSteps + 1);
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(saved(editor)).toEqual(before);
    expect(ids(editor)).toEqual(['a', 'b']);
  });

  it('refuses without a caret in the transcript', () => {
    const { editor } = open(untimed);
    let result: TimestampResult | null = null;
    editor.update(() => (result = $insertTimestamp(1000)), { discrete: true });
    expect(result).toMatchObject({ ok: false, message: 'Put the caret in the transcript first.' });
  });
});

describe('withEstimates (follow playback and seeking)', () => {
  const timed = (segmentId: string, text: string, startMs?: number, endMs?: number) => ({
    segmentId,
    text,
    words: undefined,
    startMs,
    endMs,
  });
  it('estimates untimed segments between timed ones and up to the recording’s end, marked approximate', () => {
    const result = withEstimates(
      [
        timed('a', 'xxxxxxxxxx', 0),
        timed('b', 'xxxxxxxxxx'),
        timed('c', 'xxxxxxxxxx', 4000),
        timed('d', 'xx'),
      ],
      6000,
    );
    expect(result.map((s) => [s.segmentId, s.startMs, s.endMs, s.approximate])).toEqual([
      ['a', 0, 2000, false],
      ['b', 2000, 4000, true],
      ['c', 4000, 5667, false],
      ['d', 5667, 6000, true],
    ]);
  });
  it('leaves word-timed segments to their words', () => {
    const words = [{ text: 'hi', startMs: 100, endMs: 300 }];
    const [segment] = withEstimates([{ segmentId: 'a', text: 'hi', words, startMs: 50, endMs: 400 }], 1000);
    expect(segment).toMatchObject({ startMs: 50, endMs: 400, words, approximate: false });
  });
});
