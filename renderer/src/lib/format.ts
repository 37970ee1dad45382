/** Small formatting helpers for what people read on screen. */
import type { GlossaryImportSummary } from '../../../shared/api/contract';
import { GLOSSARY_IMPORT_EXTENSIONS } from '../../../shared/glossary/exchange-formats';
import type { TranscriptFormat } from '../../../shared/document/model';

/** The extensions the open dialog and the file input offer. */
export const TRANSCRIPT_EXTENSIONS = ['.txt', '.srt', '.vtt', '.json'] as const;

/** The extensions the glossary file input offers: CSV, Glossa JSON, TBX and Vale files. */
export const GLOSSARY_EXTENSIONS = GLOSSARY_IMPORT_EXTENSIONS;

/** A dropped .csv, TBX or Vale rule is a glossary; everything else (.json, .txt) is opened as a transcript. */
export function isGlossaryDrop(fileName: string): boolean {
  return /\.(?:csv|tbx|xml|ya?ml)$/i.test(fileName);
}

export const SUPPORTED_FORMATS_LINE =
  'Plain text (.txt, with or without speaker names), SubRip (.srt), WebVTT (.vtt), and Whisper, WhisperX or whisper.cpp JSON (.json).';

const FORMAT_NAMES: Record<TranscriptFormat, string> = {
  text: 'Plain text',
  'speaker-text': 'Text with speaker names',
  srt: 'SubRip subtitles (SRT)',
  webvtt: 'WebVTT subtitles',
  'whisper-json': 'Whisper JSON',
  'whisperx-json': 'WhisperX JSON',
  'whispercpp-json': 'whisper.cpp JSON',
  'glossa-json': 'Glossa document',
};

export function formatName(format: TranscriptFormat): string {
  return FORMAT_NAMES[format] ?? format;
}

/** "1 suggestion", "2 suggestions", "1,234 words". */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? singular : plural}`;
}

/** "Imported terms.csv: 34 new, 0 updated, 0 unchanged — 34 entries in your glossary" */
export function glossaryImportNotice(fileName: string, summary: GlossaryImportSummary): string {
  const { created, updated, unchanged, total } = summary;
  return (
    `Imported ${fileName}: ${created.toLocaleString()} new, ${updated.toLocaleString()} updated, ` +
    `${unchanged.toLocaleString()} unchanged — ${countLabel(total, 'entry', 'entries')} in your glossary`
  );
}
