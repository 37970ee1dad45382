/** The suggestion under the caret becomes the current one, so Alt+Enter acts on what the person is looking at. */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getSelection, $isRangeSelection } from 'lexical';
import { useEffect } from 'react';
import { $isSegmentNode } from '../editor/nodes';
import { useEditorSession } from '../editor/session';
import type { Observable } from '../lib/observable';

/** Where the caret is: segment id and offset, or null when the editor has no selection. */
export type CaretPlace = { segmentId: string; offset: number } | null;

export function CaretPlugin({ caret }: { caret: Observable<CaretPlace> }): null {
  const [editor] = useLexicalComposerContext();
  const session = useEditorSession();

  useEffect(() => {
    return editor.registerUpdateListener(({ editorState }) => {
      const place = editorState.read((): CaretPlace => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return null;
        const { key, offset, type } = selection.focus;
        const node = $getNodeByKey(key);
        const segment = $isSegmentNode(node) ? node : (node?.getParents().find($isSegmentNode) ?? null);
        if (!segment) return null;
        let total = 0;
        if (type === 'text') {
          for (const child of segment.getChildren()) {
            if (child.getKey() === key) break;
            total += child.getTextContentSize();
          }
          total += offset;
        }
        return { segmentId: segment.getSegmentId(), offset: total };
      });
      const previous = caret.get();
      if (place?.segmentId !== previous?.segmentId || place?.offset !== previous?.offset) caret.set(place);
      if (!place) return;
      const under = session.suggestions
        .forSegment(place.segmentId)
        .find((s) => s.start <= place.offset && place.offset <= s.end);
      if (under) session.currentSuggestion.set(under.key);
    });
  }, [editor, session, caret]);

  return null;
}
