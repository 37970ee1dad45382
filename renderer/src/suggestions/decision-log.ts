/**
 * Accepting or rejecting a suggestion also teaches the glossary. The text change is one entry in
 * Lexical's undo history; this log remembers which glossary decisions belong to which history
 * entry (by the editor state the entry produced), so Ctrl+Z takes back both and Ctrl+Y redoes both.
 */
import type { EditorState } from 'lexical';
import type { CorrectionDecision } from '../../../shared/glossary/types';

export interface LoggedDecision {
  decision: CorrectionDecision;
  termId: string;
  heard: string;
}

export class DecisionLog {
  private readonly byState = new WeakMap<EditorState, readonly LoggedDecision[]>();

  record(state: EditorState, decisions: readonly LoggedDecision[]): void {
    if (decisions.length > 0) this.byState.set(state, decisions);
  }

  /**
   * The history entry that ended in `from` now ends in `to` (the history merged a selection change
   * into it, or undo/redo committed a copy of its state): its decisions go with it.
   */
  carry(from: EditorState, to: EditorState): void {
    const decisions = this.byState.get(from);
    if (decisions) this.byState.set(to, decisions);
  }

  /** The decisions whose history entry produced this state. */
  decisionsOf(state: EditorState | undefined): readonly LoggedDecision[] {
    return state ? (this.byState.get(state) ?? []) : [];
  }
}
