/** The suggestion under the caret becomes the current one, so Alt+Enter acts on what the person is looking at. */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection } from 'lexical';
import { useEffect } from 'react';
import { $segmentPlace } from '../editor/segment-text';
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
        const found = $isRangeSelection(selection) ? $segmentPlace(selection.focus) : null;
        return found ? { segmentId: found.segment.getSegmentId(), offset: found.offset } : null;
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
