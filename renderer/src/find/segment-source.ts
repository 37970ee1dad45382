/**
 * The segments' texts as find sees them: read from the editor once, then again (debounced) after
 * the document changes. A stable snapshot for useSyncExternalStore, replaced only when some text
 * really changed, so a selection change or a re-check costs nothing.
 */
import type { LexicalEditor } from 'lexical';
import { $segmentNodes } from '../editor/document-bridge';
import { segmentLabel } from '../editor/segment-label';

export interface FindSegment {
  id: string;
  text: string;
  /** "Speaker · 1:02", or ''. */
  label: string;
}

/** How long the document must be still before the matches are looked for again. */
export const REFRESH_DELAY_MS = 150;

export class SegmentSource {
  private segments: readonly FindSegment[];
  private readonly listeners = new Set<() => void>();
  private stopListening: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly editor: LexicalEditor,
    private readonly delayMs = REFRESH_DELAY_MS,
  ) {
    this.segments = this.read();
  }

  get = (): readonly FindSegment[] => this.segments;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.stopListening ??= this.editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return; // selection only
      this.schedule();
    });
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.stopListening?.();
      this.stopListening = null;
      this.cancel();
    };
  };

  /** Reads the segments now (after an edit of our own, whose result is needed at once). */
  refresh(): void {
    this.cancel();
    const next = this.read();
    if (sameSegments(next, this.segments)) return;
    this.segments = next;
    for (const listener of this.listeners) listener();
  }

  private schedule(): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, this.delayMs);
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private read(): FindSegment[] {
    return this.editor.getEditorState().read(() =>
      $segmentNodes().map((node) => ({
        id: node.getSegmentId(),
        text: node.getTextContent(),
        label: segmentLabel(node.getSpeaker(), node.getStartMs()),
      })),
    );
  }
}

function sameSegments(a: readonly FindSegment[], b: readonly FindSegment[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((segment, i) => {
    const other = b[i];
    return (
      other !== undefined &&
      segment.id === other.id &&
      segment.text === other.text &&
      segment.label === other.label
    );
  });
}
