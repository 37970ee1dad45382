/** The fact-checking flags of the document being edited; they keep covering their passage as it is edited. */
import type { DocumentFlag } from '../../../shared/workspace/types';
import { SegmentStore } from '../lib/segment-store';

export interface LiveFlag extends DocumentFlag {
  key: string;
}

export function toLiveFlags(flags: readonly DocumentFlag[]): LiveFlag[] {
  return flags.map((flag) => ({ ...flag, key: flag.id }));
}

/** The flags as saved: the store's items without the store's own key. */
export function toDocumentFlags(flags: readonly LiveFlag[]): DocumentFlag[] {
  return flags.map(({ key: _key, ...flag }) => flag);
}

export class FlagStore extends SegmentStore<LiveFlag> {
  constructor() {
    super('stretch');
  }
}
