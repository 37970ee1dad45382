/**
 * The glossary's CSV format, read and written. No database here: parsing turns text into
 * entries with the line each came from, so the store can name the line of any bad value.
 *
 * Format: a header naming the columns (any order; only `term` is required), one entry per
 * record, forms and variants joined with "|". A UTF-8 BOM and CRLF line ends are accepted.
 */
import { CsvError, parse, type Options } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { GlossaryImportError } from './glossary-errors';
import { LIST_SEPARATOR, type EntryFields, type UncheckedEntryFields } from './glossary-validation';
import type { ImportedEntry } from './glossary-import';

export const CSV_COLUMNS = ['term', 'category', 'variants', 'forms', 'notes', 'source'] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

const EXPECTED_HEADER = CSV_COLUMNS.join(',');

/** One parsed record and the physical line (1-based) where it starts. */
interface CsvRecord {
  fields: string[];
  line: number;
}

export function parseGlossaryCsv(text: string, file: string): ImportedEntry[] {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (withoutBom.trim() === '') {
    throw new GlossaryImportError(
      { file },
      `The file is empty; a glossary CSV starts with the header ${EXPECTED_HEADER}`,
    );
  }
  const [header, ...rows] = readRecords(withoutBom, file);
  if (!header) throw new GlossaryImportError({ file }, 'The file has no header line');
  const columns = readHeader(header, file);

  const entries: ImportedEntry[] = [];
  for (const row of rows) {
    if (row.fields.every((field) => field.trim() === '')) continue; // e.g. ",,,,," left by spreadsheets
    if (row.fields.length !== header.fields.length) {
      throw new GlossaryImportError(
        { file, line: row.line },
        `Wrong column count: this row has ${row.fields.length} fields but the header has ${header.fields.length}`,
      );
    }
    const value = (column: CsvColumn): string => {
      const index = columns.get(column);
      return index === undefined ? '' : (row.fields[index] ?? '');
    };
    if (value('term').trim() === '') {
      throw new GlossaryImportError({ file, line: row.line }, 'Missing term: the term column is empty');
    }
    entries.push({ fields: entryFromValues(value), location: { file, line: row.line } });
  }
  return entries;
}

export function formatGlossaryCsv(entries: readonly EntryFields[]): string {
  const rows = entries.map((entry) => [
    entry.term,
    entry.category,
    entry.variants.map((variant) => variant.text).join(LIST_SEPARATOR),
    entry.forms.join(LIST_SEPARATOR),
    entry.notes,
    entry.source,
  ]);
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'unix' });
}

function entryFromValues(value: (column: CsvColumn) => string): UncheckedEntryFields {
  return {
    term: value('term'),
    category: value('category'),
    forms: splitList(value('forms')),
    variants: splitList(value('variants')).map((text) => ({ text, acceptedCount: 0 })),
    notes: value('notes'),
    source: value('source'),
  };
}

function splitList(field: string): string[] {
  return field
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Maps each known column to its position; refuses unknown, repeated or missing columns. */
function readHeader(header: CsvRecord, file: string): Map<CsvColumn, number> {
  const at = { file, line: header.line };
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const columns = new Map<CsvColumn, number>();
  const unknown: string[] = [];
  names.forEach((name, index) => {
    if (!isCsvColumn(name)) {
      unknown.push(name === '' ? `(empty name in column ${index + 1})` : `"${header.fields[index]?.trim()}"`);
      return;
    }
    if (columns.has(name))
      throw new GlossaryImportError(at, `Duplicate header: the column "${name}" appears twice`);
    columns.set(name, index);
  });
  if (!columns.has('term')) {
    throw new GlossaryImportError(
      at,
      `Missing "term" column: the first line must be a header such as ${EXPECTED_HEADER}`,
    );
  }
  if (unknown.length > 0) {
    throw new GlossaryImportError(
      at,
      `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the columns are ${CSV_COLUMNS.join(', ')}`,
    );
  }
  return columns;
}

function isCsvColumn(name: string): name is CsvColumn {
  return (CSV_COLUMNS as readonly string[]).includes(name);
}

/** Parses all records, each with the physical line where it starts; CSV syntax errors name their line. */
function readRecords(text: string, file: string): CsvRecord[] {
  // One line-end convention makes line counting exact; quoted line breaks become "\n" as well.
  const lf = text.replace(/\r\n?/gu, '\n');
  let parsed: RawRecord[];
  try {
    parsed = parseRawRecords(lf);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw csvSyntaxError(error, file, () => lineOfUnfinishedRecord(lf));
  }
  // Each raw text holds the blank lines skipped before its record, the record and its line end,
  // so counting their line breaks gives every record's first line.
  let linesBefore = 0;
  return parsed.map(({ record, raw }) => {
    const line = linesBefore + 1 + countLeadingNewlines(raw);
    linesBefore += countNewlines(raw);
    return { fields: record, line };
  });
}

/** A record as csv-parse gives it with `raw: true`: the fields and the exact text they came from. */
interface RawRecord {
  record: string[];
  raw: string;
}

function parseRawRecords(lf: string, onRecord?: (record: RawRecord) => void): RawRecord[] {
  const options: Options = {
    raw: true,
    skip_empty_lines: true,
    relax_column_count: true, // counted by parseGlossaryCsv instead, for a clearer message
  };
  // csv-parse's types do not model `raw: true`, which wraps each record as { record, raw }.
  if (onRecord) options.on_record = (record) => (onRecord(record as unknown as RawRecord), record);
  return parse(lf, options) as unknown as RawRecord[];
}

/**
 * csv-parse reports an unclosed quote only at the end of the file. Parsing again, this time
 * noting where each complete record ends, finds the line where the unfinished record starts.
 * Only the error path pays for this.
 */
function lineOfUnfinishedRecord(lf: string): number {
  let consumedChars = 0;
  let linesBefore = 0;
  try {
    parseRawRecords(lf, ({ raw }) => {
      consumedChars += raw.length;
      linesBefore += countNewlines(raw);
    });
  } catch {
    // Expected: the same error again, after the last complete record.
  }
  return linesBefore + 1 + countLeadingNewlines(lf.slice(consumedChars));
}

function csvSyntaxError(
  error: CsvError,
  file: string,
  unfinishedRecordLine: () => number,
): GlossaryImportError {
  const errorLine = typeof error.lines === 'number' ? error.lines : undefined;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new GlossaryImportError(
        { file, line: unfinishedRecordLine() },
        'Unterminated quote: a field in the row starting here opens with " but is never closed',
      );
    case 'INVALID_OPENING_QUOTE':
      return new GlossaryImportError(
        { file, line: errorLine },
        'A " inside an unquoted field; put the whole field in double quotes and double the " inside it ("")',
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new GlossaryImportError(
        { file, line: errorLine },
        'Text after a closing quote; a " inside a quoted field must be doubled ("")',
      );
    default:
      return new GlossaryImportError({ file, line: errorLine }, `Not valid CSV: ${error.message}`);
  }
}

function countLeadingNewlines(text: string): number {
  let count = 0;
  while (text[count] === '\n') count++;
  return count;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
