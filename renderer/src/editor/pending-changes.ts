/**
 * What the autosave still has to send: the segments whose content changed, whether segments were
 * added, removed or moved (then the whole order goes too), or that only a whole-document save will
 * do (after undo/redo, which swaps the whole editor state). Taken at the start of a save and given
 * back if the save fails, so nothing is lost.
 */
export interface ChangesToSave {
  segmentIds: Set<string>;
  structure: boolean;
  whole: boolean;
}

export class PendingChanges {
  private segmentIds = new Set<string>();
  private structure = false;
  private whole = false;

  segmentChanged(segmentId: string): void {
    this.segmentIds.add(segmentId);
  }

  structureChanged(): void {
    this.structure = true;
  }

  everythingChanged(): void {
    this.whole = true;
  }

  take(): ChangesToSave {
    const taken = { segmentIds: this.segmentIds, structure: this.structure, whole: this.whole };
    this.segmentIds = new Set();
    this.structure = false;
    this.whole = false;
    return taken;
  }

  giveBack(changes: ChangesToSave): void {
    for (const id of changes.segmentIds) this.segmentIds.add(id);
    this.structure ||= changes.structure;
    this.whole ||= changes.whole;
  }
}
