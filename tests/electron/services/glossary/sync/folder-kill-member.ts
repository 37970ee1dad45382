/**
 * A team member that the kill test SIGKILLs mid-round: it adds entries to its own SQLite glossary
 * and syncs them to the shared folder in big batches, forever. Run as
 * `node --import tsx folder-kill-member.ts DB FOLDER NAME`. Prints "ready" after its first round.
 */
import { GlossaryStore } from '../../../../../electron/services/glossary/glossary-store';
import { openFolderTransport } from '../../../../../electron/services/glossary/sync/folder-transport';
import { syncGlossary } from '../../../../../electron/services/glossary/sync/sync-round';

const [database, folder, name] = process.argv.slice(2);
if (!database || !folder || !name) throw new Error('usage: folder-kill-member DB FOLDER NAME');
const store = GlossaryStore.open(database, { author: name });
const transport = await openFolderTransport(folder, store.identity().device, name);
for (let round = 0; ; round += 1) {
  for (let i = 0; i < 400; i += 1)
    store.add({ term: `${name} term ${process.pid}-${round}-${i}`, notes: 'n' });
  await syncGlossary(store, transport, { batchSize: 2000 });
  if (round === 0) process.stdout.write('ready\n');
}
