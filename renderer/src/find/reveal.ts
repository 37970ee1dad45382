/** Scrolls a match into view in the editor's scrolling column, only when it is not already visible. */
import type { Span } from '../editor/dom-ranges';
import { spanRect } from '../editor/dom-ranges';

/** Keep this much room between a match and the edge of the view. */
const MARGIN_PX = 48;

export function revealSpan(element: HTMLElement, span: Span): void {
  const rect = spanRect(element, span);
  const scroller = scrollParent(element);
  if (!rect || !scroller) {
    element.scrollIntoView({ block: 'nearest' });
    return;
  }
  const view = scroller.getBoundingClientRect();
  if (rect.top >= view.top + MARGIN_PX && rect.bottom <= view.bottom - MARGIN_PX) return;
  scroller.scrollTop += rect.top - (view.top + view.height / 2);
}

function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight)
      return node;
  }
  return null;
}
