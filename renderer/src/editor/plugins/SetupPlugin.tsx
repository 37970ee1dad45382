/**
 * Keeps the editor a transcript: every block is a SegmentNode with a unique id, there is no text
 * formatting, and Shift+Enter does not put line breaks inside a segment. Also attaches the
 * session (index, painter) to this editor.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_HIGH,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  HISTORY_MERGE_TAG,
  KEY_DOWN_COMMAND,
  ParagraphNode,
  $getNodeByKey,
  $getRoot,
  type NodeKey,
} from 'lexical';
import { useEffect } from 'react';
import { $createSegmentNode, $isSegmentNode, newSegmentId, SegmentNode } from '../nodes';
import { isMac } from '../../shortcuts/platform';
import { $syncSelectionFromDom } from '../selection-sync';
import { useEditorSession } from '../session';

const refuse = () => true;

export function SetupPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const session = useEditorSession();

  useEffect(() => {
    const detach = session.attach(editor);
    return mergeRegister(
      detach,
      // Pasted or typed paragraphs become segments.
      editor.registerNodeTransform(ParagraphNode, (paragraph) => {
        const segment = $createSegmentNode();
        segment.append(...paragraph.getChildren());
        paragraph.replace(segment);
      }),
      // A pasted copy of a segment must not share its id with the original. A mutation listener,
      // not a node transform: registering a transform marks every existing segment dirty, a
      // second full pass over a 3-hour transcript when it opens.
      editor.registerMutationListener(
        SegmentNode,
        (mutations) => {
          const created = [...mutations].filter(([, mutation]) => mutation === 'created').map(([key]) => key);
          if (created.length === 0) return;
          const copies = editor.getEditorState().read(() => $copiedSegments(created));
          if (copies.length === 0) return;
          editor.update(
            () => {
              for (const key of copies) $getNodeByKey<SegmentNode>(key)?.setSegmentId(newSegmentId());
            },
            { tag: HISTORY_MERGE_TAG },
          );
        },
        { skipInitialization: true },
      ),
      // Every key acts where the caret is drawn, even when the browser has not yet said it moved
      // (a key right after another, or on a busy page): see selection-sync.ts.
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        () => {
          $syncSelectionFromDom();
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      // Ctrl+Home / Ctrl+End (Cmd+↑ / Cmd+↓ on macOS): the browser's own move lands short when the
      // segments on the way are not laid out (content-visibility), so the editor moves itself.
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const toEnd = documentEdgeKey(event);
          if (toEnd === null) return false;
          event.preventDefault();
          editor.update(() => {
            if (toEnd) $getRoot().selectEnd();
            else $getRoot().selectStart();
          });
          const segments = editor.getRootElement()?.querySelectorAll('[data-segment-id]');
          const target = toEnd ? segments?.[segments.length - 1] : segments?.[0];
          target?.scrollIntoView({ block: toEnd ? 'end' : 'start' });
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(FORMAT_TEXT_COMMAND, refuse, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(FORMAT_ELEMENT_COMMAND, refuse, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(INDENT_CONTENT_COMMAND, refuse, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(OUTDENT_CONTENT_COMMAND, refuse, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(INSERT_LINE_BREAK_COMMAND, refuse, COMMAND_PRIORITY_HIGH),
    );
  }, [editor, session]);

  return null;
}

/** Created segments whose id another segment already has (a pasted copy keeps its original's id). */
function $copiedSegments(createdKeys: readonly NodeKey[]): NodeKey[] {
  const created = new Set(createdKeys);
  const seen = new Set<string>();
  // Segments that were there before keep their ids; a created one whose id is taken is a copy.
  for (const node of $getRoot().getChildren()) {
    if ($isSegmentNode(node) && !created.has(node.getKey())) seen.add(node.getSegmentId());
  }
  const copies: NodeKey[] = [];
  for (const key of createdKeys) {
    const node = $getNodeByKey(key);
    if (!$isSegmentNode(node)) continue;
    if (seen.has(node.getSegmentId())) copies.push(key);
    seen.add(node.getSegmentId());
  }
  return copies;
}

/** true for "to the end of the document", false for "to the start", null for any other key. */
function documentEdgeKey(event: KeyboardEvent): boolean | null {
  if (event.shiftKey || event.altKey) return null;
  if (isMac ? event.metaKey : event.ctrlKey) {
    if (event.key === 'End' || (isMac && event.key === 'ArrowDown')) return true;
    if (event.key === 'Home' || (isMac && event.key === 'ArrowUp')) return false;
  }
  return null;
}
