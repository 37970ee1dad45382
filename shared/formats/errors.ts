/**
 * Why an import failed. Every importer throws only this error, so callers (CLI, app, tests) can
 * show one clear line — file, line, what was expected — and never a stack trace.
 */
export type ImportErrorCode =
  | 'empty' // nothing but whitespace
  | 'binary' // not text at all (NUL bytes, invalid UTF-8, an image…)
  | 'too-large' // over the size limit
  | 'encoding' // a BOM we cannot decode or a broken UTF-16 stream
  | 'invalid-json' // JSON that does not parse (truncated, …)
  | 'unexpected-shape' // parses, but is not a transcript shape we know
  | 'bad-timestamp' // a subtitle timing line that does not parse
  | 'empty-cue' // a subtitle cue with timing but no text
  | 'unknown-format' // nothing recognised the content
  | 'not-found' // the path does not exist
  | 'unreadable'; // a folder, or a file the operating system will not let us read

export interface ImportErrorDetails {
  code: ImportErrorCode;
  /** The file name as the user gave it. */
  file: string;
  /** 1-based line in the decoded text, where one applies. */
  line?: number;
  /** What the importer expected to find there, in plain words. */
  expected?: string;
}

export class TranscriptImportError extends Error {
  readonly code: ImportErrorCode;
  readonly file: string;
  readonly line: number | undefined;
  readonly expected: string | undefined;

  constructor(details: ImportErrorDetails, problem: string) {
    const where = details.line === undefined ? details.file : `${details.file}:${details.line}`;
    const expected = details.expected ? ` (expected ${details.expected})` : '';
    super(`${where}: ${problem}${expected}`);
    this.name = 'TranscriptImportError';
    this.code = details.code;
    this.file = details.file;
    this.line = details.line;
    this.expected = details.expected;
  }
}
