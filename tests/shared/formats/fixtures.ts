import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { TranscriptDocument } from '../../../shared/document/model';
import { importTranscript, TranscriptImportError, type ImportErrorCode } from '../../../shared/formats';

export { importTranscript };

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/transcripts/', import.meta.url));
export const SEED_PATH = fileURLToPath(
  new URL('../../../seeds/nk-news-2024-10-22-troops-ukraine.txt', import.meta.url),
);

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(`${FIXTURES_DIR}${name}`);
}

export function importFixture(name: string): TranscriptDocument {
  return importTranscript({ bytes: fixtureBytes(name), fileName: name });
}

export function importString(text: string, fileName: string): TranscriptDocument {
  return importTranscript({ bytes: new TextEncoder().encode(text), fileName });
}

/** Runs `action`, expects a TranscriptImportError with a one-line message, and returns it. */
export function expectImportError(action: () => unknown, code: ImportErrorCode): TranscriptImportError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(TranscriptImportError);
  const error = caught as TranscriptImportError;
  expect(error.code).toBe(code);
  expectOneLineMessage(error);
  return error;
}

export function expectOneLineMessage(error: TranscriptImportError): void {
  expect(error.message).not.toContain('\n');
  expect(error.message).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
  expect(error.message.startsWith(error.file)).toBe(true);
}

/** The whitespace-separated tokens of a text: what paragraph rebuilding must never change. */
export function tokens(text: string): string[] {
  return text.split(/\s+/).filter((token) => token !== '');
}
