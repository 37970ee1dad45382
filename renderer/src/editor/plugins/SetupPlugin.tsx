/**
 * Keeps the editor a transcript: every block is a SegmentNode with a unique id, there is no text
 * formatting, and Shift+Enter does not put line breaks inside a segment. Also attaches the
 * session (index, painter) to this editor.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  COMMAND_PRIORITY_HIGH,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  ParagraphNode,
  $getRoot,
} from 'lexical';
import { useEffect } from 'react';
import { $createSegmentNode, $isSegmentNode, newSegmentId, SegmentNode } from '../nodes';
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
      // A pasted copy of a segment must not share its id with the original.
      editor.registerNodeTransform(SegmentNode, (segment) => {
        // Only segments that did not exist before this update can be copies; typing skips the scan.
        if (editor.getEditorState()._nodeMap.has(segment.getKey())) return;
        const id = segment.getSegmentId();
        for (const sibling of $getRoot().getChildren()) {
          if (sibling !== segment && $isSegmentNode(sibling) && sibling.getSegmentId() === id) {
            if (sibling.getIndexWithinParent() < segment.getIndexWithinParent())
              segment.setSegmentId(newSegmentId());
            break;
          }
        }
      }),
      editor.registerCommand(FORMAT_TEXT_COMMAND, refuse, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(FORMAT_ELEMENT_COMMAND, refuse, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(INDENT_CONTENT_COMMAND, refuse, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(OUTDENT_CONTENT_COMMAND, refuse, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(INSERT_LINE_BREAK_COMMAND, refuse, COMMAND_PRIORITY_HIGH),
    );
  }, [editor, session]);

  return null;
}
