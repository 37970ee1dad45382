/**
 * Autosave of only the changes (WorkspaceStore.saveChanges) on a real SQLite file: edits, splits,
 * merges, moves and deletions give back exactly the document the editor holds; changes that do not
 * fit together are refused whole; whole saves and saves of changes mix; the original never moves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  WorkspaceNotFoundError,
  WorkspaceStore,
  WorkspaceValidationError,
  type DocumentChanges,
} from '../../../../electron/services/workspace/workspace-store';
import type { Segment, TranscriptDocument } from '../../../../shared/document/model';
import { countWords } from '../../../../shared/document/plain-text';
import type { ViewState } from '../../../../shared/workspace/types';
import { makeDocument, makeFlag } from './documents';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const VIEW: ViewState = { segmentId: 's2', offset: 5, scrollTop: 480.5 };

let folder: string;
let file: string;
let store: WorkspaceStore;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-workspace-changes-'));
  file = path.join(folder, 'workspace.db');
  store = WorkspaceStore.open(file);
});

afterEach(() => {
  store.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const small = () => makeDocument({ segments: 5, wordsPerSegment: 4 });

/** A save of changes with nothing but what the test gives. */
function changes(overrides: Partial<DocumentChanges>): DocumentChanges {
  return { segments: [], order: null, flags: [], viewState: null, openSuggestionCount: 0, ...overrides };
}

