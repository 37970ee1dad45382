/**
 * What the flag dialog and the flags panel share for one open document, beside its flag store: the
 * passage waiting for a comment (the dialog is open while it is set), the panel's status line and
 * the last deleted flag while its undo is offered. Kept per session, so switching side panels
 * loses nothing.
 */
import type { EditorSession } from '../editor/session';
import { Observable } from '../lib/observable';
import type { FlagTarget } from './flag-selection';
import type { LiveFlag } from './flag-store';

/** How long "Deleted … Undo" is offered. */
export const UNDO_DELETE_MS = 10_000;

export interface FlagDraft {
  target: FlagTarget;
  /** Counts openings, so each gets a fresh form. */
  serial: number;
}

export interface DeletedFlag {
  flag: LiveFlag;
  /** What the passage read when the flag was deleted, to find it again if the text moves. */
  passage: string;
}

export class FlagUi {
  readonly draft = new Observable<FlagDraft | null>(null);
  readonly notice = new Observable<string | null>(null);
  readonly deleted = new Observable<DeletedFlag | null>(null);
  private serial = 0;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private undoTimer: ReturnType<typeof setTimeout> | undefined;

  /** Opens the dialog for this passage. */
  open(target: FlagTarget): void {
    this.serial += 1;
    this.draft.set({ target, serial: this.serial });
  }

  /**
   * Shows a message in the panel's polite status line. It is set a moment after the line is
   * emptied, so it is announced even when the panel appears with it or it repeats.
   */
  say(text: string): void {
    clearTimeout(this.noticeTimer);
    this.notice.set(null);
    this.noticeTimer = setTimeout(() => this.notice.set(text), 50);
  }

  /** Offers to undo a delete for UNDO_DELETE_MS, saying `text`; the message goes with the offer. */
  offerUndo(deleted: DeletedFlag, text: string): void {
    clearTimeout(this.undoTimer);
    this.deleted.set(deleted);
    this.say(text);
    this.undoTimer = setTimeout(() => {
      this.deleted.set(null);
      if (this.notice.get() === text) this.notice.set(null);
    }, UNDO_DELETE_MS);
  }

  /** The deleted flag whose undo is on offer, ending the offer. */
  takeUndo(): DeletedFlag | null {
    const deleted = this.deleted.get();
    clearTimeout(this.undoTimer);
    this.deleted.set(null);
    return deleted;
  }
}

const uis = new WeakMap<EditorSession, FlagUi>();

export function flagUiOf(session: EditorSession): FlagUi {
  let ui = uis.get(session);
  if (!ui) {
    ui = new FlagUi();
    uis.set(session, ui);
  }
  return ui;
}
