import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GlossaryImportError } from '../../../../electron/services/glossary/glossary-store';
import type { GlossaryEntry } from '../../../../shared/glossary/types';
import { content, fixtureReader, importError, useGlossaryFolder } from './glossary-file-tests';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/glossary/', import.meta.url));
const SEED = fileURLToPath(new URL('../../../../seeds/nk-news-glossary.csv', import.meta.url));
const SEED_TEXT = fs.readFileSync(SEED, 'utf8');

const fixture = fixtureReader(FIXTURES);
const { openStore, writeFile } = useGlossaryFolder('glossa-glossary-import-');

describe('importing the seed glossary', () => {
  it('creates its 34 entries', () => {
    const store = openStore();
    expect(store.importCsv(SEED_TEXT, 'nk-news-glossary.csv')).toEqual({
      created: 34,
      updated: 0,
      unchanged: 0,
    });
    expect(store.count()).toBe(34);
    expect(store.findByTerm('Donbas')).toMatchObject({
      category: 'place',
      variants: [{ text: 'Donbass', acceptedCount: 0 }],
      notes: 'House style: Donbas',
    });
    expect(store.findByTerm('Yoon Suk Yeol')).toMatchObject({ category: 'person', forms: ['Yoon'] });
    expect(store.findByTerm('NK News')?.source).toBe('https://www.nknews.org');
    expect(store.findByTerm('NATO')).toMatchObject({ category: 'organization', notes: '', forms: [] });
  });

  it('changes nothing when imported twice', () => {
    const store = openStore();
    store.importCsv(SEED_TEXT, 'nk-news-glossary.csv');
    const before = store.exportJson();
    expect(store.importCsv(SEED_TEXT, 'nk-news-glossary.csv')).toEqual({
      created: 0,
      updated: 0,
      unchanged: 34,
    });
    expect(store.count()).toBe(34);
    expect(store.exportJson()).toBe(before); // not even the timestamps moved
  });
});

describe('merging an import into the glossary', () => {
  it('unions lists, replaces non-empty values and counts precisely', () => {
    const store = openStore();
    store.importCsv(SEED_TEXT, 'nk-news-glossary.csv');
    const update = writeFile(
      'update.csv',
      [
        'term,category,variants,forms,notes,source',
        'donbas,,Dombas|Donbass,,,https://example.org/style', // lowercase: same term
        'Yoon Suk Yeol,person,,President Yoon|Yoon,,', // adds a form
        'Seoul,place,,,,', // same as stored
        'Busan,place,Pusan,,Port city,', // new
        '',
      ].join('\n'),
    );
    expect(store.importCsv(update, 'update.csv')).toEqual({ created: 1, updated: 2, unchanged: 1 });
    expect(store.count()).toBe(35);
    expect(content(store.findByTerm('Donbas')!)).toEqual({
      term: 'donbas', // the file's spelling of the same term wins
      category: 'place', // empty in the file: kept
      forms: [],
      variants: [
        { text: 'Donbass', acceptedCount: 0 },
        { text: 'Dombas', acceptedCount: 0 },
      ],
      notes: 'House style: Donbas', // empty in the file: kept
      source: 'https://example.org/style',
    });
    expect(store.findByTerm('Yoon Suk Yeol')?.forms).toEqual(['Yoon', 'President Yoon']);
    expect(store.findByTerm('Busan')?.variants).toEqual([{ text: 'Pusan', acceptedCount: 0 }]);
  });

  it('keeps accepted counts when a CSV file lists the same variant', () => {
    const store = openStore();
    store.importCsv(SEED_TEXT, 'nk-news-glossary.csv');
    const donbas = store.findByTerm('Donbas')!;
    store.recordAcceptedVariant(donbas.id, 'Donbass');
    expect(store.importCsv(SEED_TEXT, 'nk-news-glossary.csv').unchanged).toBe(34);
    expect(store.get(donbas.id)?.variants).toEqual([{ text: 'Donbass', acceptedCount: 1 }]);
  });

  it('merges a term that appears twice in one file, and counts it once', () => {
    const store = openStore();
    expect(store.importCsv(fixture('duplicate-term-in-file.csv'), 'duplicate-term-in-file.csv')).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(content(store.findByTerm('Donbas')!)).toEqual({
      term: 'Donbas',
      category: 'place',
      forms: ['Donbas region'],
      variants: [
        { text: 'Donbass', acceptedCount: 0 },
        { text: 'Dombas', acceptedCount: 0 },
      ],
      notes: 'House style: Donbas',
      source: 'https://example.org/style',
    });
  });

  it('reads a BOM, CRLF line ends, columns in any order and a category in any case', () => {
    const store = openStore();
    expect(store.importCsv(fixture('bom-crlf-reordered.csv'), 'bom-crlf-reordered.csv')).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    expect(content(store.findByTerm('Yoon Suk Yeol')!)).toEqual({
      term: 'Yoon Suk Yeol',
      category: 'person',
      forms: ['Yoon', 'President Yoon'],
      variants: [],
      notes: 'Two lines\nof notes',
      source: '',
    });
    expect(store.findByTerm('Seoul')).toMatchObject({ category: 'other', notes: 'Capital of South Korea' });
  });

  it('accepts a file with only a header', () => {
    const store = openStore();
    expect(store.importCsv('term,category,variants,forms,notes,source\n', 'empty.csv')).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
    });
  });
});

