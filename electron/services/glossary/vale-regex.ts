/**
 * Vale reads vocabulary lines and swap keys as regular expressions. Writing, a spelling is escaped so
 * it matches only itself; reading, a pattern is accepted only when it stands for plain spellings:
 * literal text, `a|b` alternations (also wrapped as `(?:a|b)`), a leading `(?i)`, `\b` at either end
 * and case pairs such as `[Oo]` (read as the first letter). Anything else cannot be a glossary term.
 */

const METACHARACTERS = /[\\.+*?()|[\]{}^$]/gu;
const SYNTAX = '.+*?()[]{}^$';

/** "C++" → "C\+\+"; a leading "#" is escaped too, since accept.txt reads such a line as a comment. */
export function escapeValeRegex(text: string): string {
  return text.replace(METACHARACTERS, '\\$&').replace(/^#/u, '\\#');
}

export class ValeRegexError extends Error {
  override readonly name = 'ValeRegexError';
}

/** The plain spellings a pattern stands for; throws ValeRegexError saying what it cannot read. */
export function literalAlternatives(pattern: string): string[] {
  let body = pattern.startsWith('(?i)') ? pattern.slice(4) : pattern;
  if (/^\(\?:[^()]*\)$/u.test(body)) body = body.slice(3, -1);
  const alternatives = [''];
  const append = (text: string) => (alternatives[alternatives.length - 1] += text);
  let index = 0;
  while (index < body.length) {
    const char = body[index] ?? '';
    if (char === '\\') {
      const next = body[index + 1];
      if (next === undefined) throw new ValeRegexError('the pattern ends with a lone backslash');
      const atEdge = alternatives.at(-1) === '' || index + 2 === body.length || body[index + 2] === '|';
      if (next === 'b' && atEdge) {
        index += 2;
        continue;
      }
      if (/[\p{L}\p{N}_]/u.test(next)) {
        throw new ValeRegexError(`"\\${next}" is regular-expression syntax, not a spelling`);
      }
      append(next);
      index += 2;
    } else if (char === '|') {
      alternatives.push('');
      index += 1;
    } else if (char === '[') {
      const casePair = /^\[(\p{L})(\p{L})\]/u.exec(body.slice(index));
      const [, first = '', second = ''] = casePair ?? [];
      if (!casePair || first === second || first.toLowerCase() !== second.toLowerCase()) {
        throw new ValeRegexError('a character class ("[…]") other than a case pair such as [Oo]');
      }
      append(first);
      index += casePair[0].length;
    } else if (SYNTAX.includes(char)) {
      throw new ValeRegexError(
        `"${char}" is regular-expression syntax; escape it as "\\${char}" if it is part of the spelling`,
      );
    } else {
      append(char);
      index += 1;
    }
  }
  if (alternatives.some((alternative) => alternative.trim() === '')) {
    throw new ValeRegexError('an empty alternative');
  }
  return alternatives;
}
