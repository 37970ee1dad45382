/**
 * Plain text export: an optional header (title, show, date, source, description), then one
 * paragraph per speaker turn, "Anna [0:07]: text" — the same "Speaker [time]: " shape the
 * plain-text writer uses. With per-segment timestamps each segment starts with its "[0:07]".
 */
import type { ExportInput, ExportOptions, ExportOutput } from './options';
import { type ExportParagraph, formatTimestamp, metadataFields, oneLine, prepareExport } from './prepare';
import type { TranscriptMetadata } from '../document/model';

export function exportText(input: ExportInput): ExportOutput {
  const { paragraphs, warnings } = prepareExport(input);
  const blocks = [
    ...(input.options.metadataHeader ? header(input.document.metadata) : []),
    ...paragraphs.map((paragraph) => paragraphLine(paragraph, input.options)),
  ];
  return { content: blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '', warnings };
}

function header(metadata: TranscriptMetadata): string[] {
  const lines = [
    ...(metadata.title?.trim() ? [metadata.title.trim()] : []),
    ...metadataFields(metadata).map(({ label, value }) => `${label}: ${value}`),
  ];
  const description = metadata.description?.trim();
  return [...(lines.length > 0 ? [lines.join('\n')] : []), ...(description ? [oneLine(description)] : [])];
}

function paragraphLine(paragraph: ExportParagraph, options: ExportOptions): string {
  const perSegment = options.timestamps === 'segment';
  const text = paragraph.segments
    .map((segment) => {
      const time =
        perSegment && segment.startMs !== undefined ? `[${formatTimestamp(segment.startMs)}] ` : '';
      return time + oneLine(segment.text);
    })
    .join(' ');
  const time =
    options.timestamps === 'paragraph' && paragraph.startMs !== undefined
      ? `[${formatTimestamp(paragraph.startMs)}]`
      : undefined;
  const speaker = options.speakers ? paragraph.speaker : undefined;
  if (speaker !== undefined) return `${[speaker, time].filter(Boolean).join(' ')}: ${text}`;
  return time ? `${time} ${text}` : text;
}