describe('round trips', () => {
  it('CSV: import → export → import into a fresh glossary → export gives the same file', () => {
    const first = openStore('first.sqlite');
    first.importCsv(SEED_TEXT, 'nk-news-glossary.csv');
    first.importCsv(fixture('tricky-values.csv'), 'tricky-values.csv');
    const exported = first.exportCsv();
    expect(exported.split('\n')[0]).toBe('term,category,variants,forms,notes,source');

    const second = openStore('second.sqlite');
    expect(second.importCsv(writeFile('exported.csv', exported), 'exported.csv').created).toBe(40);
    expect(second.exportCsv()).toBe(exported);
    expect(second.list().map(content)).toEqual(first.list().map(content));
  });

  it('CSV: exports sorted by term with |-joined lists and quoted values where needed', () => {
    const store = openStore();
    store.importCsv(fixture('tricky-values.csv'), 'tricky-values.csv');
    expect(store.exportCsv()).toBe(
      [
        'term,category,variants,forms,notes,source',
        'KN-25,term,NK 25|K N 25,,North Korean missile,',
        'Padded Term,other,,,padded notes,',
        '"Smith, John",person,"Jon Smith|Smyth, John",Smith,"Notes with ""quotes"", commas',
        'and a second line",https://example.org/a?b=1&c=2',
        'Zürich,place,Zurich|Zuerich,,Diacritics matter,',
        'Łódź,place,Lodz,,,',
        '김정은,person,Kim Jong-eun,Kim Jong Un,Hangul term,',
        '',
      ].join('\n'),
    );
  });

  it('JSON: keeps accepted counts and gives identical entries', () => {
    const first = openStore('first.sqlite');
    first.importCsv(SEED_TEXT, 'nk-news-glossary.csv');
    first.importCsv(fixture('tricky-values.csv'), 'tricky-values.csv');
    const donbas = first.findByTerm('Donbas')!;
    first.recordAcceptedVariant(donbas.id, 'Donbass');
    first.recordAcceptedVariant(donbas.id, 'Donbass');
    const exported = first.exportJson();
    const parsed = JSON.parse(exported) as { format: string; version: number; entries: GlossaryEntry[] };
    expect(parsed.format).toBe('glossa-glossary');
    expect(parsed.version).toBe(1);
    expect(parsed.entries).toHaveLength(40);

    const second = openStore('second.sqlite');
    expect(second.importJson(writeFile('exported.json', exported), 'exported.json').created).toBe(40);
    expect(second.list().map(content)).toEqual(first.list().map(content));
    expect(second.findByTerm('Donbas')?.variants).toEqual([{ text: 'Donbass', acceptedCount: 2 }]);
    const again = JSON.parse(second.exportJson()) as typeof parsed;
    expect(again.entries.map(content)).toEqual(parsed.entries.map(content));
    // Importing the export into the glossary it came from changes nothing.
    expect(first.importJson(exported, 'exported.json')).toEqual({ created: 0, updated: 0, unchanged: 40 });
  });

  it('JSON: accepts variants as plain strings and the minimal entry shape', () => {
    const store = openStore();
    const text = JSON.stringify({
      format: 'glossa-glossary',
      version: 1,
      entries: [
        { term: 'Donbas', variants: ['Donbass', { text: 'Dombas', acceptedCount: 4 }] },
        { term: 'Seoul' },
      ],
    });
    expect(store.importJson(text, 'small.json')).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(store.findByTerm('Donbas')).toMatchObject({
      category: 'other',
      variants: [
        { text: 'Donbass', acceptedCount: 0 },
        { text: 'Dombas', acceptedCount: 4 },
      ],
    });
  });
});

