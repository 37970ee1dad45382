/** Every node the transcript editor knows, registered in one list (DESIGN.md, convention 5). */
import { SegmentNode } from './SegmentNode';

export const EDITOR_NODES = [SegmentNode];
export { SegmentNode, $createSegmentNode, $isSegmentNode, newSegmentId } from './SegmentNode';
