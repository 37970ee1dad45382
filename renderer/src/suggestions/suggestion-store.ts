/** The open suggestions of the document being edited. */
import type { SegmentSuggestion } from '../../../shared/workspace/types';
import { SegmentStore } from '../lib/segment-store';

export interface LiveSuggestion extends SegmentSuggestion {
  key: string;
}

let nextKey = 0;
export function withKeys(suggestions: readonly SegmentSuggestion[]): LiveSuggestion[] {
  return suggestions.map((s) => ({ ...s, key: `g${(nextKey += 1)}` }));
}

/** The key under which a rejection is remembered on a segment: case and spacing do not matter. */
export function dismissalKey(termId: string, heard: string): string {
  return `${termId}|${heard.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

export class SuggestionStore extends SegmentStore<LiveSuggestion> {
  constructor() {
    // A suggestion whose words were edited no longer says anything about the new words.
    super('drop');
  }
}
