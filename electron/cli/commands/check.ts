import type { CommandContext } from '../context';
import { countWords, segmentOffsets } from '../../../shared/document/plain-text';
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

/**
 * One line per suggestion: where (segment number, and time when the transcript has timings),
 * heard → proposed, score, why. Plain-text paragraphs are rebuilt on import, so the segment —
 * what the editor shows — is the place a person can find, not a line of the original file.
 */
function textReport(file: string, document: TranscriptDocument, suggestions: Suggestion[]): string {
  if (suggestions.length === 0) return `${file}: no suggestions`;
  const starts = segmentOffsets(document);
  const lines = suggestions.map((s) => {
    const index = segmentAt(starts, s.start);
    const segment = document.segments[index];
    const time = segment?.startMs !== undefined ? ` ${formatTime(segment.startMs)}` : '';
    const alternatives = s.alternatives.length
      ? `  (or ${s.alternatives.map((a) => a.replacement).join(', ')})`
      : '';
    return `segment ${index + 1}${time}  "${s.text}" → "${s.replacement}"  ${s.score.toFixed(2)}  ${REASON_WORDS[s.reason]}${alternatives}`;
  });
  const count = suggestions.length === 1 ? '1 suggestion' : `${suggestions.length} suggestions`;
  return [`${file}:`, ...lines, count].join('\n');
}

/** Index of the segment containing an offset of the plain text (starts ascending). */
function segmentAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function formatTime(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

const REASON_WORDS: Record<Suggestion['reason'], string> = {
  variant: 'known variant',
  sound: 'sounds like the term',
  spelling: 'spelled like the term',
  acronym: 'acronym spoken as letters',
  consistency: 'spelled differently elsewhere',
};
