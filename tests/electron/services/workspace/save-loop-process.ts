/**
 * The child process of the crash test (workspace-store-crash.test.ts): autosaves one document over
 * and over, printing "saved N" after each save has returned, until the test kills it.
 * Usage: node --import tsx save-loop-process.ts DATABASE DOCUMENT_ID
 */
import { WorkspaceStore } from '../../../../electron/services/workspace/workspace-store';
import { CRASH_DOCUMENT, makeDocument, MAX_SAVES } from './documents';

const [file, documentId] = process.argv.slice(2);
if (!file || !documentId) throw new Error('usage: save-loop-process.ts DATABASE DOCUMENT_ID');

const store = WorkspaceStore.open(file);
// Bounded, so a child whose parent died without killing it still ends.
for (let revision = 1; revision <= MAX_SAVES; revision++) {
  store.saveDocument(documentId, {
    document: makeDocument({ ...CRASH_DOCUMENT, revision }),
    flags: [],
    viewState: { segmentId: 's1', offset: revision, scrollTop: revision },
    openSuggestionCount: revision,
  });
  process.stdout.write(`saved ${revision}\n`);
}
store.close();
