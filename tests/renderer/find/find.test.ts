/**
 * Find & replace helpers (renderer/src/find): which match is current, the bar's words, the preview's
 * context, and replacing on a headless Lexical editor as one undo step.
 */
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { createEditor, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { findMatches, type FindOptions } from '../../../shared/document/find-replace';
import type { TranscriptDocument } from '../../../shared/document/model';
import { $loadDocument, $segmentNodes } from '../../../renderer/src/editor/document-bridge';
import { EDITOR_NODES } from '../../../renderer/src/editor/nodes';
import { readSelectionPlace, replaceMatches, selectMatch } from '../../../renderer/src/find/find-actions';
import {
  countLabel,
  indexAtOrAfter,
  matchKey,
  replacedLabel,
  replacementOrder,
  seedQuery,
  spansBySegment,
  stepIndex,
} from '../../../renderer/src/find/match-navigation';
import { contextAround, previewRows } from '../../../renderer/src/find/preview-rows';

const plain = (query: string): FindOptions => ({
  query,
  caseSensitive: false,
  wholeWord: false,
  regex: false,
});
const segs = [
  { id: 'a', text: 'cat and cat' },
  { id: 'b', text: 'no match here' },
  { id: 'c', text: 'Cat!' },
];
const order = new Map(segs.map((s, i) => [s.id, i]));

describe('indexAtOrAfter', () => {
  const { matches } = findMatches(segs, plain('cat'));
  it.each([
    [null, 0],
    [{ segmentId: 'a', offset: 0 }, 0],
    [{ segmentId: 'a', offset: 1 }, 1],
    [{ segmentId: 'a', offset: 8 }, 1],
    [{ segmentId: 'a', offset: 9 }, 2],
    [{ segmentId: 'b', offset: 3 }, 2],
    [{ segmentId: 'c', offset: 1 }, 0], // wraps round
    [{ segmentId: 'gone', offset: 0 }, 0],
  ])('anchor %j → %i', (anchor, expected) => {
    expect(indexAtOrAfter(matches, order, anchor)).toBe(expected);
  });
  it('is -1 without matches', () => expect(indexAtOrAfter([], order, null)).toBe(-1));
});

describe('stepIndex', () => {
  it.each([
    [0, 3, 1, 1],
    [2, 3, 1, 0],
    [0, 3, -1, 2],
    [-1, 3, 1, 0],
    [-1, 3, -1, 2],
    [0, 0, 1, -1],
  ] as const)('%i of %i by %i → %i', (index, count, dir, expected) => {
    expect(stepIndex(index, count, dir)).toBe(expected);
  });
});

describe('labels', () => {
  it.each([
    ['', 0, 0, false, ''],
    ['x', -1, 0, false, 'No matches'],
    ['x', 2, 12, false, '3 of 12'],
    ['x', 0, 10000, true, '1 of 10,000+'],
  ] as const)('count %j', (query, index, total, truncated, expected) => {
    expect(countLabel(query, index, total, truncated)).toBe(expected);
  });
  it('replaced', () => {
    expect(replacedLabel(3, 0)).toBe('Replaced 3.');
    expect(replacedLabel(2, 1)).toBe('Replaced 2; 1 skipped: its text had changed.');
  });
});

describe('seedQuery', () => {
  it.each([
    [null, false, null],
    ['  ', false, null],
    ['two\nlines', false, null],
    ['x'.repeat(101), false, null],
    ['Kim Jong Un', false, 'Kim Jong Un'],
    ['a.b (c)', true, 'a\\.b \\(c\\)'],
  ] as const)('%j (regex %j) → %j', (selected, regex, expected) => {
    expect(seedQuery(selected, regex)).toBe(expected);
  });
});

describe('spans and order', () => {
  const { matches } = findMatches(segs, plain('cat'), 'dog');
  it('groups spans per segment', () => {
    expect(spansBySegment(matches)).toEqual(
      new Map([
        [
          'a',
          [
            { start: 0, end: 3 },
            { start: 8, end: 11 },
          ],
        ],
        ['c', [{ start: 0, end: 3 }]],
      ]),
    );
  });
  it('replaces from the last match of each segment', () => {
    expect(replacementOrder(matches).map(matchKey)).toEqual(['a:8:11', 'a:0:3', 'c:0:3']);
  });
});

describe('preview', () => {
  it('cuts context with ellipses and flattens line breaks', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    const start = text.indexOf('six');
    expect(contextAround(text, start, start + 3, 12)).toEqual({
      before: '…four five ',
      after: ' seven eight…',
    });
    expect(contextAround('a\nb X c\nd', 4, 5)).toEqual({ before: 'a b ', after: ' c d' });
  });
  it('labels rows by speaker/time or position', () => {
    const { matches } = findMatches(segs, plain('cat'), 'dog');
    const segments = new Map([
      ['a', { text: 'cat and cat', label: 'Host · 0:01', position: 1 }],
      ['c', { text: 'Cat!', label: '', position: 3 }],
    ]);
    expect(previewRows(matches, segments).map((r) => [r.where, r.before, r.match.text, r.after])).toEqual([
      ['Host · 0:01', '', 'cat', ' and cat'],
      ['Host · 0:01', 'cat and ', 'cat', ''],
      ['Segment 3', '', 'Cat', '!'],
    ]);
  });
});

