import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  exportGlossaryFile,
  importGlossaryFile,
} from '../../../../electron/services/glossary/glossary-exchange';
import type { GlossaryStore } from '../../../../electron/services/glossary/glossary-store';
import { escapeValeRegex, literalAlternatives } from '../../../../electron/services/glossary/vale-regex';
import { fixtureReader, importError, useGlossaryFolder } from './glossary-file-tests';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/glossary/vale/', import.meta.url));

const fixture = fixtureReader(FIXTURES);
const { openStore, writeFile } = useGlossaryFolder('glossa-vale-');

const termsAndVariants = (store: GlossaryStore) =>
  store.list().map((entry) => [entry.term, entry.variants.map((variant) => variant.text)]);

describe('Vale regular expressions', () => {
  it.each([
    ['C++', 'C\\+\\+'],
    ['Yoon Suk-yeol (ROK)', 'Yoon Suk-yeol \\(ROK\\)'],
    ['#hashtag', '\\#hashtag'],
    ['a.b*c?[d]{e}^$|\\', 'a\\.b\\*c\\?\\[d\\]\\{e\\}\\^\\$\\|\\\\'],
  ])('escapes %s so it matches only itself, and reads it back', (text, escaped) => {
    expect(escapeValeRegex(text)).toBe(escaped);
    // Without the u flag JavaScript, like Vale's regexp2, accepts any escaped punctuation ("\#").
    expect(new RegExp(`^${escapeValeRegex(text)}$`).test(text)).toBe(true);
    expect(literalAlternatives(escaped)).toEqual([text]);
  });

  it.each([
    ['Kim Jong Eun|Kim Jong-eun', ['Kim Jong Eun', 'Kim Jong-eun']],
    ['(?:Pyong Yang|Pyeongyang)', ['Pyong Yang', 'Pyeongyang']],
    ['(?i)[Oo]bservability', ['Observability']],
    ['\\bDonbass\\b', ['Donbass']],
  ])('reads %s as plain spellings', (pattern, spellings) => {
    expect(literalAlternatives(pattern)).toEqual(spellings);
  });

  it.each([
    ['within the (.*)?directory', /"\(" is regular-expression syntax/],
    ['[pP]y.*\\b', /"\." is regular-expression syntax/],
    ['\\d+ names', /"\\d" is regular-expression syntax/],
    ['[a-z]ing', /character class/],
    ['a||b', /empty alternative/],
  ])('refuses %s', (pattern, message) => {
    expect(() => literalAlternatives(pattern)).toThrow(message);
  });
});

