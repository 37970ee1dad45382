/**
 * `glossa accept` and `glossa reject`: the CLI's way to teach the glossary what the editor's
 * accept/reject buttons teach it (see services/corrections/decisions.ts).
 */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import type { CorrectionDecision, DecisionResult } from '../../../shared/glossary/types';
import { recordDecision } from '../../services/corrections/decisions';
import type { GlossaryStore } from '../../services/glossary/glossary-store';
import { defaultGlossaryPath } from '../../services/user-data';
import type { CommandContext } from '../context';
import { openGlossary } from '../glossary-source';
import { CommandError, UsageError } from '../usage';

export const acceptCommand = (ctx: CommandContext) => decide(ctx, 'accept');
export const rejectCommand = (ctx: CommandContext) => decide(ctx, 'reject');

async function decide(ctx: CommandContext, decision: CorrectionDecision): Promise<number> {
  const heard = ctx.positionals.join(' ').trim();
  const term = ctx.option('term')?.trim();
  const example = `glossa ${decision} HEARD --term TERM`;
  if (!heard) throw new UsageError(`${decision}: which heard text? (${example})`);
  if (!term) throw new UsageError(`${decision}: for which glossary term? (${example})`);
  const db = ctx.option('db') ?? defaultGlossaryPath();
  if (['.csv', '.json'].includes(extname(db).toLowerCase())) {
    throw new UsageError(
      `${decision}: --db must be a glossary database; import ${db} into one first (glossa glossary import ${db} --db PATH)`,
    );
  }
  // A decision is about an entry, so an absent glossary is an error, not a new empty database.
  if (!existsSync(db)) throw new CommandError(`${db}: no such glossary database`);

  const store = openGlossary(db, { mustExist: true });
  let result: DecisionResult;
  try {
    const entry = findEntry(store, term);
    result = recordDecision(store, { decision, termId: entry.id, heard, undo: ctx.flag('undo') });
  } finally {
    store.close();
  }
  // Asking to undo what was never recorded is a mistake worth an exit code; recording a decision
  // that was already in force is not.
  if (ctx.flag('undo') && !result.undone) throw new CommandError(result.message);
  ctx.out(result.message);
  return 0;
}

/** The entry's term (any case and spacing) or its id. */
function findEntry(store: GlossaryStore, termOrId: string) {
  const entry = store.findByTerm(termOrId) ?? store.get(termOrId);
  if (!entry) throw new CommandError(`${termOrId}: not in the glossary (${store.path})`);
  return entry;
}
