import { $createRangeSelection, $setSelection, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { TranscriptDocument } from '../../../shared/document/model';
import { $loadDocument, $segmentNodes } from '../../../renderer/src/editor/document-bridge';
import { EDITOR_NODES } from '../../../renderer/src/editor/nodes';
import { $readFlagTarget } from '../../../renderer/src/flags/flag-selection';
import { relocateSpan, trimSpan, wordAt } from '../../../renderer/src/flags/flag-span';
import { commentToSave, quoteLabel, withQuickComment } from '../../../renderer/src/flags/flag-format';

const doc: TranscriptDocument = {
  version: 1,
  metadata: { sourceFormat: 'text' },
  segments: [
    { id: 'a', text: 'Hello from Kim Jong-nam today' },
    { id: 'b', text: '   ' },
    { id: 'c', text: 'Third one here.' },
  ],
};
function editorWith(): LexicalEditor {
  const editor = createEditor({
    namespace: 't',
    nodes: EDITOR_NODES,
    onError: (e) => {
      throw e;
    },
  });
  editor.update(() => $loadDocument(doc), { discrete: true });
  return editor;
}
function select(editor: LexicalEditor, a: [number, number], f: [number, number]) {
  editor.update(
    () => {
      const segs = $segmentNodes();
      const an = segs[a[0]]!.getFirstChild()!;
      const fn = segs[f[0]]!.getFirstChild()!;
      const s = $createRangeSelection();
      s.anchor.set(an.getKey(), a[1], 'text');
      s.focus.set(fn.getKey(), f[1], 'text');
      $setSelection(s);
    },
    { discrete: true },
  );
  return editor.read(() => $readFlagTarget());
}

describe('flag-span', () => {
  it('wordAt', () => {
    const t = 'Hello from Kim Jong-nam today';
    expect(wordAt(t, 0)).toEqual({ start: 0, end: 5 });
    expect(wordAt(t, 5)).toEqual({ start: 0, end: 5 });
    expect(wordAt(t, 17)).toEqual({ start: 15, end: 23 });
    expect(wordAt('a  b', 2)).toBeNull();
    expect(wordAt('', 0)).toBeNull();
    expect(wordAt('word', 4)).toEqual({ start: 0, end: 4 });
  });
  it('trimSpan', () => {
    expect(trimSpan(' ab ', 0, 4)).toEqual({ start: 1, end: 3 });
    expect(trimSpan('   ', 0, 3)).toBeNull();
    expect(trimSpan('abc', 3, 1)).toEqual({ start: 1, end: 3 });
  });
  it('relocateSpan', () => {
    expect(relocateSpan('xx abc', { start: 3, end: 6 }, 'abc')).toEqual({ start: 3, end: 6 });
    expect(relocateSpan('new xx abc', { start: 3, end: 6 }, 'abc')).toEqual({ start: 7, end: 10 });
    expect(relocateSpan('ab', { start: 3, end: 6 }, 'zzz')).toEqual({ start: 1, end: 2 });
    expect(relocateSpan('', { start: 3, end: 6 }, 'zzz')).toBeNull();
  });
  it('quick comments', () => {
    expect(withQuickComment('', 'Garbled speech')).toBe('Garbled speech: ');
    expect(withQuickComment('Garbled speech: ', 'Name to check')).toBe('Name to check: ');
    expect(commentToSave('Name to check: ')).toBe('Name to check');
    expect(commentToSave(' Note: ')).toBe('Note:');
    expect(commentToSave('Name to check: x')).toBe('Name to check: x');
    expect(withQuickComment('the date', 'Claim to verify')).toBe('Claim to verify: the date');
    expect(withQuickComment('Claim to verify: the date', 'Name to check')).toBe('Name to check: the date');
    expect(quoteLabel('a'.repeat(60)).length).toBeLessThan(45);
  });
});

describe('flag-selection', () => {
  it('reads a selection in one segment, trimmed', () => {
    const e = editorWith();
    expect(select(e, [0, 10], [0, 23])).toEqual({
      segmentId: 'a',
      start: 11,
      end: 23,
      quote: 'Kim Jong-nam',
    });
  });
  it('backward selection', () => {
    const e = editorWith();
    expect(select(e, [0, 23], [0, 11])).toEqual({
      segmentId: 'a',
      start: 11,
      end: 23,
      quote: 'Kim Jong-nam',
    });
  });
  it('collapsed: word under caret', () => {
    const e = editorWith();
    expect(select(e, [0, 13], [0, 13])?.quote).toBe('Kim');
  });
  it('clips a selection over segments to the first', () => {
    const e = editorWith();
    expect(select(e, [0, 24], [2, 5])).toEqual({ segmentId: 'a', start: 24, end: 29, quote: 'today' });
    expect(select(e, [2, 5], [0, 24])?.quote).toBe('today');
  });
  it('skips a blank first part', () => {
    const e = editorWith();
    expect(select(e, [1, 0], [2, 5])).toEqual({ segmentId: 'c', start: 0, end: 5, quote: 'Third' });
    expect(select(e, [0, 29], [2, 5])?.quote).toBe('Third');
  });
  it('nothing', () => {
    const e = editorWith();
    expect(e.read(() => $readFlagTarget())).toBeNull();
    expect(select(e, [1, 1], [1, 1])).toBeNull();
  });
});
