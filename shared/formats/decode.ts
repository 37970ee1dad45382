/**
 * Bytes → text. Transcripts arrive as UTF-8 (with or without a BOM) or, from some Windows tools,
 * UTF-16 with a BOM. Anything else that is not valid text (an image, an archive, audio dropped by
 * mistake) is rejected as 'binary' rather than decoded into garbage.
 */
import { TranscriptImportError } from './errors';

/** The runtime's TextDecoder (Node, browsers, Electron), typed here because shared/ has no DOM lib. */
interface FatalTextDecoder {
  decode(bytes: Uint8Array): string;
}
type TextDecoderConstructor = new (
  label: string,
  options: { fatal: boolean; ignoreBOM: boolean },
) => FatalTextDecoder;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** File signatures worth naming in a message, so the user knows what they picked instead. */
const KNOWN_BINARY_SIGNATURES: ReadonlyArray<{ bytes: number[]; name: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (or a Word/OpenDocument file)' },
  { bytes: [0x49, 0x44, 0x33], name: 'an MP3 audio file' },
  { bytes: [0x52, 0x49, 0x46, 0x46], name: 'a WAV/RIFF media file' },
  { bytes: [0x4f, 0x67, 0x67, 0x53], name: 'an Ogg audio file' },
  { bytes: [0x66, 0x4c, 0x61, 0x43], name: 'a FLAC audio file' },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], name: 'a WebM/Matroska video' },
];

/**
 * Decodes a transcript file's bytes and normalises line ends (CRLF and CR become LF).
 * Throws 'binary' for non-text, 'encoding' for a broken UTF-16 stream, 'empty' for whitespace.
 */
export function decodeTranscriptBytes(bytes: Uint8Array, fileName: string): string {
  const { encoding, bomLength } = sniffEncoding(bytes);
  const body = bytes.subarray(bomLength);
  if (encoding === 'utf-8') rejectBinary(body, fileName);

  let text: string;
  try {
    text = textDecoder(encoding, fileName).decode(body);
  } catch {
    if (encoding === 'utf-8') {
      throw new TranscriptImportError(
        { code: 'binary', file: fileName, expected: 'a text file in UTF-8 or UTF-16' },
        'the file is not valid UTF-8 text',
      );
    }
    throw new TranscriptImportError(
      { code: 'encoding', file: fileName },
      `the file starts with a ${encoding.toUpperCase()} byte-order mark but its text is broken`,
    );
  }
  if (text.includes('\0')) {
    throw new TranscriptImportError(
      { code: 'binary', file: fileName, expected: 'a text file' },
      'the file contains NUL characters, so it is not a text file',
    );
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    throw new TranscriptImportError(
      { code: 'empty', file: fileName },
      'the file is empty or contains only whitespace',
    );
  }
  return text;
}

function sniffEncoding(bytes: Uint8Array): { encoding: Encoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** A NUL byte never occurs in UTF-8 text; name the file type when its signature is a known one. */
function rejectBinary(bytes: Uint8Array, fileName: string): void {
  const known = KNOWN_BINARY_SIGNATURES.find((signature) =>
    signature.bytes.every((byte, i) => bytes[i] === byte),
  );
  // ID3/RIFF/… headers are ASCII-looking, so a named signature alone is enough to reject.
  if (known) {
    throw new TranscriptImportError(
      { code: 'binary', file: fileName, expected: 'a transcript text file' },
      `this looks like ${known.name}, not a transcript`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new TranscriptImportError(
      { code: 'binary', file: fileName, expected: 'a text file in UTF-8 or UTF-16' },
      `the file contains a NUL byte at byte ${nul}, so it is not a text file`,
    );
  }
}

function textDecoder(encoding: Encoding, fileName: string): FatalTextDecoder {
  const Decoder = (globalThis as { TextDecoder?: TextDecoderConstructor }).TextDecoder;
  if (!Decoder) {
    throw new TranscriptImportError({ code: 'encoding', file: fileName }, 'this runtime has no TextDecoder');
  }
  // fatal: invalid sequences throw instead of becoming U+FFFD; ignoreBOM: we strip it ourselves.
  return new Decoder(encoding, { fatal: true, ignoreBOM: true });
}
