/**
 * A writer that the kill test SIGKILLs mid-append: it appends big batches to its log forever.
 * Run as `node --import tsx folder-kill-writer.ts FOLDER DEVICE START` (a separate process, so the
 * kill is real). Prints "ready" after its first batch.
 */
import { openFolderTransport } from '../../../../../electron/services/glossary/sync/folder-transport';
import { fakeChanges } from './change-fixtures';

const [folder, device, startText] = process.argv.slice(2);
if (!folder || !device) throw new Error('usage: folder-kill-writer FOLDER DEVICE START');
const transport = await openFolderTransport(folder, device, `Author of ${device}`);
for (let n = Number(startText ?? 0); ; n += 500) {
  await transport.publish(fakeChanges(device, n, 500));
  // Ready once something is in the log, so every kill lands while there is work on the way.
  if (n === Number(startText ?? 0)) process.stdout.write('ready\n');
}