const doc: TranscriptDocument = {
  version: 1,
  metadata: { sourceFormat: 'whisper-json' },
  segments: [
    { id: 'a', text: 'cat and cat' },
    { id: 'b', text: 'the Cat sat' },
  ],
};

function editorWithHistory(): { editor: LexicalEditor; history: ReturnType<typeof createEmptyHistoryState> } {
  const editor = createEditor({
    namespace: 't',
    nodes: EDITOR_NODES,
    onError: (e) => {
      throw e;
    },
  });
  const history = createEmptyHistoryState();
  registerHistory(editor, history, 0);
  editor.update(() => $loadDocument(doc), { discrete: true });
  return { editor, history };
}
const texts = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => $segmentNodes().map((n) => n.getTextContent()));
const read = (editor: LexicalEditor) => texts(editor).map((text, i) => ({ id: 'ab'[i]!, text }));

describe('replaceMatches (headless editor)', () => {
  it('replaces all in one undo step', async () => {
    const { editor, history } = editorWithHistory();
    const { matches } = findMatches(read(editor), plain('cat'), 'dog');
    expect(replaceMatches(editor, matches)).toEqual({ applied: 3, skipped: 0 });
    expect(texts(editor)).toEqual(['dog and dog', 'the dog sat']);
    expect(history.undoStack.length).toBe(1);
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(texts(editor)).toEqual(['cat and cat', 'the Cat sat']);
  });
  it('skips matches whose text changed, and records nothing when none apply', () => {
    const { editor, history } = editorWithHistory();
    const { matches } = findMatches(read(editor), plain('cat'), 'dog');
    const stale = matches.map((m) => ({ ...m, text: 'xyz' }));
    expect(replaceMatches(editor, stale)).toEqual({ applied: 0, skipped: 3 });
    expect(history.undoStack.length).toBe(0);
    expect(replaceMatches(editor, [stale[0]!, matches[1]!])).toEqual({ applied: 1, skipped: 1 });
    expect(texts(editor)).toEqual(['cat and dog', 'the Cat sat']);
  });
  it('selects a match and reads the selection back as the place to start from', () => {
    const { editor } = editorWithHistory();
    const { matches } = findMatches(read(editor), plain('cat'));
    selectMatch(editor, null, matches[2]!);
    expect(readSelectionPlace(editor)).toEqual({ anchor: { segmentId: 'b', offset: 4 }, selected: 'Cat' });
  });
});
