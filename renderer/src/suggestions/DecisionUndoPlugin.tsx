/** Undo and redo of accept/reject also take back and redo the glossary decisions (see decision-log.ts). */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_HIGH, HISTORIC_TAG, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { useEditorSession } from '../editor/session';
import { recordAll } from './actions';

export function DecisionUndoPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const session = useEditorSession();

  useEffect(() => {
    const { historyState, decisionLog } = session;
    return mergeRegister(
      // Moving on to the next suggestion only changes the selection, which the history merges into
      // the accept's entry; undo and redo commit a copy of an entry's state. Either way the entry
      // ends in a new state, and its decisions must follow it there.
      editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, dirtyLeaves, tags }) => {
        if (tags.has(HISTORIC_TAG)) {
          const entryState = historyState.current?.editorState;
          if (entryState) decisionLog.carry(entryState, editorState);
        } else if (dirtyElements.size === 0 && dirtyLeaves.size === 0) {
          decisionLog.carry(prevEditorState, editorState);
        }
      }),
      editor.registerCommand(
        UNDO_COMMAND,
        () => {
          if (historyState.undoStack.length > 0) {
            const decisions = decisionLog.decisionsOf(historyState.current?.editorState);
            if (decisions.length > 0) void recordAll(session, decisions, true);
          }
          return false; // the history plugin does the undo itself
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        REDO_COMMAND,
        () => {
          const decisions = decisionLog.decisionsOf(historyState.redoStack.at(-1)?.editorState);
          if (decisions.length > 0) void recordAll(session, decisions, false);
          return false;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, session]);

  return null;
}
