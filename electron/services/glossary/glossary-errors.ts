/** The errors the glossary store throws on purpose; each message is one line a person can act on. */

/** An entry that breaks a rule: empty term, unknown category, a duplicate term, a value too long, … */
export class GlossaryValidationError extends Error {
  /** The field at fault ('term', 'forms', …), where there is one. */
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.name = 'GlossaryValidationError';
    this.field = field;
  }
}

/** An id that names no entry (deleted meanwhile, or never existed). */
export class GlossaryNotFoundError extends Error {
  readonly id: string;

  constructor(id: string) {
    super(`No glossary entry has the id ${JSON.stringify(id)}`);
    this.name = 'GlossaryNotFoundError';
    this.id = id;
  }
}

export interface GlossaryImportErrorDetails {
  /** The file name as the user gave it. */
  file: string;
  /** 1-based physical line in a CSV file (where the bad record starts). */
  line?: number;
  /** 0-based index into a JSON file's `entries`. */
  entryIndex?: number;
  /** The column (CSV) or property path (JSON) at fault, where one is known. */
  field?: string;
}

/**
 * Why an import was refused. Imports are all-or-nothing, so when this is thrown nothing was written.
 * `message` reads "file, line 57: what is wrong"; `problem` is the same without the location.
 */
export class GlossaryImportError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly entryIndex: number | undefined;
  readonly field: string | undefined;
  readonly problem: string;

  constructor(details: GlossaryImportErrorDetails, problem: string) {
    super(`${describeLocation(details)}: ${problem}`);
    this.name = 'GlossaryImportError';
    this.file = details.file;
    this.line = details.line;
    this.entryIndex = details.entryIndex;
    this.field = details.field;
    this.problem = problem;
  }
}

/** "glossary.csv, line 57, column variants" or "glossary.json, entries[3].category". */
function describeLocation({ file, line, entryIndex, field }: GlossaryImportErrorDetails): string {
  if (line !== undefined) return `${file}, line ${line}${field ? `, column ${field}` : ''}`;
  if (entryIndex !== undefined) return `${file}, entries[${entryIndex}]${field ? `.${field}` : ''}`;
  return file;
}
