/**
 * Re-checking one edited segment should judge it as the whole document would: an entry spelled
 * right elsewhere in the transcript makes its mishearings likelier (DocumentEvidence). Computing
 * that evidence reads the whole document, so it is kept per open document and refreshed when a
 * save brings a newer version and the kept one is old — evidence changes slowly while someone types.
 */
import type { TranscriptDocument } from '../../../shared/document/model';
import type { CorrectionEngine, DocumentEvidence } from '../../../shared/engine/engine';

/** How stale the evidence may get while a document is being edited. */
export const EVIDENCE_MAX_AGE_MS = 10_000;
/** Documents kept at once; a person edits one or two at a time. */
const MAX_DOCUMENTS = 8;

interface Kept {
  engine: CorrectionEngine;
  evidence: DocumentEvidence;
  at: number;
}

export class EvidenceCache {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The evidence for a document, as long as it was gathered by this engine (same glossary state). */
  get(documentId: string, engine: CorrectionEngine): DocumentEvidence | undefined {
    const kept = this.kept.get(documentId);
    return kept && kept.engine === engine ? kept.evidence : undefined;
  }

  remember(documentId: string, engine: CorrectionEngine, document: TranscriptDocument): DocumentEvidence {
    const evidence = engine.documentEvidence(document);
    this.kept.delete(documentId);
    this.kept.set(documentId, { engine, evidence, at: this.now() });
    if (this.kept.size > MAX_DOCUMENTS) {
      const oldest = this.kept.keys().next().value;
      if (oldest !== undefined) this.kept.delete(oldest);
    }
    return evidence;
  }

  /**
   * After a save: gathers the evidence again when what is kept is stale or from another engine.
   * The document may be given as a function, called only then (a save of only the changes has no
   * whole document at hand, and assembling one for every keystroke's save would waste the saving).
   */
  refresh(
    documentId: string,
    engine: CorrectionEngine,
    document: TranscriptDocument | (() => TranscriptDocument),
  ): void {
    const kept = this.kept.get(documentId);
    if (kept && kept.engine === engine && this.now() - kept.at < EVIDENCE_MAX_AGE_MS) return;
    this.remember(documentId, engine, typeof document === 'function' ? document() : document);
  }

  forget(documentId: string): void {
    this.kept.delete(documentId);
  }
}
