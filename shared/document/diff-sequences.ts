/**
 * diff-sequences (Myers' diff), unwrapped once. It is CommonJS with `exports.default`: bundlers and
 * vitest unwrap it, but Node's own ESM loader (the CLI runs through tsx) hands back the exports
 * object.
 */
import diffSequencesImport from 'diff-sequences';

type DiffSequences = typeof diffSequencesImport;

export const diffSequences: DiffSequences =
  typeof diffSequencesImport === 'function'
    ? diffSequencesImport
    : (diffSequencesImport as unknown as { default: DiffSequences }).default;