describe('Vale substitution rules', () => {
  it('imports swap keys as variants of the value’s term, alternations split', () => {
    const store = openStore();
    const summary = importGlossaryFile(store, fixture('substitution.yml'), 'substitution.yml');
    expect(summary).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(termsAndVariants(store)).toEqual([
      ['C++', ['C++ language']],
      ['Donbas', ['Donbass']],
      ['Kim Jong Un', ['Kim Jong Eun', 'Kim Jong-eun']],
      ['Pyongyang', ['Pyong Yang', 'Pyeongyang']],
      ['Yoon Suk Yeol', ['Yun Seok-yeol']],
    ]);
  });

  it('refuses other regex syntax with the key’s line, and imports nothing', () => {
    const store = openStore();
    const error = importError(() => importGlossaryFile(store, fixture('regex-key.yml'), 'regex-key.yml'));
    expect(error.message).toBe(
      'regex-key.yml, line 6: Cannot read "within the (.*)?directory" as spellings: "(" is regular-expression syntax; escape it as "\\(" if it is part of the spelling',
    );
    expect(store.count()).toBe(0);
  });

  it('refuses what is not a substitution rule, YAML errors, aliases and several suggestions', () => {
    const cases: Array<[string, string, string]> = [
      [
        'existence.yml',
        'extends: existence\ntokens:\n  - foo\n',
        'existence.yml, line 1: Not a Vale substitution rule (this rule extends existence): expected "extends: substitution"',
      ],
      ['broken.yml', 'extends: substitution\nswap:\n  a: [b\n', 'broken.yml, line'],
      [
        'alias.yml',
        'extends: substitution\nswap:\n  a: &x Donbas\n  b: *x\n',
        'alias.yml, line 4: YAML aliases',
      ],
      [
        'several.yml',
        'extends: substitution\nswap:\n  Donbass: Donbas|Donbas region\n',
        'several.yml, line 3: "Donbas|Donbas region" suggests several replacements',
      ],
      ['noswap.yml', 'extends: substitution\nmessage: hi\n', 'noswap.yml: The rule has no "swap" map'],
    ];
    for (const [name, text, message] of cases) {
      const store = openStore(`${name}.sqlite`);
      expect(importError(() => importGlossaryFile(store, writeFile(name, text), name)).message).toContain(
        message,
      );
      expect(store.count()).toBe(0);
    }
  });

  it('is all-or-nothing: a contradicting pair in the middle changes nothing', () => {
    const store = openStore();
    store.add({ term: 'Donbas' });
    const before = store.list();
    const text = writeFile(
      'contradiction.yml',
      'extends: substitution\nswap:\n  Kaesong City: Kaesong\n  donbas: Donbas\n  Pyong Yang: Pyongyang\n',
    );
    const error = importError(() => importGlossaryFile(store, text, 'contradiction.yml'));
    expect(error.line).toBe(4);
    expect(error.problem).toMatch(/cannot be a variant/);
    expect(store.list()).toEqual(before);
  });

  it('exports each variant → its term, escaped, and reads back the same variants', () => {
    const store = openStore();
    store.add({ term: 'C++', variants: ['C plus plus', 'C+ +'] });
    store.add({ term: 'Yoon Suk-yeol (ROK)', forms: ['Yoon'], variants: ['Yun Seok-yeol (ROK)'] });
    store.add({ term: "O'Brien", variants: ['O Brien'] });
    store.add({ term: 'Kaesong' });
    const exported = exportGlossaryFile(store, 'vale');
    expect(exported.fileName).toBe('Glossary.yml');
    expect(exported.warnings).toEqual([]);
    expect(load(exported.text)).toEqual({
      extends: 'substitution',
      message: "Use '%s' instead of '%s'.",
      level: 'error',
      ignorecase: true,
      action: { name: 'replace' },
      swap: {
        'C plus plus': 'C++',
        'C\\+ \\+': 'C++',
        'O Brien': "O'Brien",
        'Yun Seok-yeol \\(ROK\\)': 'Yoon Suk-yeol (ROK)',
      },
    });
    const copy = openStore('copy.sqlite');
    importGlossaryFile(copy, writeFile(exported.fileName, exported.text), exported.fileName);
    // Forms and variant-less terms are not in a substitution rule; the variants all come back.
    expect(termsAndVariants(copy)).toEqual(
      termsAndVariants(store).filter(([, variants]) => variants?.length),
    );
  });

  it('warns when two entries share a variant, and suggests the first', () => {
    const store = openStore();
    store.add({ term: 'Kim Jong Un', variants: ['Kim Jong'] });
    store.add({ term: 'Kim Jong Il', variants: ['kim jong'] });
    const exported = exportGlossaryFile(store, 'vale');
    expect(exported.warnings).toEqual([
      '"Kim Jong" is a variant of both "Kim Jong Il" and "Kim Jong Un"; the rule suggests "Kim Jong Il"',
    ]);
    expect((load(exported.text) as { swap: object }).swap).toEqual({ 'kim jong': 'Kim Jong Il' });
  });
});

describe('Vale vocabularies (accept.txt)', () => {
  it('exports terms and forms, one escaped spelling a line, and reads them back as terms', () => {
    const store = openStore();
    store.add({ term: 'C++', variants: ['C plus plus'] });
    store.add({ term: 'Yoon Suk-yeol (ROK)', forms: ['Yoon'] });
    store.add({ term: '#MeToo' });
    const exported = exportGlossaryFile(store, 'vale-vocab');
    expect(exported.fileName).toBe('accept.txt');
    expect(exported.text).toBe('\\#MeToo\nC\\+\\+\nYoon Suk-yeol \\(ROK\\)\nYoon\n');
    const copy = openStore('copy.sqlite');
    importGlossaryFile(copy, writeFile('accept.txt', exported.text), 'accept.txt');
    expect(copy.list().map((entry) => entry.term)).toEqual(['#MeToo', 'C++', 'Yoon', 'Yoon Suk-yeol (ROK)']);
  });

  it('imports a hand-written accept.txt: comments and blank lines skipped, (?i), case pairs, alternations', () => {
    const store = openStore();
    expect(importGlossaryFile(store, fixture('accept.txt'), 'accept.txt')).toEqual({
      created: 7,
      updated: 0,
      unchanged: 0,
    });
    expect(store.list().map((entry) => entry.term)).toEqual([
      'C++',
      'KCNA',
      'Kim Jong Un',
      'Kim Jong-un',
      'Pyongyang',
      'Yoon Suk Yeol',
      'Yoon Suk-yeol (ROK)',
    ]);
  });

  it('refuses a regex line with its line number, and imports nothing', () => {
    const store = openStore();
    const text = writeFile('accept.txt', 'Donbas\n# comment\n[pP]y.*\\b\nKaesong\n');
    const error = importError(() => importGlossaryFile(store, text, 'accept.txt'));
    expect(error.message).toMatch(/^accept\.txt, line 3: Cannot read "\[pP\]y\.\*\\b" as spellings/);
    expect(store.count()).toBe(0);
  });
});
