/**
 * Paints named highlights (`::highlight(name)` in CSS) over spans of segments. Each layer's spans
 * are kept per segment; after an edit only the edited segments are repainted, so a keystroke never
 * rebuilds the ranges of a 3-hour transcript.
 */
import { spansToRanges, type Span } from './dom-ranges';

export type ElementLookup = (segmentId: string) => HTMLElement | null;

interface Layer {
  highlight: Highlight | Set<AbstractRange>;
  spans: Map<string, readonly Span[]>;
  painted: Map<string, StaticRange[]>;
}

export class HighlightPainter {
  private readonly layers = new Map<string, Layer>();

  constructor(private readonly elementOf: ElementLookup) {}

  static supported(): boolean {
    return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
  }

  /** Replaces every span of a layer. */
  setLayer(name: string, spans: ReadonlyMap<string, readonly Span[]>): void {
    const layer = this.layer(name);
    for (const ranges of layer.painted.values()) for (const range of ranges) layer.highlight.delete(range);
    layer.painted.clear();
    layer.spans = new Map(spans);
    for (const segmentId of layer.spans.keys()) this.paintSegment(layer, segmentId);
  }

  /** Replaces one segment's spans in a layer. */
  setSegment(name: string, segmentId: string, spans: readonly Span[]): void {
    const layer = this.layer(name);
    if (spans.length === 0) layer.spans.delete(segmentId);
    else layer.spans.set(segmentId, spans);
    this.paintSegment(layer, segmentId);
  }

  /** Re-draws the given segments of every layer, after their DOM changed. */
  repaint(segmentIds: Iterable<string>): void {
    for (const segmentId of segmentIds)
      for (const layer of this.layers.values()) this.paintSegment(layer, segmentId);
  }

  dispose(): void {
    if (HighlightPainter.supported()) for (const name of this.layers.keys()) CSS.highlights.delete(name);
    this.layers.clear();
  }

  private layer(name: string): Layer {
    let layer = this.layers.get(name);
    if (!layer) {
      // Without the Highlight API (an old engine, or no DOM at all) spans are kept but not drawn.
      if (HighlightPainter.supported()) {
        const highlight = new Highlight();
        CSS.highlights.set(name, highlight);
        layer = { highlight, spans: new Map(), painted: new Map() };
      } else {
        layer = { highlight: new Set<AbstractRange>(), spans: new Map(), painted: new Map() };
      }
      this.layers.set(name, layer);
    }
    return layer;
  }

  private paintSegment(layer: Layer, segmentId: string): void {
    for (const range of layer.painted.get(segmentId) ?? []) layer.highlight.delete(range);
    const spans = layer.spans.get(segmentId);
    const element = spans ? this.elementOf(segmentId) : null;
    if (!spans || !element) {
      layer.painted.delete(segmentId);
      return;
    }
    const ranges = HighlightPainter.supported() ? spansToRanges(element, spans) : [];
    for (const range of ranges) layer.highlight.add(range);
    layer.painted.set(segmentId, ranges);
  }
}
