/**
 * Draws suggestions (one highlight per reason, so CSS colours them), the current suggestion, flags
 * and low-confidence words. Store changes repaint only the segments they name.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect } from 'react';
import { SUGGESTION_REASONS } from '../../../../shared/engine/suggestion';
import type { Anchored, SegmentStore } from '../../lib/segment-store';
import type { Span } from '../dom-ranges';
import type { HighlightPainter } from '../highlight-painter';
import { lowConfidenceSpans } from '../low-confidence';
import { $isSegmentNode } from '../nodes';
import { useEditorSession } from '../session';
import { LOW_CONFIDENCE_LAYER } from '../segment-sync';

export const suggestionLayer = (reason: string) => `glossa-suggestion-${reason}`;
export const CURRENT_LAYER = 'glossa-current';
export const FLAG_LAYER = 'glossa-flag';

export function PaintPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const session = useEditorSession();

  useEffect(() => {
    const painter = session.painter;
    if (!painter) return;
    const { suggestions, flags, currentSuggestion } = session;

    const paintSuggestions = (full = false) => {
      const taken = suggestions.takeChanges();
      const changes = full ? 'all' : taken;
      const segmentIds = changes === 'all' ? [...suggestions.segmentIds()] : [...changes];
      for (const reason of SUGGESTION_REASONS) {
        const layer = suggestionLayer(reason);
        const spansOf = (segmentId: string) =>
          suggestions.forSegment(segmentId).filter((s) => s.reason === reason);
        if (changes === 'all') painter.setLayer(layer, spanMap(segmentIds, spansOf));
        else for (const id of segmentIds) painter.setSegment(layer, id, spansOf(id));
      }
      paintCurrent();
    };
    const paintFlags = (full = false) =>
      paintStore(painter, FLAG_LAYER, flags, (flag) => flag.resolvedAt === null, full);
    const paintCurrent = () => {
      const key = currentSuggestion.get();
      const current = key ? suggestions.get(key) : undefined;
      painter.setLayer(CURRENT_LAYER, current ? new Map([[current.segmentId, [current]]]) : new Map());
    };

    // Low-confidence words of every segment, once; edits repaint their own segment (SyncPlugin).
    const lowConfidence = new Map<string, Span[]>();
    editor.getEditorState().read(() => {
      for (const node of $getRoot().getChildren()) {
        if (!$isSegmentNode(node)) continue;
        const spans = lowConfidenceSpans(node.getWords(), node.getTextContent());
        if (spans.length > 0) lowConfidence.set(node.getSegmentId(), spans);
      }
    });
    painter.setLayer(LOW_CONFIDENCE_LAYER, lowConfidence);

    paintSuggestions(true);
    paintFlags(true);
    const stops = [
      suggestions.subscribe(() => paintSuggestions()),
      flags.subscribe(() => paintFlags()),
      currentSuggestion.subscribe(paintCurrent),
    ];
    return () => stops.forEach((stop) => stop());
  }, [editor, session]);

  return null;
}

function spanMap(segmentIds: readonly string[], spansOf: (segmentId: string) => Span[]): Map<string, Span[]> {
  const map = new Map<string, Span[]>();
  for (const id of segmentIds) {
    const spans = spansOf(id);
    if (spans.length > 0) map.set(id, spans);
  }
  return map;
}

function paintStore<T extends Anchored>(
  painter: HighlightPainter,
  layer: string,
  store: SegmentStore<T>,
  visible: (item: T) => boolean,
  full: boolean,
): void {
  const taken = store.takeChanges();
  const changes = full ? 'all' : taken;
  const spansOf = (segmentId: string) => store.forSegment(segmentId).filter(visible);
  if (changes === 'all') painter.setLayer(layer, spanMap([...store.segmentIds()], spansOf));
  else for (const id of changes) painter.setSegment(layer, id, spansOf(id));
}
