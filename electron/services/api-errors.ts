/**
 * Turns anything a handler throws into the one-line error the user sees. Errors our modules throw
 * on purpose carry a message written for people; anything else is a bug, which is logged with its
 * stack on the Node side and shown to the user as one line without it.
 */
export interface ApiFailure {
  code: string;
  message: string;
}

/** Error classes whose messages are written for the person using Glossa. */
const USER_FACING_ERRORS = new Set([
  'TranscriptImportError',
  'GlossaryImportError',
  'GlossaryValidationError',
  'GlossaryNotFoundError',
  'WorkspaceNotFoundError',
  'WorkspaceValidationError',
  'ApiArgumentError',
  'DatabaseOpenError',
  'ExportError',
  'ExportWriteError',
  'TeamSyncError',
  'SyncError',
  'MediaFileError',
  'WaveformError',
]);

export function toApiFailure(error: unknown, log: (error: unknown) => void = console.error): ApiFailure {
  if (error instanceof Error && USER_FACING_ERRORS.has(error.name)) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : error.name;
    return { code, message: firstLine(error.message) };
  }
  log(error);
  const detail = error instanceof Error ? firstLine(error.message) : String(error);
  return { code: 'internal', message: `Glossa hit an unexpected problem: ${detail}` };
}

/** The first line of a message: what a person is shown of an error. */
export function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}
