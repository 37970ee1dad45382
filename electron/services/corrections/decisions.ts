/**
 * Learning from decisions: what happens when a person accepts or rejects a suggestion, and how
 * either is undone. The glossary store keeps the record (see glossary-store.ts for the rules);
 * this module turns a decision into store calls and a result the editor and the CLI can show.
 * Every check runs through engineFor, so what was learned applies at once.
 */
import { createEngine, type CorrectionEngine } from '../../../shared/engine/engine';
import type { CorrectionDecision, DecisionResult, GlossaryEntry } from '../../../shared/glossary/types';
import { GlossaryNotFoundError } from '../glossary/glossary-errors';
import type { GlossaryStore } from '../glossary/glossary-store';
import { textKey, tidyLine } from '../glossary/glossary-text';

/** A suggestion a person decided on: which entry it proposed, for which heard text. */
export interface DecisionTarget {
  termId: string;
  heard: string;
}

export interface DecisionRequest extends DecisionTarget {
  decision: CorrectionDecision;
  /** Take back an earlier decision of this kind instead of recording a new one. */
  undo?: boolean;
}

/** The engine for the glossary as it is now: its entries and every rejection. */
export function engineFor(store: GlossaryStore): CorrectionEngine {
  return createEngine({ entries: store.list(), rejections: store.listRejections() });
}

/**
 * The engine for a store, rebuilt only when the glossary changed since the last check (building
 * it for 100,000 entries takes a couple of seconds; checking a transcript, a fraction of one).
 */
export function cachedEngineFor(store: GlossaryStore): () => CorrectionEngine {
  let built: { stamp: string; engine: CorrectionEngine } | undefined;
  return () => {
    const stamp = store.changeStamp();
    if (!built || built.stamp !== stamp) built = { stamp, engine: engineFor(store) };
    return built.engine;
  };
}

/** One call for all four cases (the API's recordDecision). */
export function recordDecision(store: GlossaryStore, request: DecisionRequest): DecisionResult {
  const target = { termId: request.termId, heard: request.heard };
  if (request.undo) return undoDecision(store, { decision: request.decision, ...target });
  return request.decision === 'accept' ? acceptCorrection(store, target) : rejectCorrection(store, target);
}

/** "Heard X meant this entry": X becomes (or counts up as) a variant, so it matches exactly next time. */
export function acceptCorrection(store: GlossaryStore, { termId, heard }: DecisionTarget): DecisionResult {
  const entry = entryOrThrow(store, termId);
  const text = tidyLine(heard);
  const wasRejected = store.findRejection(termId, text) !== undefined;
  const variant = store.recordAcceptedVariant(termId, text);
  const result = { termId, term: entry.term, heard: text, decision: 'accept', undone: false } as const;
  if (!variant) {
    return {
      ...result,
      changed: false,
      message: `"${text}" is already a correct spelling of ${entry.term}; nothing recorded`,
    };
  }
  const withdrawn = wasRejected ? '; its earlier rejection is withdrawn' : '';
  return {
    ...result,
    changed: true,
    variantCount: variant.acceptedCount,
    message: `accepted "${text}" as ${entry.term} (variant, ${acceptedTimes(variant.acceptedCount)}${withdrawn})`,
  };
}

/** "Heard X is not this entry": never suggested again, and X is no longer a variant of it. */
export function rejectCorrection(store: GlossaryStore, { termId, heard }: DecisionTarget): DecisionResult {
  const before = entryOrThrow(store, termId);
  const text = tidyLine(heard);
  const already = store.findRejection(termId, text) !== undefined;
  const rejection = store.recordRejection(termId, text);
  const result = {
    termId,
    term: before.term,
    heard: rejection.heard,
    decision: 'reject',
    undone: false,
  } as const;
  if (already) {
    return {
      ...result,
      changed: false,
      message: `"${rejection.heard}" was already rejected as ${before.term}`,
    };
  }
  const removed = removedVariants(before, entryOrThrow(store, termId));
  const note = removed.length > 0 ? `; removed from its variants: ${removed.join(', ')}` : '';
  return {
    ...result,
    changed: true,
    message: `rejected "${rejection.heard}" as ${before.term} (not suggested again${note})`,
  };
}

/** Takes back one earlier acceptance or a rejection; `changed` is false when there was none. */
export function undoDecision(
  store: GlossaryStore,
  { decision, termId, heard }: DecisionTarget & { decision: CorrectionDecision },
): DecisionResult {
  const before = entryOrThrow(store, termId);
  const text = tidyLine(heard);
  const base = { termId, term: before.term, heard: text, decision } as const;
  if (decision === 'reject') {
    const undone = store.undoRejection(termId, text);
    if (!undone) {
      return {
        ...base,
        undone,
        changed: false,
        message: `nothing to undo: "${text}" is not rejected as ${before.term}`,
      };
    }
    const restored = removedVariants(entryOrThrow(store, termId), before);
    const note = restored.length > 0 ? `; variants restored: ${restored.join(', ')}` : '';
    return {
      ...base,
      undone,
      changed: true,
      message: `undid rejecting "${text}" as ${before.term} (may be suggested again${note})`,
    };
  }

  const undone = store.undoAcceptedVariant(termId, text);
  if (!undone) {
    return {
      ...base,
      undone,
      changed: false,
      message: `nothing to undo: no acceptance of "${text}" as ${before.term} is recorded`,
    };
  }
  const variant = entryOrThrow(store, termId).variants.find((v) => textKey(v.text) === textKey(text));
  const state = variant ? `variant, ${acceptedTimes(variant.acceptedCount)}` : 'no longer a variant';
  return {
    ...base,
    undone,
    changed: true,
    ...(variant ? { variantCount: variant.acceptedCount } : {}),
    message: `undid accepting "${text}" as ${before.term} (${state})`,
  };
}

function entryOrThrow(store: GlossaryStore, termId: string): GlossaryEntry {
  const entry = store.get(termId);
  if (!entry) throw new GlossaryNotFoundError(termId);
  return entry;
}

/** Variants of `from` that `to` no longer has. */
function removedVariants(from: GlossaryEntry, to: GlossaryEntry): string[] {
  const kept = new Set(to.variants.map((variant) => textKey(variant.text)));
  return from.variants.filter((variant) => !kept.has(textKey(variant.text))).map((variant) => variant.text);
}

function acceptedTimes(count: number): string {
  return `accepted ${count} ${count === 1 ? 'time' : 'times'}`;
}
