/** Paints every match and the current one (CSS ::highlight in editor.css); clears both on unmount. */
import { useEffect } from 'react';
import type { FindMatch } from '../../../shared/document/find-replace';
import type { HighlightPainter } from '../editor/highlight-painter';
import { spansBySegment } from './match-navigation';

export const FIND_LAYER = 'glossa-find';
export const FIND_CURRENT_LAYER = 'glossa-find-current';

export function useFindHighlights(
  painter: HighlightPainter | null,
  matches: readonly FindMatch[],
  current: FindMatch | null,
): void {
  useEffect(() => {
    painter?.setLayer(FIND_LAYER, spansBySegment(matches));
  }, [painter, matches]);

  useEffect(() => {
    painter?.setLayer(FIND_CURRENT_LAYER, current ? spansBySegment([current]) : new Map());
  }, [painter, current]);

  useEffect(
    () => () => {
      painter?.setLayer(FIND_LAYER, new Map());
      painter?.setLayer(FIND_CURRENT_LAYER, new Map());
    },
    [painter],
  );
}
