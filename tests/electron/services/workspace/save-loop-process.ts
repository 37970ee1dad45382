/**
 * The child process of the crash tests (workspace-store-crash.test.ts): autosaves one document over
 * and over, printing "saved N" after each save has returned, until the test kills it. MODE is
 * "whole" (saveDocument, the default) or "changes" (saveChanges with crashChanges(N)).
 * Usage: node --import tsx save-loop-process.ts DATABASE DOCUMENT_ID [MODE]
 */
import { WorkspaceStore } from '../../../../electron/services/workspace/workspace-store';
import { CRASH_DOCUMENT, crashChanges, makeDocument, MAX_SAVES } from './documents';

const [file, documentId, mode = 'whole'] = process.argv.slice(2);
if (!file || !documentId || (mode !== 'whole' && mode !== 'changes')) {
  throw new Error('usage: save-loop-process.ts DATABASE DOCUMENT_ID [whole|changes]');
}

const store = WorkspaceStore.open(file);
// Bounded, so a child whose parent died without killing it still ends.
for (let revision = 1; revision <= MAX_SAVES; revision++) {
  const common = {
    flags: [],
    viewState: { segmentId: 's1', offset: revision, scrollTop: revision },
    openSuggestionCount: revision,
  };
  if (mode === 'whole') {
    store.saveDocument(documentId, { ...common, document: makeDocument({ ...CRASH_DOCUMENT, revision }) });
  } else {
    store.saveChanges(documentId, { ...common, ...crashChanges(revision) });
  }
  process.stdout.write(`saved ${revision}\n`);
}
store.close();
