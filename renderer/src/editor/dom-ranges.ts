/**
 * Offsets in a segment's text ↔ positions in its DOM element. Highlights (suggestions, flags, find
 * matches, low-confidence words) are drawn with the CSS Custom Highlight API from these ranges, so
 * the document is never split into extra nodes for them.
 */

export interface Span {
  start: number;
  end: number;
}

interface DomPoint {
  node: Text;
  offset: number;
}

function textNodes(element: HTMLElement): Text[] {
  const nodes: Text[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** StaticRanges for spans of one segment element; spans outside its text are skipped. */
export function spansToRanges(element: HTMLElement, spans: readonly Span[]): StaticRange[] {
  if (spans.length === 0) return [];
  const nodes = textNodes(element);
  const starts: number[] = [];
  let total = 0;
  for (const node of nodes) {
    starts.push(total);
    total += node.data.length;
  }
  const pointAt = (offset: number, preferNext: boolean): DomPoint | null => {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const start = starts[i];
      if (node === undefined || start === undefined) continue;
      const end = start + node.data.length;
      if (offset < end || (offset === end && !preferNext) || (offset === end && i === nodes.length - 1)) {
        if (offset >= start) return { node, offset: offset - start };
      }
    }
    return null;
  };
  const ranges: StaticRange[] = [];
  for (const span of spans) {
    if (span.start >= span.end || span.end > total) continue;
    const from = pointAt(span.start, true);
    const to = pointAt(span.end, false);
    if (!from || !to) continue;
    ranges.push(
      new StaticRange({
        startContainer: from.node,
        startOffset: from.offset,
        endContainer: to.node,
        endOffset: to.offset,
      }),
    );
  }
  return ranges;
}

/** The segment element and text offset under a DOM position, e.g. from caretPositionFromPoint. */
export function domPointToSegmentOffset(
  node: Node,
  offset: number,
): { element: HTMLElement; segmentId: string; offset: number } | null {
  const element = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>(
    '[data-segment-id]',
  );
  const segmentId = element?.dataset.segmentId;
  if (!element || !segmentId) return null;
  if (!(node instanceof Text)) return { element, segmentId, offset: 0 };
  let total = 0;
  for (const text of textNodes(element)) {
    if (text === node) return { element, segmentId, offset: total + offset };
    total += text.data.length;
  }
  return null;
}

/** The client rectangle of a span, for placing a card next to it. */
export function spanRect(element: HTMLElement, span: Span): DOMRect | null {
  const [staticRange] = spansToRanges(element, [span]);
  if (!staticRange) return null;
  const range = element.ownerDocument.createRange();
  range.setStart(staticRange.startContainer, staticRange.startOffset);
  range.setEnd(staticRange.endContainer, staticRange.endOffset);
  const rects = range.getClientRects();
  return rects[0] ?? range.getBoundingClientRect();
}
