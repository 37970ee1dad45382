/**
 * Markdown export: the title as "# " heading, the other metadata as a list, then one paragraph
 * per speaker turn with the speaker in bold: "**Anna** [0:07]: text". Transcript text is escaped
 * so a "*", "#" or "<script>" someone said stays text instead of becoming formatting or HTML.
 */
import type { TranscriptMetadata } from '../document/model';
import type { ExportInput, ExportOptions, ExportOutput } from './options';
import { type ExportParagraph, formatTimestamp, metadataFields, oneLine, prepareExport } from './prepare';

export function exportMarkdown(input: ExportInput): ExportOutput {
  const { paragraphs, warnings } = prepareExport(input);
  const blocks = [
    ...(input.options.metadataHeader ? header(input.document.metadata) : []),
    ...paragraphs.map((paragraph) => paragraphLine(paragraph, input.options)),
  ];
  return { content: blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '', warnings };
}

/** Inline: backslash-escapes the characters that start emphasis, code, links, HTML, headings or tables. */
export function escapeMarkdown(text: string): string {
  return text.replace(/&(?=#?[a-z0-9]+;)|[\\`*_[\]<>|~#]/gi, '\\$&');
}

/** Text that starts a line: also what would make it a list item, quote or setext underline. */
export function escapeMarkdownLine(text: string): string {
  return escapeLineStart(escapeMarkdown(text));
}

function escapeLineStart(escaped: string): string {
  return escaped.replace(/^(\s*)([+\-=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function header(metadata: TranscriptMetadata): string[] {
  const title = metadata.title?.trim();
  const fields = metadataFields(metadata).map(
    ({ label, value }) => `- **${label}:** ${escapeMarkdown(value)}`,
  );
  const description = metadata.description?.trim();
  return [
    ...(title ? [`# ${escapeMarkdown(oneLine(title))}`] : []),
    ...(fields.length > 0 ? [fields.join('\n')] : []),
    ...(description ? [escapeMarkdownLine(oneLine(description))] : []),
  ];
}

function paragraphLine(paragraph: ExportParagraph, options: ExportOptions): string {
  const perSegment = options.timestamps === 'segment';
  const text = paragraph.segments
    .map((segment) => {
      const time =
        perSegment && segment.startMs !== undefined ? `[${formatTimestamp(segment.startMs)}] ` : '';
      return time + escapeMarkdown(oneLine(segment.text));
    })
    .join(' ');
  const time =
    options.timestamps === 'paragraph' && paragraph.startMs !== undefined
      ? `[${formatTimestamp(paragraph.startMs)}]`
      : undefined;
  const speaker = options.speakers ? paragraph.speaker : undefined;
  if (speaker !== undefined) {
    return `${[`**${escapeMarkdown(speaker)}**`, time].filter(Boolean).join(' ')}: ${text}`;
  }
  if (time) return `${time} ${text}`;
  // The text starts the line, so "- 1. Bye" must not become a list.
  return escapeLineStart(text);
}
