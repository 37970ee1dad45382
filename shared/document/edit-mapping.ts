/**
 * Keeps ranges over a text (suggestions, flags) anchored while the text is edited: one edit is a
 * replaced span, and every range is moved, stretched or dropped according to how it meets it.
 */

/** `removed` characters at `start` of the old text became `inserted` characters. */
export interface TextEdit {
  start: number;
  removed: number;
  inserted: number;
}

/**
 * The single replaced span that turns `before` into `after`, null when the texts are equal: the
 * longest common prefix, then the longest common suffix that does not overlap it.
 *
 * A pure insertion or deletion inside repeated text can sit in several places ("Marco" → "MMarco"
 * inserts "M" at 0 or at 1). Among those it goes where its edges meet word boundaries, as a person
 * types whole words: at 0 here, so the range on "Marco" shifts instead of being hit. On a tie the
 * longest prefix wins ("aa" → "aaa" inserts at 2). A surrogate pair is never split.
 */
export function diffTexts(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  const suffixRoom = shorter - prefix;
  while (
    suffix < suffixRoom &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  const removed = before.length - prefix - suffix;
  const inserted = after.length - prefix - suffix;
  // A replacement (both non-zero) has one place only: the prefix and suffix are both maximal.
  const start =
    removed === 0 || inserted === 0
      ? bestSlide(inserted > 0 ? after : before, prefix, removed + inserted)
      : prefix;
  return { start, removed, inserted };
}

/**
 * Where the block longer[start, start + length), inserted or deleted, reads best: it can slide left
 * while the character before it equals its last one. Scored by its two edges; ties keep `start`.
 */
function bestSlide(longer: string, start: number, length: number): number {
  let best = start;
  let bestScore = slideScore(longer, start, length);
  for (let at = start - 1; at >= 0 && longer.charCodeAt(at) === longer.charCodeAt(at + length); at--) {
    const score = slideScore(longer, at, length);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

function slideScore(longer: string, start: number, length: number): number {
  const end = start + length;
  if (splitsPair(longer, start) || splitsPair(longer, end)) return -1;
  return edgeScore(longer[start - 1], longer[start]) + edgeScore(longer[end - 1], longer[end]);
}

// How good a place between two characters is for an edit's edge; undefined is the text's edge.
// The text's own edge counts as a space, no better, so ties still fall to the longest prefix.
const EDGE_SCORES = { lineBreak: 3, space: 2, punctuation: 1, insideWord: 0 } as const;
const LINE_BREAK = /[\n\r]/;
const SPACE = /\s/;
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

function edgeScore(left: string | undefined, right: string | undefined): number {
  if (left === undefined || right === undefined) return EDGE_SCORES.space;
  const pair = left + right;
  if (LINE_BREAK.test(pair)) return EDGE_SCORES.lineBreak;
  if (SPACE.test(pair)) return EDGE_SCORES.space;
  if (!WORD_CHARACTER.test(left) || !WORD_CHARACTER.test(right)) return EDGE_SCORES.punctuation;
  return EDGE_SCORES.insideWord;
}

function splitsPair(text: string, offset: number): boolean {
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/**
 * Where a range of the old text lies in the new text.
 *
 * Ranges entirely before the edit stay; ranges entirely after it shift. Touching at a boundary is
 * not overlapping: an insertion exactly at a range's end leaves the range as it was (typing right
 * after a name keeps its suggestion), one exactly at its start shifts it.
 *
 * A range the edit reaches into:
 * - 'drop' gives null: a suggestion whose words changed is stale;
 * - 'stretch' grows or shrinks to cover the edited part (a flag on a passage keeps covering it),
 *   and gives null only when nothing of it is left.
 */
export function mapRange(
  range: { start: number; end: number },
  edit: TextEdit,
  mode: 'drop' | 'stretch',
): { start: number; end: number } | null {
  const editEnd = edit.start + edit.removed;
  const shift = edit.inserted - edit.removed;
  // Checked first, so an insertion at the start of a range (or at an empty range) shifts it.
  if (editEnd <= range.start) return { start: range.start + shift, end: range.end + shift };
  if (edit.start >= range.end) return { start: range.start, end: range.end };
  if (mode === 'drop') return null;
  const start = Math.min(range.start, edit.start);
  const end = Math.max(range.end, editEnd) + shift;
  return end > start ? { start, end } : null;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
