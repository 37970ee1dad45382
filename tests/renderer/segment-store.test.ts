import { describe, expect, it } from 'vitest';
import { diffTexts } from '../../shared/document/edit-mapping';
import { FlagStore, type LiveFlag } from '../../renderer/src/flags/flag-store';
import { SuggestionStore, withKeys } from '../../renderer/src/suggestions/suggestion-store';
import type { SegmentSuggestion } from '../../shared/workspace/types';

function suggestion(segmentId: string, start: number, text: string): SegmentSuggestion {
  return {
    segmentId,
    start,
    end: start + text.length,
    text,
    replacement: 'X',
    score: 0.9,
    reason: 'sound',
    termId: 't',
    alternatives: [],
  };
}

describe('SuggestionStore', () => {
  it('lists suggestions in document order and keeps the same array until something changes', () => {
    const store = new SuggestionStore();
    store.replaceAll(
      withKeys([suggestion('b', 0, 'NAS'), suggestion('a', 12, 'Marco'), suggestion('a', 2, 'Jako')]),
    );
    store.setOrder(['a', 'b']);
    const list = store.list();
    expect(list.map((s) => [s.segmentId, s.text])).toEqual([
      ['a', 'Jako'],
      ['a', 'Marco'],
      ['b', 'NAS'],
    ]);
    expect(store.list()).toBe(list);
    store.remove([list[0]!.key]);
    expect(store.list()).not.toBe(list);
    expect(store.list()).toHaveLength(2);
  });

  it('drops a suggestion whose words were edited and shifts the ones after the edit', () => {
    const store = new SuggestionStore();
    const before = 'Hi Jako, meet Marco Ruta.';
    store.replaceAll(withKeys([suggestion('a', 3, 'Jako'), suggestion('a', 14, 'Marco Ruta')]));
    store.takeChanges();
    const after = 'Hi Jacco, meet Marco Ruta.';
    store.applyEdit('a', diffTexts(before, after)!);
    const [only] = store.list();
    expect(store.list()).toHaveLength(1);
    expect(after.slice(only!.start, only!.end)).toBe('Marco Ruta');
    expect(store.takeChanges()).toEqual(new Set(['a']));
  });

  it('typing after the last suggestion of a segment moves nothing and tells no listener', () => {
    const store = new SuggestionStore();
    const before = 'Hi Jako, meet Marco Ruta';
    store.replaceAll(withKeys([suggestion('a', 3, 'Jako'), suggestion('a', 14, 'Marco Ruta')]));
    store.takeChanges();
    const list = store.list();
    let told = 0;
    const stop = store.subscribe(() => told++);
    expect(store.applyEdit('a', diffTexts(before, `${before}.`)!)).toBe(false);
    expect(told).toBe(0);
    expect(store.list()).toBe(list);
    expect(store.takeChanges()).toEqual(new Set());
    // An edit before an anchor still moves it and tells.
    expect(store.applyEdit('a', diffTexts(before, `Oh ${before}`)!)).toBe(true);
    expect(told).toBe(1);
    expect(store.list()[0]?.start).toBe(6);
    stop();
  });

  it('forgets the suggestions of segments that are gone', () => {
    const store = new SuggestionStore();
    store.replaceAll(withKeys([suggestion('a', 0, 'NAS'), suggestion('b', 0, 'NAS')]));
    store.setOrder(['b']);
    expect(store.list().map((s) => s.segmentId)).toEqual(['b']);
  });
});

describe('FlagStore', () => {
  it('keeps a flag covering its passage while the passage is edited', () => {
    const store = new FlagStore();
    const before = 'The claim about forty thousand troops is new.';
    const flag: LiveFlag = {
      key: 'f',
      id: '00000000-0000-4000-8000-000000000001',
      segmentId: 'a',
      start: 4,
      end: 4 + 'claim about forty thousand troops'.length,
      quote: 'claim about forty thousand troops',
      comment: 'Claim to verify',
      createdAt: '2026-11-30T00:00:00.000Z',
      resolvedAt: null,
    };
    store.replaceAll([flag]);
    const after = 'The claim about 40,000 troops is new.';
    store.applyEdit('a', diffTexts(before, after)!);
    const [moved] = store.list();
    expect(after.slice(moved!.start, moved!.end)).toBe('claim about 40,000 troops');
  });
});
