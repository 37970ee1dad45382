/** Reopening a document returns to the same place: the caret's segment and offset, and the scroll position. */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey } from 'lexical';
import { useEffect } from 'react';
import type { ViewState } from '../../../../shared/workspace/types';
import { $isSegmentNode } from '../nodes';
import { $selectSpan } from '../segment-text';
import { useEditorSession } from '../session';

export function ViewStatePlugin({
  viewState,
  scrollContainer,
}: {
  viewState: ViewState | null;
  scrollContainer: () => HTMLElement | null;
}): null {
  const [editor] = useLexicalComposerContext();
  const session = useEditorSession();

  useEffect(() => {
    const segmentId = viewState?.segmentId;
    const key = segmentId ? session.index?.keyOf(segmentId) : undefined;
    editor.update(
      () => {
        const node = key === undefined ? null : $getNodeByKey(key);
        if ($isSegmentNode(node)) {
          const offset = Math.min(viewState?.offset ?? 0, node.getTextContentSize());
          $selectSpan(node, offset, offset);
        }
      },
      { discrete: true, tag: 'glossa-load' },
    );
    editor.focus(undefined, { defaultSelection: 'rootStart' });
    // Focusing scrolls the caret into view; the saved scroll position wins.
    const scroller = scrollContainer();
    if (scroller && viewState) {
      requestAnimationFrame(() => {
        scroller.scrollTop = viewState.scrollTop;
      });
    }
    // Only when the document opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, session]);

  return null;
}
