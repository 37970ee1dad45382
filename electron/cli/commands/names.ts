/**
 * `glossa names FILE`: the names in a transcript that the glossary does not have yet, with how often
 * each occurs — what a fact-checker looks up and adds.
 */
import type { CommandContext } from '../context';
import { documentPlainText } from '../../../shared/document/plain-text';
import { englishLexicon } from '../../../shared/engine/lexicon';
import { findNameCandidates, type NameCandidate } from '../../../shared/engine/name-candidates';
import { readTranscriptFile } from '../../services/transcript-files';
import { openGlossary } from '../glossary-source';
import { UsageError } from '../usage';

export async function namesCommand(ctx: CommandContext): Promise<number> {
  const file = ctx.positionals[0];
  if (!file) throw new UsageError('names: which transcript? (glossa names FILE --glossary G)');
  const format = ctx.option('format') ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`names: --format must be text or json, not "${format}"`);

  const document = await readTranscriptFile(file);
  const glossary = openGlossary(ctx.option('glossary'), { mustExist: ctx.option('glossary') !== undefined });
  let names: NameCandidate[];
  try {
    names = findNameCandidates(documentPlainText(document), glossary.list(), englishLexicon());
  } finally {
    glossary.close();
  }

  ctx.out(format === 'json' ? JSON.stringify({ names }, null, 2) : textReport(names));
  return 0;
}

/** One line per name, counts aligned: `12  Jacos Wetzlud  (also: Jacos Wetzlut)`. */
function textReport(names: readonly NameCandidate[]): string {
  const width = String(names[0]?.count ?? 0).length;
  const lines = names.map((candidate) => {
    const others = candidate.spellings.filter((spelling) => spelling !== candidate.name);
    const also = others.length > 0 ? `  (also: ${others.join(', ')})` : '';
    return `${String(candidate.count).padStart(width)}  ${candidate.name}${also}`;
  });
  const total =
    names.length === 1 ? '1 name not in the glossary' : `${names.length} names not in the glossary`;
  return [...lines, total].join('\n');
}
