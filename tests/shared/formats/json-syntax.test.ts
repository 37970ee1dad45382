import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../shared/formats/json-syntax';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a": [1, 2.5e3, -0.1, true, false, null, "x\\u00e9\\n"], "b": {}}'],
    ['  []  '],
    ['"just a string"'],
  ])('accepts valid JSON %s', (text) => {
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  it.each<[string, number]>([
    ['{"a": 1,', 8], // truncated after a comma
    ['{"a": 1 "b": 2}', 8], // missing comma
    ['[1, 2', 5], // truncated array
    ['{"a": tru}', 6], // broken literal
    ['{"a": "line\nbreak"}', 11], // raw newline in a string
    ['{"a": 1}}', 8], // trailing text
    ['{a: 1}', 1], // unquoted key
    ['{"a": "\\x"}', 7], // unknown escape
    ['{"segments": [{"text": "cut', 27], // ends inside a string
  ])('finds the offset of the problem in %j', (text, offset) => {
    expect(findJsonSyntaxError(text)?.offset).toBe(offset);
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{"a":1}', '{"a":1,}', '[,]', '01', '-', '1.', '"\\u12"', '{"a" 1}']) {
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(findJsonSyntaxError(text) === undefined, text).toBe(parses);
    }
  });

  it('handles deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(findJsonSyntaxError(deep)).toBeUndefined();
    expect(findJsonSyntaxError(deep.slice(0, -1))?.offset).toBe(deep.length - 1);
  });
});
