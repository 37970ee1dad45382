/** Find and replace over a document's segments: plain or regular-expression queries. */

export interface FindOptions {
  query: string;
  caseSensitive: boolean;
  wholeWord: boolean;
  regex: boolean;
}

export interface FindMatch {
  segmentId: string;
  /** Offsets in the segment's text. */
  start: number;
  end: number;
  /** The matched text. */
  text: string;
  /** What this match becomes on replace: regex mode expands $1..$9, $& and $$. */
  replacement: string;
}

/** A query that cannot be searched for; the message is for the person who typed it. */
export class FindQueryError extends Error {
  override readonly name = 'FindQueryError';
}

/** Past this many matches the search stops, so a one-letter query cannot flood the panel. */
export const MAX_FIND_MATCHES = 10_000;

// Whole-word boundaries must see letters beyond ASCII ("café" is not inside "caféine"), which \b
// does not; so the match must not touch a letter, digit or underscore on either side.
const WORD_CHAR = '[\\p{L}\\p{N}_]';

/**
 * Every match of the query in the segments, in segment order then text order, with the text each
 * would be replaced by. Empty and zero-length matches are skipped.
 * @throws FindQueryError when a regular expression does not compile.
 */
export function findMatches(
  segments: readonly { id: string; text: string }[],
  options: FindOptions,
  replaceWith = '',
): { matches: FindMatch[]; truncated: boolean } {
  const matches: FindMatch[] = [];
  if (options.query === '') return { matches, truncated: false };
  const pattern = compile(options);
  for (const segment of segments) {
    for (const match of segment.text.matchAll(pattern)) {
      if (match[0] === '') continue;
      if (matches.length === MAX_FIND_MATCHES) return { matches, truncated: true };
      matches.push({
        segmentId: segment.id,
        start: match.index,
        end: match.index + match[0].length,
        text: match[0],
        replacement: options.regex ? expandReplacement(replaceWith, match) : replaceWith,
      });
    }
  }
  return { matches, truncated: false };
}

/**
 * The text with each range replaced. Ranges may come in any order but must not overlap; each is
 * applied against the original offsets, so earlier replacements never shift later ones.
 */
export function applyReplacements(
  text: string,
  matches: readonly { start: number; end: number; replacement: string }[],
): string {
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let offset = 0;
  for (const match of sorted) {
    if (match.start < 0 || match.end < match.start || match.end > text.length) {
      throw new Error(`Replacement range ${match.start}..${match.end} is outside the text (${text.length}).`);
    }
    if (match.start < offset) {
      throw new Error(`Replacement ranges overlap at ${match.start}..${match.end}.`);
    }
    parts.push(text.slice(offset, match.start), match.replacement);
    offset = match.end;
  }
  parts.push(text.slice(offset));
  return parts.join('');
}

const SYNTAX_CHARACTERS = /[\\^$.*+?()[\]{}|/]/g;

/** A literal query as a pattern; escapes only what the 'u' flag allows to be escaped. */
function escapeLiteral(query: string): string {
  return query.replace(SYNTAX_CHARACTERS, '\\$&');
}

function compile(options: FindOptions): RegExp {
  let source = options.regex ? options.query : escapeLiteral(options.query);
  if (options.wholeWord) source = `(?<!${WORD_CHAR})(?:${source})(?!${WORD_CHAR})`;
  // 'u' for \p{…} and code-point matching; 'm' so ^ and $ also meet line breaks inside a segment.
  const flags = `gmu${options.caseSensitive ? '' : 'i'}`;
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new FindQueryError(`The pattern is not a valid regular expression: ${reason(error)}`);
  }
}

// V8 says "Invalid regular expression: /<source>/<flags, sorted>: <reason>".
const ENGINE_PREAMBLE = /^Invalid regular expression: \/[\s\S]*\/[a-z]*: /;

/** The engine's reason without its preamble, which repeats the pattern back in its own syntax. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(ENGINE_PREAMBLE, '');
}

/**
 * The replacement for one match: $1..$9 become groups (empty when a group did not take part), $&
 * the whole match and $$ a dollar sign; any other $ stays as typed, as in String.replace. Expanding
 * from the match itself keeps lookbehind and anchors judged against the whole segment text.
 */
function expandReplacement(template: string, match: RegExpMatchArray): string {
  if (!template.includes('$')) return template;
  const groupCount = match.length - 1;
  return template.replace(/\$([$&1-9])/g, (token, symbol: string) => {
    if (symbol === '$') return '$';
    if (symbol === '&') return match[0];
    const group = Number(symbol);
    return group <= groupCount ? (match[group] ?? '') : token;
  });
}
