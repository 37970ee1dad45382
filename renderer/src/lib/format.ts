/** Small formatting helpers for what people read on screen. */
import type { GlossaryImportSummary } from '../../../shared/api/contract';
import type { TranscriptFormat } from '../../../shared/document/model';
import type { SuggestionReason } from '../../../shared/engine/suggestion';

/** The extensions the open dialog and the file input offer. */
export const TRANSCRIPT_EXTENSIONS = ['.txt', '.srt', '.vtt', '.json'] as const;

/** The extensions the glossary file input offers. */
export const GLOSSARY_EXTENSIONS = ['.csv', '.json'] as const;

/** A dropped .csv is a glossary; everything else (.json included) is opened as a transcript. */
export function isGlossaryDrop(fileName: string): boolean {
  return /\.csv$/i.test(fileName);
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

const REASON_NAMES: Record<SuggestionReason, string> = {
  variant: 'known variant',
  sound: 'sounds alike',
  spelling: 'similar spelling',
  acronym: 'acronym',
  consistency: 'spelled this way elsewhere',
};

export function reasonName(reason: SuggestionReason): string {
  return REASON_NAMES[reason] ?? reason;
}

/** H:MM:SS, e.g. 0:04:07 or 1:02:33. */
export function formatTimestamp(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** An ISO date (YYYY-MM-DD) in the reader's own words, e.g. "October 22, 2024"; as given if not ISO. */
export function formatEpisodeDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
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
