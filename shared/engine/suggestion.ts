/** The shape of a correction suggestion: final, shared by the CLI's JSON, the engine and the editor. */

export const SUGGESTION_REASONS = ['variant', 'sound', 'spelling', 'acronym', 'consistency'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

export interface SuggestionAlternative {
  replacement: string;
  score: number;
  termId: string;
}

export interface Suggestion {
  /** Offsets into the document's plain text (segments joined by a blank line). */
  start: number;
  end: number;
  /** The heard text: exactly plainText.slice(start, end). */
  text: string;
  replacement: string;
  /** 0..1: how sure the engine is. */
  score: number;
  reason: SuggestionReason;
  termId: string;
  /** Up to 3 other candidates, best first. */
  alternatives: SuggestionAlternative[];
}
