import { serializeDocumentJson, writeDocumentText } from '../../../shared/formats/index';
import { writeFileAtomic } from '../../services/atomic-write';
import { readTranscriptFile } from '../../services/transcript-files';
import type { CommandContext } from '../context';
import { UsageError } from '../usage';

const WRITERS = { json: serializeDocumentJson, txt: writeDocumentText } as const;

export async function convertCommand(ctx: CommandContext): Promise<number> {
  const file = ctx.positionals[0];
  if (!file) throw new UsageError('convert: which transcript? (glossa convert FILE --to json|txt)');
  const to = ctx.option('to');
  if (to !== 'json' && to !== 'txt') throw new UsageError('convert: --to must be json or txt');

  const output = WRITERS[to](await readTranscriptFile(file));
  const target = ctx.option('o');
  if (target) writeFileAtomic(target, output.endsWith('\n') ? output : output + '\n');
  else ctx.out(output);
  return 0;
}