describe('refusing bad CSV files', () => {
  const cases: [fileName: string, line: number | undefined, message: RegExp][] = [
    [
      'bad-category-after-multiline-notes.csv',
      7,
      /Unknown category "persn"; use one of: person, organization, place, publication, term, other/,
    ],
    ['unterminated-quote.csv', 5, /Unterminated quote/],
    ['stray-quote.csv', 3, /" inside an unquoted field/],
    ['wrong-column-count.csv', 5, /Wrong column count: this row has 7 fields but the header has 6/],
    ['missing-term.csv', 4, /Missing term/],
    ['duplicate-header.csv', 1, /Duplicate header: the column "category" appears twice/],
    ['unknown-columns.csv', 1, /Unknown columns "kind", "comment"; the columns are term, category/],
    ['no-term-column.csv', 1, /Missing "term" column/],
    ['variant-equals-term.csv', 3, /"Kursk" cannot be a variant .* it is the term/],
  ];

  it.each(cases)('%s: line %s', (fileName, line, message) => {
    const error = importError(() => openStore().importCsv(fixture(fileName), fileName));
    expect(error.file).toBe(fileName);
    expect(error.line).toBe(line);
    expect(error.problem).toMatch(message);
    expect(error.message).toBe(
      `${fileName}, line ${line}${error.field ? `, column ${error.field}` : ''}: ${error.problem}`,
    );
  });

  it('names the column of a bad value', () => {
    const error = importError(() =>
      openStore().importCsv(fixture('bad-category-after-multiline-notes.csv'), 'bad.csv'),
    );
    expect(error.field).toBe('category');
    expect(error.message).toMatch(/^bad\.csv, line 7, column category: Unknown category/);
  });

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n\n  \n'],
    ['a file with only a BOM', '\uFEFF'],
  ])('refuses %s', (_label, text) => {
    const error = importError(() => openStore().importCsv(text, 'empty.csv'));
    expect(error.problem).toMatch(/The file is empty/);
  });

  it('refuses a term that is too long, with its line', () => {
    const text = `term,notes\nSeoul,\n${'x'.repeat(300)},too long\n`;
    const error = importError(() => openStore().importCsv(text, 'long.csv'));
    expect(error.line).toBe(3);
    expect(error.problem).toMatch(/300 characters long; the limit is 200/);
  });
});

describe('all or nothing', () => {
  it('leaves the glossary exactly as it was when row 57 is bad', () => {
    const store = openStore();
    store.importCsv(SEED_TEXT, 'nk-news-glossary.csv');
    const before = store.exportJson();
    const lines = ['term,category,variants,forms,notes,source', 'Donbas,place,Dombas,,New notes,'];
    for (let index = 3; index < 57; index++) lines.push(`New Term ${index},place,,,,`);
    lines.push('Broken,planet,,,,');
    lines.push('After The Error,place,,,,');
    const text = writeFile('bad-row-57.csv', lines.join('\n'));

    const error = importError(() => store.importCsv(text, 'bad-row-57.csv'));
    expect(error.line).toBe(57);
    expect(store.exportJson()).toBe(before);
    expect(store.count()).toBe(34);
    expect(store.search('new term')).toEqual([]);
  });

  it('leaves the glossary unchanged after a bad JSON entry', () => {
    const store = openStore();
    store.importCsv(SEED_TEXT, 'nk-news-glossary.csv');
    const before = store.exportJson();
    const text = JSON.stringify({
      format: 'glossa-glossary',
      version: 1,
      entries: [{ term: 'Busan' }, { term: 'Donbas', notes: 'changed' }, { term: 'Bad', category: 'planet' }],
    });
    expect(() => store.importJson(text, 'bad.json')).toThrow(GlossaryImportError);
    expect(store.exportJson()).toBe(before);
  });
});

