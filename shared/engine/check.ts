/** One-call conveniences over the engine, for callers that check once (tests, scripts). */
import type { TranscriptDocument } from '../document/model';
import type { GlossaryEntry } from '../glossary/types';
import { createEngine } from './engine';
import type { Suggestion } from './suggestion';

export function checkText(text: string, entries: readonly GlossaryEntry[]): Suggestion[] {
  return createEngine({ entries }).check(text);
}

export function checkDocument(doc: TranscriptDocument, entries: readonly GlossaryEntry[]): Suggestion[] {
  return createEngine({ entries }).checkDocument(doc);
}
