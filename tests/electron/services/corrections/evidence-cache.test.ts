import { describe, expect, it } from 'vitest';
import { EVIDENCE_MAX_AGE_MS, EvidenceCache } from '../../../../electron/services/corrections/evidence-cache';
import type { TranscriptDocument } from '../../../../shared/document/model';
import { createEngine } from '../../../../shared/engine/engine';
import { entry } from '../../../shared/engine/fixtures';

const mark = entry('Mark Rutte', 'person');
const doc = (text: string): TranscriptDocument => ({
  version: 1,
  metadata: { sourceFormat: 'text' },
  segments: [{ id: 'a', text }],
});

describe('EvidenceCache', () => {
  it('keeps evidence per document and engine, and refreshes it only when stale', () => {
    let now = 0;
    const cache = new EvidenceCache(() => now);
    const engine = createEngine({ entries: [mark] });
    cache.remember('d', engine, doc('Nobody named here.'));
    expect(cache.get('d', engine)?.mentionedEntryIds.has(mark.id)).toBe(false);

    // A save soon after does not recompute (evidence changes slowly while typing)…
    cache.refresh('d', engine, doc('We met Mark Rutte.'));
    expect(cache.get('d', engine)?.mentionedEntryIds.has(mark.id)).toBe(false);
    // …a save once it is stale does.
    now += EVIDENCE_MAX_AGE_MS;
    cache.refresh('d', engine, doc('We met Mark Rutte.'));
    expect(cache.get('d', engine)?.mentionedEntryIds.has(mark.id)).toBe(true);

    // Another engine (the glossary changed) does not see the old evidence.
    expect(cache.get('d', createEngine({ entries: [mark] }))).toBeUndefined();
    cache.forget('d');
    expect(cache.get('d', engine)).toBeUndefined();
  });

  it('asks for a document given as a function only when the evidence is stale', () => {
    let now = 0;
    const cache = new EvidenceCache(() => now);
    const engine = createEngine({ entries: [mark] });
    cache.remember('d', engine, doc('Nobody named here.'));
    let asked = 0;
    const assemble = () => {
      asked++;
      return doc('We met Mark Rutte.');
    };

    cache.refresh('d', engine, assemble);
    expect(asked).toBe(0);
    now += EVIDENCE_MAX_AGE_MS;
    cache.refresh('d', engine, assemble);
    expect(asked).toBe(1);
    expect(cache.get('d', engine)?.mentionedEntryIds.has(mark.id)).toBe(true);
  });
});