describe('refusing bad JSON files', () => {
  const envelope = (entries: unknown[]) => JSON.stringify({ format: 'glossa-glossary', version: 1, entries });
  const cases: [label: string, text: string, entryIndex: number | undefined, message: RegExp][] = [
    ['not JSON', '{"format": "glossa-glossary", ', undefined, /Not valid JSON/],
    ['an empty file', '  \n', undefined, /The file is empty/],
    ['another format', JSON.stringify({ entries: [] }), undefined, /Not a Glossa glossary file/],
    [
      'a newer version',
      JSON.stringify({ format: 'glossa-glossary', version: 2, entries: [] }),
      undefined,
      /version 2, made by a newer Glossa/,
    ],
    [
      'entries that are not a list',
      JSON.stringify({ format: 'glossa-glossary', version: 1, entries: {} }),
      undefined,
      /"entries" must be a list/,
    ],
    [
      'a missing term',
      envelope([{ term: 'Seoul' }, { category: 'place' }]),
      1,
      /^glossary\.json, entries\[1\]\.term: Missing term/,
    ],
    [
      'an unknown category',
      envelope([{ term: 'Seoul', category: 'city' }]),
      0,
      /entries\[0\]\.category: Unknown category "city"/,
    ],
    [
      'a negative accepted count',
      envelope([
        { term: 'Seoul' },
        { term: 'Seoul' },
        { term: 'Donbas', variants: [{ text: 'Donbass', acceptedCount: -1 }] },
      ]),
      2,
      /entries\[2\]\.variants\[0\]/,
    ],
    [
      'an unknown property',
      envelope([{ term: 'Seoul', varaints: ['Soul'] }]),
      0,
      /Unrecognized key.*varaints/,
    ],
    [
      'a "|" in a form',
      envelope([{ term: 'Seoul', forms: ['Seoul|Soul'] }]),
      0,
      /entries\[0\]\.forms: .*contains "\|"/,
    ],
  ];

  it.each(cases)('refuses %s', (_label, text, entryIndex, message) => {
    const error = importError(() => openStore().importJson(text, 'glossary.json'));
    expect(error.file).toBe('glossary.json');
    expect(error.entryIndex).toBe(entryIndex);
    expect(error.message).toMatch(message);
  });
});

describe('a large generated file', () => {
  it('imports 10,000 rows correctly, and again without duplicates', () => {
    const lines = ['term,category,variants,forms,notes,source'];
    for (let index = 0; index < 10_000; index++) {
      const notes = index % 100 === 0 ? `"Row ${index}\nwith a second line"` : `Row ${index}`;
      lines.push(
        `Person ${index} Zwetsloot,person,Persson ${index}|Person ${index} Zwetslot,P${index},${notes},`,
      );
    }
    const text = writeFile('generated.csv', `${lines.join('\n')}\n`);
    const store = openStore();
    expect(store.importCsv(text, 'generated.csv')).toEqual({ created: 10_000, updated: 0, unchanged: 0 });
    expect(store.count()).toBe(10_000);
    expect(content(store.findByTerm('Person 4200 Zwetsloot')!)).toEqual({
      term: 'Person 4200 Zwetsloot',
      category: 'person',
      forms: ['P4200'],
      variants: [
        { text: 'Persson 4200', acceptedCount: 0 },
        { text: 'Person 4200 Zwetslot', acceptedCount: 0 },
      ],
      notes: 'Row 4200\nwith a second line',
      source: '',
    });
    expect(terms(store.search('persson 9999'))).toEqual(['Person 9999 Zwetsloot']);
    expect(store.importCsv(text, 'generated.csv')).toEqual({ created: 0, updated: 0, unchanged: 10_000 });
    expect(store.count()).toBe(10_000);

    // A bad row at the very end still names its physical line (the multi-line notes shift it).
    const broken = writeFile('generated-broken.csv', `${lines.join('\n')}\n,place,,,,\n`);
    const error = importError(() => store.importCsv(broken, 'generated-broken.csv'));
    expect(error.line).toBe(10_000 + 100 + 2);
  });
});

function terms(entries: GlossaryEntry[]): string[] {
  return entries.map((entry) => entry.term);
}
