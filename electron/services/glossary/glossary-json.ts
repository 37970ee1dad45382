/**
 * The glossary's JSON format, read and written: `{ "format": "glossa-glossary", "version": 1,
 * "entries": [...] }`. Unlike CSV it keeps how often each variant was accepted.
 * Ids, timestamps and authors are written for reference and ignored on import: the receiving
 * glossary stamps its own.
 */
import { z } from 'zod';
import type { GlossaryEntry } from '../../../shared/glossary/types';
import { GlossaryImportError } from './glossary-errors';
import type { ImportedEntry } from './glossary-import';

export const GLOSSARY_JSON_FORMAT = 'glossa-glossary';
export const GLOSSARY_JSON_VERSION = 1;

export interface GlossaryJsonFile {
  format: typeof GLOSSARY_JSON_FORMAT;
  version: typeof GLOSSARY_JSON_VERSION;
  entries: GlossaryEntry[];
}

const variantSchema = z.union([
  z.string(),
  z.strictObject({ text: z.string(), acceptedCount: z.number().int().min(0).optional() }),
]);

const entrySchema = z.strictObject({
  term: z.string({
    error: (issue) => (issue.input === undefined ? 'Missing term' : 'The term must be a string'),
  }),
  category: z.string().optional(),
  forms: z.array(z.string()).optional(),
  variants: z.array(variantSchema).optional(),
  notes: z.string().optional(),
  source: z.string().optional(),
  // Written by export, not imported.
  id: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  createdBy: z.string().optional(),
  updatedBy: z.string().optional(),
});

export function formatGlossaryJson(entries: GlossaryEntry[]): string {
  const file: GlossaryJsonFile = { format: GLOSSARY_JSON_FORMAT, version: GLOSSARY_JSON_VERSION, entries };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function parseGlossaryJson(text: string, file: string): ImportedEntry[] {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (withoutBom.trim() === '') throw new GlossaryImportError({ file }, 'The file is empty');
  let data: unknown;
  try {
    data = JSON.parse(withoutBom);
  } catch (error) {
    throw new GlossaryImportError(
      { file },
      `Not valid JSON: ${error instanceof Error ? error.message : error}`,
    );
  }
  return readEntries(data, file).map((raw, entryIndex) => readEntry(raw, { file, entryIndex }));
}

function readEntries(data: unknown, file: string): unknown[] {
  const expected = `a Glossa glossary looks like {"format": "${GLOSSARY_JSON_FORMAT}", "version": ${GLOSSARY_JSON_VERSION}, "entries": [...]}`;
  if (!isRecord(data) || data.format !== GLOSSARY_JSON_FORMAT) {
    throw new GlossaryImportError({ file }, `Not a Glossa glossary file: ${expected}`);
  }
  if (typeof data.version === 'number' && data.version > GLOSSARY_JSON_VERSION) {
    throw new GlossaryImportError(
      { file },
      `The file is version ${data.version}, made by a newer Glossa; this one reads version ${GLOSSARY_JSON_VERSION}`,
    );
  }
  if (data.version !== GLOSSARY_JSON_VERSION) {
    throw new GlossaryImportError({ file, field: 'version' }, `Unsupported version; ${expected}`);
  }
  if (!Array.isArray(data.entries)) {
    throw new GlossaryImportError({ file, field: 'entries' }, `"entries" must be a list; ${expected}`);
  }
  return data.entries;
}

function readEntry(raw: unknown, location: { file: string; entryIndex: number }): ImportedEntry {
  const result = entrySchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue ? formatPath(issue.path) : '';
    throw new GlossaryImportError(
      field === '' ? location : { ...location, field },
      issue?.message ?? 'Not a glossary entry',
    );
  }
  const entry = result.data;
  return {
    fields: {
      term: entry.term,
      category: entry.category ?? '',
      forms: entry.forms ?? [],
      variants: (entry.variants ?? []).map((variant) =>
        typeof variant === 'string'
          ? { text: variant, acceptedCount: 0 }
          : { text: variant.text, acceptedCount: variant.acceptedCount ?? 0 },
      ),
      notes: entry.notes ?? '',
      source: entry.source ?? '',
    },
    location,
  };
}

/** ["variants", 1, "text"] → "variants[1].text" */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
