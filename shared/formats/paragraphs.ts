/**
 * Rebuilds paragraphs from the lines of a text transcript. Web pages and transcript tools often
 * hard-wrap text and drop the blank lines between paragraphs, so when there are no blank lines we
 * guess paragraph ends from sentence ends and line lengths. Words are never changed: fragments are
 * trimmed and joined with one space, and splits happen only at whitespace.
 */

export const PARAGRAPH_RULES = {
  /** A line ending a sentence ends the paragraph when it is shorter than this share of the wrap width. */
  shortLineRatio: 0.75,
  /** …but only once the paragraph has at least this many characters (so it is more than a phrase). */
  minChars: 200,
  /** Past this many characters, any line that ends a sentence ends the paragraph. */
  targetChars: 600,
  /** Never longer than this: longer text is split at a sentence end (or, failing that, a space). */
  maxChars: 1200,
  /** The wrap width is this percentile of the line lengths (most wrapped lines are near it). */
  wrapPercentile: 0.9,
  /** When half the lines are longer than this, the text was never wrapped: each line is a paragraph. */
  unwrappedMedianChars: 200,
} as const;

/** A sentence end: . ! ? or … optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["'”’)\]]*$/;
const SENTENCE_BREAK = /[.!?…]["'”’)\]]*\s+/g;

/** Lines (without line ends) → paragraphs. Blank lines, when present, are the paragraph breaks. */
export function paragraphsFromLines(lines: readonly string[]): string[] {
  const blocks = splitAtBlankLines(lines);
  if (blocks.length > 1) return blocks.flatMap((block) => capLength(block.join(' ')));
  const onlyBlock = blocks[0];
  return onlyBlock ? joinWrappedLines(onlyBlock) : [];
}

/** Trimmed non-empty lines, grouped by the blank lines between them. */
export function splitAtBlankLines(lines: readonly string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(trimmed);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function joinWrappedLines(lines: readonly string[]): string[] {
  const lengths = lines.map((line) => line.length).sort((a, b) => a - b);
  if (percentile(lengths, 0.5) > PARAGRAPH_RULES.unwrappedMedianChars) {
    return lines.flatMap((line) => capLength(line));
  }
  const shortLine = PARAGRAPH_RULES.shortLineRatio * percentile(lengths, PARAGRAPH_RULES.wrapPercentile);

  const paragraphs: string[] = [];
  let current: string[] = [];
  let chars = 0;
  for (const line of lines) {
    current.push(line);
    chars += line.length + 1;
    if (!SENTENCE_END.test(line)) continue;
    const endsShort = line.length < shortLine && chars >= PARAGRAPH_RULES.minChars;
    if (endsShort || chars >= PARAGRAPH_RULES.targetChars) {
      paragraphs.push(...capLength(current.join(' ')));
      current = [];
      chars = 0;
    }
  }
  if (current.length > 0) paragraphs.push(...capLength(current.join(' ')));
  return paragraphs;
}

/** Splits text longer than maxChars at sentence ends near targetChars (or at a space). */
function capLength(text: string): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > PARAGRAPH_RULES.maxChars) {
    const cut = findCut(rest);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  pieces.push(rest);
  return pieces;
}

/** Where to cut a too-long text: the sentence end nearest targetChars within maxChars. */
function findCut(text: string): number {
  let best: number | undefined;
  // Look only at the first maxChars: scanning the whole rest each time would be quadratic.
  for (const match of text.slice(0, PARAGRAPH_RULES.maxChars + 1).matchAll(SENTENCE_BREAK)) {
    const end = match.index + match[0].length;
    if (end > PARAGRAPH_RULES.maxChars) break;
    if (
      best === undefined ||
      Math.abs(end - PARAGRAPH_RULES.targetChars) < Math.abs(best - PARAGRAPH_RULES.targetChars)
    ) {
      best = end;
    }
  }
  if (best !== undefined) return best;
  const space = text.lastIndexOf(' ', PARAGRAPH_RULES.maxChars);
  // A single "word" longer than the cap (a URL, a wall of characters) is kept whole.
  return space > 0 ? space + 1 : text.length;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.floor((sorted.length - 1) * p)] ?? 0;
}