function segment(document: TranscriptDocument, id: string): Segment {
  const found = document.segments.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no segment ${id}`);
  return found;
}

/** A segment after the person typed in it: new text, the words re-aligned away. */
function retyped(original: Segment, text: string): Segment {
  const { words: _words, ...rest } = original;
  return { ...rest, text };
}

/** The document with `segments` replacing (or joining) its own, in `order`. */
function applied(document: TranscriptDocument, segments: Segment[], order: string[]): TranscriptDocument {
  const byId = new Map([...document.segments, ...segments].map((s) => [s.id, s]));
  return { ...document, segments: order.map((id) => byId.get(id)!) };
}

const ids = (document: TranscriptDocument) => document.segments.map((s) => s.id);

/** The stored positions of a document's segments, read past the store: always 0, 1, 2, … */
function storedPositions(): number[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare('SELECT position FROM current_segments ORDER BY position').pluck().all() as number[];
  } finally {
    db.close();
  }
}

describe('WorkspaceStore.saveChanges: what comes back', () => {
  it('changes one segment among 3,000 and gives back the whole document, counts and original', () => {
    const original = makeDocument({ segments: 3000, wordsPerSegment: 10 });
    const { id, createdAt } = store.createDocument(original, 9);
    const edited = retyped(segment(original, 's1500'), 'the troops crossed into the Kursk region today');
    const flags = [makeFlag({ segmentId: 's1500' })];

    const { savedAt } = store.saveChanges(
      id,
      changes({ segments: [edited], flags, viewState: VIEW, openSuggestionCount: 8 }),
    );

    const expected = applied(original, [edited], ids(original));
    const stored = store.getDocument(id);
    expect(stored.document).toEqual(expected);
    expect(store.getCurrentDocument(id)).toEqual(expected);
    expect(stored.original).toEqual(original);
    expect(stored.flags).toEqual(flags);
    expect(stored.viewState).toEqual(VIEW);
    expect(stored.summary).toEqual({
      id,
      title: 'Revision 0',
      sourceFile: 'episode.json',
      sourceFormat: 'whisperx-json',
      createdAt,
      updatedAt: savedAt,
      openSuggestionCount: 8,
      wordCount: countWords(expected),
      segmentCount: 3000,
    });
    expect(stored.summary.wordCount).toBe(30_000 - 10 + 8);
  });

  it('adds a segment split off another (a new id and the order)', () => {
    const original = small();
    const { id } = store.createDocument(original);
    const s2 = segment(original, 's2');
    const head = retyped(s2, 'officials said');
    const tail: Segment = { id: 'split-1', speaker: s2.speaker, text: 'the troops crossed' };
    const order = ['s1', 's2', 'split-1', 's3', 's4', 's5'];

    store.saveChanges(id, changes({ segments: [head, tail], order }));

    const expected = applied(original, [head, tail], order);
    expect(store.getDocument(id).document).toEqual(expected);
    expect(store.getDocument(id).summary).toMatchObject({ segmentCount: 6, wordCount: countWords(expected) });
    expect(storedPositions()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('deletes a segment merged into another (the order leaves it out)', () => {
    const original = small();
    const { id } = store.createDocument(original);
    const merged = retyped(
      segment(original, 's3'),
      `${segment(original, 's3').text} ${segment(original, 's4').text}`,
    );
    const order = ['s1', 's2', 's3', 's5'];

    store.saveChanges(id, changes({ segments: [merged], order }));

    const expected = applied(original, [merged], order);
    expect(store.getDocument(id).document).toEqual(expected);
    expect(store.getDocument(id).summary).toMatchObject({ segmentCount: 4, wordCount: 20 });
    expect(storedPositions()).toEqual([0, 1, 2, 3]);
  });

  it('moves segments with an order alone, and deletes them all with an empty one', () => {
    const original = small();
    const { id } = store.createDocument(original);
    const order = ['s4', 's1', 's2', 's3', 's5'];

    store.saveChanges(id, changes({ order }));
    expect(store.getDocument(id).document).toEqual(applied(original, [], order));
    expect(storedPositions()).toEqual([0, 1, 2, 3, 4]);

    store.saveChanges(id, changes({ order: [] }));
    expect(store.getDocument(id)).toMatchObject({
      document: { ...original, segments: [] },
      original,
      summary: { segmentCount: 0, wordCount: 0 },
    });
  });

  it('saves flags, view state and count alone, and lists the document first', () => {
    const original = small();
    const { id } = store.createDocument(original, 4);
    const other = store.createDocument(small());
    expect(store.listDocuments()[0]?.id).toBe(other.id);

    const { savedAt } = store.saveChanges(
      id,
      changes({ flags: [makeFlag()], viewState: VIEW, openSuggestionCount: 2 }),
    );

    expect(store.getDocument(id)).toMatchObject({
      document: original,
      flags: [makeFlag()],
      viewState: VIEW,
      summary: { openSuggestionCount: 2, updatedAt: savedAt, wordCount: 20, segmentCount: 5 },
    });
    expect(store.listDocuments().map((summary) => summary.id)).toEqual([id, other.id]);

    store.saveChanges(id, changes({ viewState: null }));
    expect(store.getDocument(id)).toMatchObject({ flags: [], viewState: null });
  });

  it('keeps the segments and their order when the file is closed and opened again', () => {
    const original = small();
    const { id } = store.createDocument(original);
    const added: Segment = { id: 'new', text: 'a new paragraph', startMs: 5, endMs: 9 };
    const order = ['s1', 'new', 's3', 's2', 's5'];
    store.saveChanges(id, changes({ segments: [added], order, viewState: VIEW }));
    const before = store.getDocument(id);

    store.close();
    store = WorkspaceStore.open(file);
    expect(store.getDocument(id)).toEqual(before);
    expect(before.document).toEqual(applied(original, [added], order));
  });
});

describe('WorkspaceStore.saveChanges: refusals', () => {
  /** A document with one save of changes behind it, and what it holds then. */
  function savedOnce() {
    const original = small();
    const { id } = store.createDocument(original);
    const edited = retyped(segment(original, 's1'), 'first edit');
    store.saveChanges(
      id,
      changes({ segments: [edited], flags: [makeFlag()], viewState: VIEW, openSuggestionCount: 3 }),
    );
    return { id, original, before: store.getDocument(id) };
  }

  const cases: {
    name: string;
    message: string;
    save: (original: TranscriptDocument) => Partial<DocumentChanges>;
  }[] = [
    {
      name: 'a changed segment that the order leaves out',
      message: 'The changed segment "s2" is not in the segment order',
      save: (original) => ({
        segments: [retyped(segment(original, 's2'), 'x')],
        order: ['s1', 's3', 's4', 's5'],
      }),
    },
    {
      name: 'an order naming a segment neither saved nor given',
      message: 'The segment order names "ghost", which is neither saved nor among the changed segments',
      save: (original) => ({
        segments: [retyped(segment(original, 's2'), 'x')],
        order: ['s1', 's2', 'ghost', 's3', 's4', 's5'],
      }),
    },
    {
      name: 'an order naming a segment twice',
      message: 'The segment order names "s3" twice',
      save: () => ({ order: ['s1', 's2', 's3', 's3', 's4', 's5'] }),
    },
    {
      name: 'a new segment without an order (after writing an existing one first)',
      message: 'The segment "split-9" is new, so the save must give the segment order',
      save: (original) => ({
        segments: [
          retyped(segment(original, 's2'), 'written, then rolled back'),
          { id: 'split-9', text: 'new' },
        ],
        order: null,
      }),
    },
    {
      name: 'two changed segments with one id',
      message: 'Two of the changed segments have the id "s2"',
      save: (original) => ({
        segments: [retyped(segment(original, 's2'), 'x'), retyped(segment(original, 's2'), 'y')],
        order: null,
      }),
    },
    {
      name: 'two flags with one id',
      message: `Two flags have the id "${makeFlag().id}"`,
      save: () => ({ flags: [makeFlag(), makeFlag({ segmentId: 's2' })] }),
    },
  ];

  it.each(cases)('refuses $name and leaves the last save as it was', ({ message, save }) => {
    const { id, original, before } = savedOnce();
    let thrown: unknown;
    try {
      store.saveChanges(id, changes({ viewState: null, openSuggestionCount: 0, ...save(original) }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WorkspaceValidationError);
    expect(thrown).toMatchObject({ code: 'invalid', message });
    expect(store.getDocument(id)).toEqual(before);
  });

  it('refuses a suggestion count that is not a whole number', () => {
    const { id, before } = savedOnce();
    expect(() => store.saveChanges(id, changes({ openSuggestionCount: -1 }))).toThrow(/whole number/);
    expect(store.getDocument(id)).toEqual(before);
  });

  it('refuses to save changes to an unknown document, and creates nothing', () => {
    expect(() => store.saveChanges(MISSING_ID, changes({ order: [] }))).toThrow(WorkspaceNotFoundError);
    expect(store.listDocuments()).toEqual([]);
  });
});

describe('WorkspaceStore: whole saves and saves of changes together', () => {
  it('mixes saveDocument and saveChanges, each on top of the last', () => {
    const original = small();
    const { id } = store.createDocument(original);
    let expected = original;
    const expectStored = () => {
      const stored = store.getDocument(id);
      expect(stored.document).toEqual(expected);
      expect(stored.original).toEqual(original);
      expect(stored.summary).toMatchObject({
        title: expected.metadata.title,
        wordCount: countWords(expected),
        segmentCount: expected.segments.length,
      });
      expect(storedPositions()).toEqual(expected.segments.map((_, index) => index));
    };

    // Changes: one edit.
    const s2 = retyped(segment(original, 's2'), 'edited once');
    store.saveChanges(id, changes({ segments: [s2] }));
    expected = applied(expected, [s2], ids(expected));
    expectStored();

    // Whole (an undo): new title, s3 gone, s5 first, s1 as imported again.
    expected = {
      ...original,
      metadata: { ...original.metadata, title: 'Renamed' },
      segments: [segment(original, 's5'), segment(original, 's1'), s2, segment(original, 's4')],
    };
    store.saveDocument(id, { document: expected, flags: [], viewState: null, openSuggestionCount: 0 });
    expectStored();

    // Changes: a split of s4 and an edit of s5, then a save bringing back s3 (a redo).
    const s4 = retyped(segment(original, 's4'), 'left');
    const split: Segment = { id: 's4b', text: 'right half' };
    const s5 = retyped(segment(original, 's5'), 'edited s5');
    const order = ['s5', 's1', 's2', 's4', 's4b'];
    store.saveChanges(id, changes({ segments: [s4, split, s5], order }));
    expected = applied(expected, [s4, split, s5], order);
    expectStored();

    const s3 = segment(original, 's3');
    store.saveChanges(id, changes({ segments: [s3], order: ['s1', 's2', 's3', 's4', 's4b', 's5'] }));
    expected = applied(expected, [s3], ['s1', 's2', 's3', 's4', 's4b', 's5']);
    expectStored();

    // Whole again, then changes: the whole save dropped s4b, so a change to it now needs an order.
    expected = { ...expected, segments: expected.segments.filter((s) => s.id !== 's4b') };
    store.saveDocument(id, { document: expected, flags: [], viewState: null, openSuggestionCount: 0 });
    expectStored();
    expect(() => store.saveChanges(id, changes({ segments: [split] }))).toThrow(
      'The segment "s4b" is new, so the save must give the segment order',
    );
    expectStored();
  });

  it('gives back the same document as a whole save would after random edits, splits, merges and moves', () => {
    // A small seeded generator, so a failure can be replayed.
    let seed = 20_241_022;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % below;
    };
    const original = makeDocument({ segments: 40, wordsPerSegment: 6 });
    const { id } = store.createDocument(original);
    let current = structuredClone(original);
    let next = 1;

    for (let step = 0; step < 150; step++) {
      const segments = [...current.segments];
      const changed = new Map<string, Segment>();
      let structure = false;
      const at = random(Math.max(segments.length, 1));
      const target = segments[at];
      switch (segments.length === 0 ? 4 : random(5)) {
        case 0: // type in a segment
          changed.set(target!.id, retyped(target!, `edit ${step} ${target!.text}`));
          break;
        case 1: {
          // split a segment in two
          const right: Segment = { id: `n${next++}`, text: `split ${step}` };
          changed.set(target!.id, retyped(target!, 'left part'));
          changed.set(right.id, right);
          segments.splice(at + 1, 0, right);
          structure = true;
          break;
        }
        case 2: // merge a segment into the one before it
          if (at > 0) {
            const previous = segments[at - 1]!;
            changed.set(previous.id, retyped(previous, `${previous.text} ${target!.text}`));
            segments.splice(at, 1);
            structure = true;
          }
          break;
        case 3: {
          // move a segment
          const [moved] = segments.splice(at, 1);
          segments.splice(random(segments.length + 1), 0, moved!);
          structure = true;
          break;
        }
        default: {
          // paste a new segment
          const pasted: Segment = { id: `n${next++}`, text: `pasted ${step}`, speaker: 'GUEST' };
          segments.splice(at, 0, pasted);
          changed.set(pasted.id, pasted);
          structure = true;
        }
      }
      current = { ...current, segments: segments.map((s) => changed.get(s.id) ?? s) };
      if (step % 25 === 24) {
        store.saveDocument(id, { document: current, flags: [], viewState: null, openSuggestionCount: step });
      } else {
        store.saveChanges(
          id,
          changes({
            segments: [...changed.values()],
            order: structure ? ids(current) : null,
            openSuggestionCount: step,
          }),
        );
      }
      const stored = store.getDocument(id);
      expect(stored.document).toEqual(current);
      expect(stored.summary).toMatchObject({
        openSuggestionCount: step,
        wordCount: countWords(current),
        segmentCount: current.segments.length,
      });
    }
    expect(storedPositions()).toEqual(current.segments.map((_, index) => index));
    expect(store.getDocument(id).original).toEqual(original);
  });
});

describe('WorkspaceStore: segment ids', () => {
  it('refuses a document with one segment id twice, on create and on a whole save', () => {
    const twice = small();
    twice.segments[3]!.id = 's2';
    expect(() => store.createDocument(twice)).toThrow('Two segments have the id "s2"');
    expect(store.listDocuments()).toEqual([]);

    const { id } = store.createDocument(small());
    const save = () =>
      store.saveDocument(id, { document: twice, flags: [], viewState: null, openSuggestionCount: 0 });
    expect(save).toThrow(WorkspaceValidationError);
    expect(store.getDocument(id).document).toEqual(small());
  });
});
