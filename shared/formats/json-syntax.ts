/**
 * Finds where a JSON text stops being valid JSON. JSON.parse says *that* it failed, but its
 * messages differ between engines and some carry no position at all ("Unexpected token …"), so
 * when parsing fails this small scanner re-reads the text to point at the exact offset.
 */

export interface JsonSyntaxProblem {
  /** Offset in the text where the problem is (the text's length when it ends too early). */
  offset: number;
  problem: string;
  expected: string;
}

class SyntaxStop {
  constructor(readonly found: JsonSyntaxProblem) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPABLE = '"\\/bfnrt';

/** Returns the first syntax problem in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  try {
    scanDocument(text);
    return undefined;
  } catch (stop) {
    if (stop instanceof SyntaxStop) return stop.found;
    throw stop;
  }
}

function scanDocument(text: string): void {
  // An explicit stack instead of recursion: deeply nested input must not overflow the call stack.
  const open: Array<'array' | 'object'> = [];
  let i = 0;
  for (;;) {
    i = skipSpace(text, i);
    const c = text[i];
    if (c === '{' || c === '[') {
      const next = skipSpace(text, i + 1);
      if (text[next] !== (c === '{' ? '}' : ']')) {
        open.push(c === '{' ? 'object' : 'array');
        i = c === '{' ? readKey(text, next) : next;
        continue; // read the container's first value
      }
      i = next + 1; // an empty {} or []
    } else {
      i = readScalar(text, i);
    }
    i = afterValue(text, i, open);
    if (i === text.length && open.length === 0) return;
  }
}

/**
 * After a value: a comma (then the next key in an object), closing brackets, or at top level the
 * end of the text. Returns where the next value starts, or the text's length when all is read.
 */
function afterValue(text: string, start: number, open: Array<'array' | 'object'>): number {
  for (let i = start; ;) {
    i = skipSpace(text, i);
    const container = open[open.length - 1];
    const c = text[i];
    if (container === undefined) {
      if (c === undefined) return i;
      stop(text, i, 'there is more text after the JSON value', 'the end of the file');
    }
    if (c === ',') {
      const next = skipSpace(text, i + 1);
      return container === 'object' ? readKey(text, next) : next;
    }
    if ((container === 'array' && c === ']') || (container === 'object' && c === '}')) {
      open.pop();
      i++;
      continue;
    }
    stop(text, i, undefined, container === 'array' ? '"," or "]"' : '"," or "}"');
  }
}

function readScalar(text: string, i: number): number {
  if (text[i] === '"') return readString(text, i);
  NUMBER.lastIndex = i;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  const literal = LITERALS.find((word) => text.startsWith(word, i));
  if (literal) return i + literal.length;
  return stop(text, i, undefined, 'a value (object, array, string, number, true, false or null)');
}

function readKey(text: string, i: number): number {
  if (text[i] !== '"') stop(text, i, undefined, 'a property name in double quotes');
  const afterKey = skipSpace(text, readString(text, i));
  if (text[afterKey] !== ':') stop(text, afterKey, undefined, '":" after the property name');
  return afterKey + 1;
}

function readString(text: string, start: number): number {
  for (let i = start + 1; ; i++) {
    const c = text[i];
    if (c === undefined) stop(text, i, 'the file ends inside a string', 'a closing "');
    if (c === '"') return i + 1;
    if (c < ' ') stop(text, i, 'a line break or control character inside a string', 'a closing " or \\n');
    if (c === '\\') {
      const escaped = text[i + 1];
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          stop(text, i, 'a broken \\u escape', 'four hex digits after \\u');
        }
        i += 5;
      } else if (escaped !== undefined && ESCAPABLE.includes(escaped)) {
        i += 1;
      } else {
        stop(text, i, 'an unknown escape in a string', 'one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u');
      }
    }
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  return i;
}

function stop(text: string, offset: number, problem: string | undefined, expected: string): never {
  const c = text[offset];
  const found = c === undefined ? 'the JSON ends too early' : `unexpected ${JSON.stringify(c)}`;
  throw new SyntaxStop({ offset, problem: problem ?? found, expected });
}
