/**
 * `glossa glossary sync --db LOCAL.db (--folder DIR | --postgres URL) [--as NAME]`: one team sync
 * round from a script (issue 7): publish this glossary's new changes, merge everyone else's, and
 * print what changed and which conflicts are open. The password for --postgres comes from the URL
 * or PGPASSWORD.
 */
import type { GlossaryConflict, JsonValue, SyncReport } from '../../../shared/glossary/sync-types';
import {
  checkDatabaseOutsideFolder,
  openFolderTransport,
} from '../../services/glossary/sync/folder-transport';
import { openPostgresTransport } from '../../services/glossary/sync/postgres-transport';
import { syncGlossary } from '../../services/glossary/sync/sync-round';
import { SyncError, type SyncTransport } from '../../services/glossary/sync/transport';
import { defaultGlossaryPath } from '../../services/user-data';
import type { CommandContext } from '../context';
import { openGlossary } from '../glossary-source';
import { CommandError, UsageError } from '../usage';

const SHOWN_VALUE_LENGTH = 60;

export async function glossarySyncCommand(ctx: CommandContext): Promise<number> {
  const folder = ctx.option('folder');
  const url = ctx.option('postgres');
  if ((folder === undefined) === (url === undefined))
    throw new UsageError('glossary sync: give either --folder DIR or --postgres URL');
  const format = ctx.option('format') ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`glossary sync: --format must be text or json, not "${format}"`);
  const name = ctx.option('as');
  if (name !== undefined && name.trim() === '') throw new UsageError('glossary sync: --as needs a name');
  const database = ctx.option('db') ?? defaultGlossaryPath();

  try {
    if (folder !== undefined) checkDatabaseOutsideFolder(folder, database);
    const store = openGlossary(database, { mustExist: false });
    try {
      // A glossary file (.csv, .json, …) is read into memory: nothing to keep changes and cursors in.
      if (store.path === ':memory:')
        throw new UsageError('glossary sync: --db must be a glossary database (.db), not a glossary file');
      if (name !== undefined) store.setAuthor(name.trim());
      const { author, device } = store.identity();
      const transport: SyncTransport =
        folder !== undefined
          ? await openFolderTransport(folder, device, author)
          : await openPostgresTransport(url!, { password: process.env.PGPASSWORD || undefined, device });
      try {
        const report = await syncGlossary(store, transport);
        ctx.out(format === 'json' ? JSON.stringify(report, null, 2) : textReport(report));
      } finally {
        await transport.close();
      }
    } finally {
      store.close();
    }
  } catch (error) {
    if (error instanceof SyncError) throw new CommandError(error.message);
    throw error;
  }
  return 0;
}

function textReport(report: SyncReport): string {
  const lines = [`published ${report.published}, received ${report.received}`];
  for (const entry of report.changedEntries)
    lines.push(`changed   ${entry.term}: ${entry.fields.join(', ')}`);
  for (const conflict of report.conflicts) lines.push(`conflict  ${conflictLine(conflict)}`);
  for (const skipped of report.skipped) lines.push(`skipped   ${skipped.where}: ${skipped.reason}`);
  const open = report.conflicts.length;
  if (open > 0) lines.push(open === 1 ? '1 conflict open' : `${open} conflicts open`);
  return lines.join('\n');
}

/** `Donbas, notes: "a" (Mi-rae Kang) | "b" (Alex Doe); showing "a"` */
function conflictLine(conflict: GlossaryConflict): string {
  const values = conflict.values.map((value) => `${shown(value.value)} (${value.author})`).join(' | ');
  const winner = conflict.values.find((value) => value.changeId === conflict.winner);
  const kind = conflict.kind === 'field' ? '' : ` [${conflict.kind}]`;
  return `${conflict.term}, ${conflict.field}${kind}: ${values}${winner ? `; showing ${shown(winner.value)}` : ''}`;
}

function shown(value: JsonValue): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH - 1)}…` : text;
}
