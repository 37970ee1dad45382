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
    const scroller = scrollContainer();
    if (!scroller || !viewState) return;
    // The saved scrollTop alone lands elsewhere: segments above the caret are only estimated
    // (content-visibility: auto) until laid out. So go to the saved position, then bring the caret
    // line itself to where it was, or into the middle when it was off screen.
    const frame = requestAnimationFrame(() => {
      scroller.scrollTop = viewState.scrollTop;
      if (key !== undefined) revealCaret(scroller, editor.getElementByKey(key));
    });
    return () => cancelAnimationFrame(frame);
    // Only when the document opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, session]);

  return null;
}

/** Scrolls so the caret's line is in view (centred), laying out the segment first if needed. */
function revealCaret(scroller: HTMLElement, segment: HTMLElement | null): void {
  const box = scroller.getBoundingClientRect();
  const caret = caretRect() ?? segment?.getBoundingClientRect();
  if (!caret) return;
  if (caret.top >= box.top && caret.bottom <= box.bottom) return;
  segment?.scrollIntoView({ block: 'center' });
  const again = caretRect();
  if (again && (again.top < box.top || again.bottom > box.bottom)) {
    scroller.scrollTop += again.top - (box.top + box.height / 2);
  }
}

function caretRect(): DOMRect | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return rect.height > 0 ? rect : null;
}
