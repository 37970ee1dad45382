/**
 * Which decoder a media file needs, from its first bytes (the name's extension only when the
 * bytes say nothing): the streaming decoder must be told the format, it cannot guess it.
 */

/** Format names of audio-decode's chunked decoders that Glossa uses. */
export type AudioFormat = 'wav' | 'mp3' | 'flac' | 'oga' | 'opus' | 'm4a' | 'aac' | 'webm' | 'aiff' | 'caf';

const EXTENSION_FORMATS: Readonly<Record<string, AudioFormat>> = {
  wav: 'wav',
  mp3: 'mp3',
  flac: 'flac',
  ogg: 'oga',
  oga: 'oga',
  opus: 'opus',
  m4a: 'm4a',
  mp4: 'm4a',
  m4v: 'm4a',
  mov: 'm4a',
  aac: 'aac',
  webm: 'webm',
  weba: 'webm',
  mkv: 'webm',
  aif: 'aiff',
  aiff: 'aiff',
  caf: 'caf',
};

/** Bytes needed to tell the formats apart (an ID3 tag is skipped by reading past it). */
export const SNIFF_BYTES = 64 * 1024;

export function sniffAudioFormat(head: Uint8Array, fileName = ''): AudioFormat | null {
  const at = (offset: number, text: string) =>
    head.length >= offset + text.length &&
    [...text].every((char, i) => head[offset + i] === char.charCodeAt(0));

  if (at(0, 'RIFF') && at(8, 'WAVE')) return 'wav';
  if (at(0, 'fLaC')) return 'flac';
  if (at(0, 'OggS')) {
    if (at(28, 'OpusHead')) return 'opus';
    if (at(29, 'FLAC')) return 'flac';
    return 'oga';
  }
  if (at(4, 'ftyp')) return 'm4a';
  if (at(0, 'FORM') && (at(8, 'AIFF') || at(8, 'AIFC'))) return 'aiff';
  if (at(0, 'caff')) return 'caf';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    return 'webm'; // WebM and Matroska: one decoder reads both.
  }
  let start = 0;
  if (at(0, 'ID3') && head.length >= 10) {
    // An ID3v2 tag: its size is four 7-bit bytes; what follows is usually MP3, sometimes FLAC/AAC.
    const size =
      ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
    start = 10 + size + ((head[5]! & 0x10) !== 0 ? 10 : 0);
    if (start + 4 > head.length) return 'mp3';
    if (at(start, 'fLaC')) return 'flac';
  }
  const b0 = head[start];
  const b1 = head[start + 1];
  if (b0 === 0xff && b1 !== undefined && (b1 & 0xe0) === 0xe0) {
    // Layer bits 00 are AAC's ADTS; anything else is an MPEG audio frame.
    return (b1 & 0x06) === 0 ? 'aac' : 'mp3';
  }
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? null : (EXTENSION_FORMATS[fileName.slice(dot + 1).toLowerCase()] ?? null);
}
