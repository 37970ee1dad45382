/**
 * Checks the shape of parsed JSON with messages that name the path, e.g.
 * "segments[3].start: found a string (expected a number)". Readers call these helpers and
 * `readJsonShape` turns the first mismatch into a TranscriptImportError.
 */
import { TranscriptImportError } from './errors';

export type JsonObject = Record<string, unknown>;

class ShapeMismatch {
  constructor(
    readonly path: string,
    readonly problem: string,
    readonly expected: string,
  ) {}
}

/** Runs a reader over parsed JSON, turning a shape mismatch into an 'unexpected-shape' error. */
export function readJsonShape<T>(fileName: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ShapeMismatch)) throw error;
    const where = error.path === '' ? 'the JSON' : error.path;
    throw new TranscriptImportError(
      { code: 'unexpected-shape', file: fileName, expected: error.expected },
      `${where}: ${error.problem}`,
    );
  }
}

/** Reports a value that has the right type but a wrong value (an unknown version, …). */
export function shapeProblem(path: string, problem: string, expected: string): never {
  throw new ShapeMismatch(path, problem, expected);
}

export function field(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function item(path: string, index: number): string {
  return `${path}[${index}]`;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectObject(value: unknown, path: string): JsonObject {
  if (!isJsonObject(value)) mismatch(value, path, 'an object');
  return value;
}

export function expectArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) mismatch(value, path, 'an array');
  return value;
}

export function expectString(value: unknown, path: string): string {
  if (typeof value !== 'string') mismatch(value, path, 'a string');
  return value;
}

export function expectNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) mismatch(value, path, 'a number');
  return value;
}

export function optionalString(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : expectString(value, path);
}

export function optionalNumber(value: unknown, path: string): number | undefined {
  return value === undefined || value === null ? undefined : expectNumber(value, path);
}

export function optionalArray(value: unknown, path: string): unknown[] | undefined {
  return value === undefined || value === null ? undefined : expectArray(value, path);
}

function mismatch(value: unknown, path: string, expected: string): never {
  const problem = value === undefined ? 'missing' : `found ${describeJsonValue(value)}`;
  throw new ShapeMismatch(path, problem, expected);
}

function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') {
    return value.length > 20 ? 'a string' : `the string ${JSON.stringify(value)}`;
  }
  return `the ${typeof value} ${String(value)}`;
}
