/**
 * A small observable store of items anchored in segments (suggestions, flags). Items are kept per
 * segment so an edit touches only its segment; the document-order list is built lazily and cached
 * until the next change, so React can read it with useSyncExternalStore.
 */
import { mapRange, type TextEdit } from '../../../shared/document/edit-mapping';

export interface Anchored {
  /** Unique within the store. */
  key: string;
  segmentId: string;
  start: number;
  end: number;
}

export class SegmentStore<T extends Anchored> {
  private bySegment = new Map<string, T[]>();
  private order: readonly string[] = [];
  private listCache: T[] | null = null;
  private changedSegments: Set<string> | 'all' = 'all';
  private removed = new Map<string, T[]>();
  private readonly listeners = new Set<() => void>();

  /** How anchors follow edits: 'drop' (stale when touched) or 'stretch' (keep covering the passage). */
  constructor(private readonly editMode: 'drop' | 'stretch') {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every item in document order (segment order, then offset). Same array until something changes. */
  list = (): T[] => {
    if (!this.listCache) {
      const list: T[] = [];
      const seen = new Set<string>();
      for (const segmentId of this.order) {
        seen.add(segmentId);
        list.push(...(this.bySegment.get(segmentId) ?? []));
      }
      // Items of segments the order does not know yet (before the editor reported it) go last.
      for (const [segmentId, items] of this.bySegment) if (!seen.has(segmentId)) list.push(...items);
      this.listCache = list;
    }
    return this.listCache;
  };

  forSegment(segmentId: string): readonly T[] {
    return this.bySegment.get(segmentId) ?? [];
  }

  /** Segments whose items changed since the last call ('all' after a wholesale change). */
  takeChanges(): Set<string> | 'all' {
    const changes = this.changedSegments;
    this.changedSegments = new Set();
    return changes;
  }

  segmentIds(): IterableIterator<string> {
    return this.bySegment.keys();
  }

  get(key: string): T | undefined {
    return this.list().find((item) => item.key === key);
  }

  setOrder(order: readonly string[]): void {
    this.order = order;
    // Items of segments that are gone (deleted, merged into another) go with them, but are kept
    // aside until the next structure change, so a merge can hand them to the segment that took
    // the text (see adopt).
    const present = new Set(order);
    this.removed = new Map();
    for (const [segmentId, items] of [...this.bySegment]) {
      if (!present.has(segmentId)) {
        this.bySegment.delete(segmentId);
        this.removed.set(segmentId, items);
        this.markChanged(segmentId);
      }
    }
    this.changed();
  }

  /**
   * A removed segment's text now lives in another segment, starting at `offset` (Backspace at
   * the start of a segment merges it into the one before): its items move there.
   */
  adopt(fromSegmentId: string, toSegmentId: string, offset: number): void {
    // Lexical may report the update before or after the structure change that removed the segment.
    const items = this.removed.get(fromSegmentId) ?? this.bySegment.get(fromSegmentId);
    if (!items) return;
    this.removed.delete(fromSegmentId);
    this.bySegment.delete(fromSegmentId);
    for (const item of items) {
      this.push({ ...item, segmentId: toSegmentId, start: item.start + offset, end: item.end + offset });
    }
    this.bySegment.get(toSegmentId)?.sort(byStart);
    this.markChanged(toSegmentId);
    this.changed();
  }

  replaceAll(items: readonly T[]): void {
    this.bySegment = new Map();
    for (const item of items) this.push(item);
    for (const items of this.bySegment.values()) items.sort(byStart);
    this.changedSegments = 'all';
    this.changed();
  }

  replaceSegment(segmentId: string, items: readonly T[]): void {
    if (items.length === 0) this.bySegment.delete(segmentId);
    else this.bySegment.set(segmentId, [...items].sort(byStart));
    this.markChanged(segmentId);
    this.changed();
  }

  add(item: T): void {
    this.push(item);
    this.bySegment.get(item.segmentId)?.sort(byStart);
    this.markChanged(item.segmentId);
    this.changed();
  }

  update(key: string, patch: Partial<Omit<T, 'key' | 'segmentId'>>): void {
    for (const [segmentId, items] of this.bySegment) {
      const index = items.findIndex((item) => item.key === key);
      const item = items[index];
      if (item) {
        const next = [...items];
        next[index] = { ...item, ...patch };
        this.bySegment.set(segmentId, next);
        this.markChanged(segmentId);
        this.changed();
        return;
      }
    }
  }

  remove(keys: Iterable<string>): void {
    const gone = new Set(keys);
    if (gone.size === 0) return;
    for (const [segmentId, items] of this.bySegment) {
      const kept = items.filter((item) => !gone.has(item.key));
      if (kept.length === items.length) continue;
      this.markChanged(segmentId);
      if (kept.length === 0) this.bySegment.delete(segmentId);
      else this.bySegment.set(segmentId, kept);
    }
    this.changed();
  }

  /** Moves a segment's anchors through an edit of its text; returns false when nothing changed. */
  applyEdit(segmentId: string, edit: TextEdit): boolean {
    const items = this.bySegment.get(segmentId);
    if (!items) return false;
    const next: T[] = [];
    let moved = false;
    for (const item of items) {
      const range = mapRange(item, edit, this.editMode);
      if (range && range.start === item.start && range.end === item.end) next.push(item);
      else {
        moved = true;
        if (range) next.push({ ...item, ...range });
      }
    }
    // Typing after the last anchor of a segment moves nothing: no listener (a React commit, which
    // walks the focused editor's DOM to save the selection) for an unchanged list.
    if (!moved) return false;
    if (next.length === 0) this.bySegment.delete(segmentId);
    else this.bySegment.set(segmentId, next);
    this.markChanged(segmentId);
    this.changed();
    return true;
  }

  dropSegment(segmentId: string): void {
    if (!this.bySegment.delete(segmentId)) return;
    this.markChanged(segmentId);
    this.changed();
  }

  private push(item: T): void {
    const items = this.bySegment.get(item.segmentId);
    if (items) items.push(item);
    else this.bySegment.set(item.segmentId, [item]);
  }

  private markChanged(segmentId: string): void {
    if (this.changedSegments !== 'all') this.changedSegments.add(segmentId);
  }

  private changed(): void {
    this.listCache = null;
    for (const listener of this.listeners) listener();
  }
}

function byStart(a: Anchored, b: Anchored): number {
  return a.start - b.start || a.end - b.end;
}
