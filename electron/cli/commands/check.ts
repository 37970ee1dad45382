import type { CommandContext } from '../context';
import { countWords, documentPlainText, lineAndColumn } from '../../../shared/document/plain-text';
import type { TranscriptDocument } from '../../../shared/document/model';
import type { Suggestion } from '../../../shared/engine/suggestion';
import { engineFor } from '../../services/corrections/decisions';
import { readTranscriptFile } from '../../services/transcript-files';
import { openGlossary } from '../glossary-source';
import { UsageError } from '../usage';

export async function checkCommand(ctx: CommandContext): Promise<number> {
  const file = ctx.positionals[0];
  if (!file) throw new UsageError('check: which transcript? (glossa check FILE --glossary G)');
  const format = ctx.option('format') ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`check: --format must be text or json, not "${format}"`);

  const document = await readTranscriptFile(file);
  const glossary = openGlossary(ctx.option('glossary'), { mustExist: ctx.option('glossary') !== undefined });
  let suggestions: Suggestion[];
  try {
    // The engine with the glossary's rejections, so what people rejected is not suggested again.
    suggestions = engineFor(glossary).checkDocument(document);
  } finally {
    glossary.close();
  }

  if (format === 'json') {
    ctx.out(JSON.stringify({ document: jsonDocumentSummary(document), suggestions }, null, 2));
  } else {
    ctx.out(textReport(file, document, suggestions));
  }
  return 0;
}

function jsonDocumentSummary(document: TranscriptDocument) {
  return { ...document.metadata, segments: document.segments.length, words: countWords(document) };
}

/** One line per suggestion: where, heard → proposed, score, why. */
function textReport(file: string, document: TranscriptDocument, suggestions: Suggestion[]): string {
  if (suggestions.length === 0) return `${file}: no suggestions`;
  const text = documentPlainText(document);
  const lines = suggestions.map((s) => {
    const { line, column } = lineAndColumn(text, s.start);
    const alternatives = s.alternatives.length
      ? `  (or ${s.alternatives.map((a) => a.replacement).join(', ')})`
      : '';
    return `${file}:${line}:${column}  "${s.text}" → "${s.replacement}"  ${s.score.toFixed(2)}  ${REASON_WORDS[s.reason]}${alternatives}`;
  });
  const count = suggestions.length === 1 ? '1 suggestion' : `${suggestions.length} suggestions`;
  return [...lines, count].join('\n');
}

const REASON_WORDS: Record<Suggestion['reason'], string> = {
  variant: 'known variant',
  sound: 'sounds like the term',
  spelling: 'spelled like the term',
  acronym: 'acronym spoken as letters',
  consistency: 'spelled differently elsewhere',
};
