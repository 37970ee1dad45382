/**
 * Finds a segment's node and DOM element by segment id, and knows the segments' order. Rebuilt only
 * when segments are created or destroyed, so typing costs nothing here.
 */
import { $getNodeByKey, type LexicalEditor, type NodeKey } from 'lexical';
import { $segmentNodes } from './document-bridge';
import { $isSegmentNode, SegmentNode } from './nodes';

export class SegmentIndex {
  private keys = new Map<string, NodeKey>();
  private orderCache: string[] = [];
  private stale = true;
  private readonly unregister: () => void;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly editor: LexicalEditor) {
    this.unregister = editor.registerMutationListener(
      SegmentNode,
      (mutations) => {
        for (const mutation of mutations.values()) {
          if (mutation !== 'updated') {
            this.stale = true;
            break;
          }
        }
        if (this.stale) for (const listener of this.listeners) listener();
      },
      { skipInitialization: false },
    );
  }

  dispose(): void {
    this.unregister();
    this.listeners.clear();
  }

  /** Called when segments were added, removed or reordered. */
  onStructureChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  keyOf(segmentId: string): NodeKey | undefined {
    this.refresh();
    return this.keys.get(segmentId);
  }

  /** Segment ids in document order. */
  order(): readonly string[] {
    this.refresh();
    return this.orderCache;
  }

  element(segmentId: string): HTMLElement | null {
    const key = this.keyOf(segmentId);
    return key === undefined ? null : this.editor.getElementByKey(key);
  }

  private refresh(): void {
    if (!this.stale) return;
    this.stale = false;
    this.keys = new Map();
    this.orderCache = this.editor.getEditorState().read(() =>
      $segmentNodes().map((node) => {
        this.keys.set(node.getSegmentId(), node.getKey());
        return node.getSegmentId();
      }),
    );
  }
}

/**
 * The segment node with this id, inside a read or update; null when there is none. Without an
 * index (a headless editor) it looks through the segments.
 */
export function $segmentById(index: SegmentIndex | null | undefined, segmentId: string): SegmentNode | null {
  if (!index) return $segmentNodes().find((node) => node.getSegmentId() === segmentId) ?? null;
  const key = index.keyOf(segmentId);
  const node = key === undefined ? null : $getNodeByKey(key);
  return $isSegmentNode(node) && node.getSegmentId() === segmentId ? node : null;
}
