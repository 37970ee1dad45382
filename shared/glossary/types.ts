/** A glossary entry as every layer sees it. The SQLite store in electron/ is its only writer. */
import type { VerifiedMark } from './sync-types';

export const TERM_CATEGORIES = ['person', 'organization', 'place', 'publication', 'term', 'other'] as const;
export type TermCategory = (typeof TERM_CATEGORIES)[number];

/** A known mishearing or misspelling of a term, e.g. "Donbass" for "Donbas". */
export interface Variant {
  text: string;
  /** How often a person accepted this correction; 0 for variants that were imported or typed in. */
  acceptedCount: number;
}

export interface GlossaryEntry {
  /** UUID. */
  id: string;
  /** The correct spelling. */
  term: string;
  category: TermCategory;
  /** Other correct forms, e.g. "Yoon" for "Yoon Suk Yeol". */
  forms: string[];
  variants: Variant[];
  notes: string;
  /** URL or citation. */
  source: string;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  /** Who checked the entry, and when; absent when nobody has (team glossary, issue 7). */
  verified?: VerifiedMark;
  /** True while an open conflict concerns the entry (see GlossaryStore.conflicts); absent otherwise. */
  conflicted?: boolean;
}

/** What a person types to create an entry; everything but the term is optional. */
export interface GlossaryEntryInput {
  term: string;
  category?: TermCategory;
  forms?: string[];
  variants?: string[];
  notes?: string;
  source?: string;
}

/** The fields of an entry that an update may change. */
export type GlossaryEntryPatch = Partial<Omit<GlossaryEntryInput, 'variants'>> & {
  variants?: Variant[];
};

/** What an import did, counted per distinct term in the file. */
export interface ImportSummary {
  /** Terms that were not in the glossary. */
  created: number;
  /** Terms that were there and gained or changed something. */
  updated: number;
  /** Terms that were there already, exactly as the file has them. */
  unchanged: number;
}

/** What a person did with a suggestion: took it, or said "this heard text is not that term". */
export const CORRECTION_DECISIONS = ['accept', 'reject'] as const;
export type CorrectionDecision = (typeof CORRECTION_DECISIONS)[number];

/** What recording (or undoing) a decision did, for the editor and the CLI to show. */
export interface DecisionResult {
  termId: string;
  /** The entry's term, as it reads now. */
  term: string;
  /** The heard text, tidied (trimmed, inner spaces collapsed). */
  heard: string;
  decision: CorrectionDecision;
  /** True when this call undid an earlier decision. */
  undone: boolean;
  /** False when there was nothing to record or undo (see `message`). */
  changed: boolean;
  /** After an accept or its undo: how often the heard text has been accepted; absent when it is not a variant. */
  variantCount?: number;
  /** One line saying what happened, e.g. `accepted "Jacos Wetzlud" as Jacco Zwetsloot (variant, accepted 1 time)`. */
  message: string;
}
