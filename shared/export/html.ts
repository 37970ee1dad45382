/**
 * HTML export: one self-contained, accessible page — no scripts, no event handlers, no external
 * resources, only a small inline style. The title is the one <h1> (visually hidden when the
 * metadata header is off, so screen readers still get a page heading); each speaker turn is a
 * <section> with the speaker in <strong> and times as <time datetime="PT…S">. Every piece of
 * document text is escaped.
 */
import type { TranscriptMetadata } from '../document/model';
import type { ExportInput, ExportOptions, ExportOutput } from './options';
import { type ExportParagraph, formatTimestamp, metadataFields, oneLine, prepareExport } from './prepare';

const DEFAULT_TITLE = 'Transcript';
const DEFAULT_LANGUAGE = 'en';

const STYLE = `
body { font: 1rem/1.6 system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
main { max-width: 42rem; margin: 0 auto; padding: 2rem 1rem; }
.metadata { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
.metadata dt { font-weight: 600; }
.metadata dd { margin: 0; }
.turn { margin: 1.25rem 0; }
.turn p { margin: 0.25rem 0; }
time { color: #555; font-variant-numeric: tabular-nums; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`.trim();

export function exportHtml(input: ExportInput): ExportOutput {
  const { paragraphs, warnings } = prepareExport(input);
  const { metadata } = input.document;
  const title = metadata.title?.trim() || DEFAULT_TITLE;
  const lines = [
    '<!doctype html>',
    `<html lang="${escapeHtml(languageTag(metadata.language))}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(oneLine(title))}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...header(metadata, title, input.options.metadataHeader),
    '<article class="transcript">',
    ...paragraphs.map((paragraph) => section(paragraph, input.options)),
    '</article>',
    '</main>',
    '</body>',
    '</html>',
  ];
  return { content: `${lines.join('\n')}\n`, warnings };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A plausible BCP 47 tag, or English: the attribute must never carry anything else. */
function languageTag(language: string | undefined): string {
  const tag = language?.trim().replace(/_/g, '-');
  return tag && /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(tag) ? tag : DEFAULT_LANGUAGE;
}

/** A duration string the datetime attribute accepts: PT7S, PT3723S. */
export function durationAttribute(ms: number): string {
  return `PT${Math.floor(ms / 1000)}S`;
}

function time(ms: number): string {
  return `<time datetime="${durationAttribute(ms)}">${formatTimestamp(ms)}</time>`;
}

function header(metadata: TranscriptMetadata, title: string, shown: boolean): string[] {
  if (!shown) return [`<h1 class="visually-hidden">${escapeHtml(oneLine(title))}</h1>`];
  const fields = metadataFields(metadata);
  const description = metadata.description?.trim();
  return [
    '<header>',
    `<h1>${escapeHtml(oneLine(title))}</h1>`,
    ...(fields.length > 0
      ? [
          '<dl class="metadata">',
          ...fields.map(({ label, value }) => `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>`),
          '</dl>',
        ]
      : []),
    ...(description ? [`<p class="description">${escapeHtml(oneLine(description))}</p>`] : []),
    '</header>',
  ];
}

function section(paragraph: ExportParagraph, options: ExportOptions): string {
  const speaker = options.speakers ? paragraph.speaker : undefined;
  const paragraphTime =
    options.timestamps === 'paragraph' && paragraph.startMs !== undefined
      ? time(paragraph.startMs)
      : undefined;
  const label = [speaker === undefined ? undefined : `<strong>${escapeHtml(speaker)}</strong>`, paragraphTime]
    .filter(Boolean)
    .join(' ');
  const text = paragraph.segments
    .map((segment) => {
      const segmentTime =
        options.timestamps === 'segment' && segment.startMs !== undefined ? `${time(segment.startMs)} ` : '';
      return segmentTime + escapeHtml(oneLine(segment.text));
    })
    .join(' ');
  return [
    '<section class="turn">',
    ...(label ? [`<p class="speaker">${label}</p>`] : []),
    `<p class="text">${text}</p>`,
    '</section>',
  ].join('\n');
}
