import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

// The real command, as a user runs it: a separate process, real files, real SQLite.
const repo = resolve(__dirname, '../../..');
const fixtures = join(repo, 'tests', 'fixtures', 'glossary');
const seedGlossary = join(repo, 'seeds', 'nk-news-glossary.csv');
const seedTranscript = join(repo, 'seeds', 'nk-news-2024-10-22-troops-ukraine.txt');

function glossa(args: string[]) {
  const result = spawnSync(process.execPath, [join(repo, 'bin', 'glossa.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, GLOSSA_USER_DATA: tempDir() },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'glossa-exchange-cli-'));
}

/** A fresh glossary database with the seed glossary in it. */
function seededDb(): string {
  const db = join(tempDir(), 'glossary.db');
  expect(glossa(['glossary', 'import', seedGlossary, '--db', db]).code).toBe(0);
  return db;
}

function list(db: string): string {
  const { code, stdout } = glossa(['glossary', 'list', '--db', db]);
  expect(code).toBe(0);
  return stdout;
}

describe('glossa glossary import (TBX and Vale)', () => {
  it.each([
    [
      'tbx/basic-v2.tbx',
      '3 created',
      'Yoon Suk Yeol\tperson\tforms: Yoon; variants: Yun Seok-yeol, Yoon Suk-yol',
    ],
    ['tbx/dca-v3.tbx', '2 created', 'Korean Central News Agency\torganization\tforms: KCNA'],
    ['vale/substitution.yml', '5 created', 'Kim Jong Un\tother\tvariants: Kim Jong Eun, Kim Jong-eun'],
    ['vale/accept.txt', '7 created', 'Yoon Suk-yeol (ROK)\tother'],
  ])('imports %s', (fixture, created, line) => {
    const db = join(tempDir(), 'glossary.db');
    const { code, stdout, stderr } = glossa(['glossary', 'import', join(fixtures, fixture), '--db', db]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(created);
    expect(list(db)).toContain(line);
  });

  it('reads the TBX language given by --lang', () => {
    const db = join(tempDir(), 'glossary.db');
    const file = join(fixtures, 'tbx', 'dca-v3.tbx');
    expect(glossa(['glossary', 'import', file, '--lang', 'de', '--db', db]).code).toBe(0);
    expect(list(db)).toContain('Koreanische Zentralnachrichtenagentur\torganization');
  });

  it('refuses a bad file in one line naming file and line, and changes nothing', () => {
    const db = seededDb();
    const before = list(db);
    for (const [fixture, message] of [
      ['tbx/malformed.tbx', 'malformed.tbx, line 8: Not well-formed XML'],
      ['tbx/billion-laughs.tbx', 'billion-laughs.tbx, line 3: The DOCTYPE declares entities'],
      ['tbx/bad-entry-in-middle.tbx', 'bad-entry-in-middle.tbx, line 8: "pyongyang" cannot be a variant'],
      ['vale/regex-key.yml', 'regex-key.yml, line 6: Cannot read "within the (.*)?directory" as spellings'],
    ] as const) {
      const { code, stdout, stderr } = glossa(['glossary', 'import', join(fixtures, fixture), '--db', db]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain(`glossa: ${join(fixtures, fixture.split('/')[0] ?? '', message)}`);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(list(db)).toBe(before);
  });

  it('refuses an unknown extension', () => {
    const file = join(tempDir(), 'glossary.docx');
    writeFileSync(file, 'x');
    const { code, stderr } = glossa(['glossary', 'import', file, '--db', join(tempDir(), 'g.db')]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'Unknown glossary file type; use one of .csv, .json, .tbx, .xml, .yml, .yaml, .txt',
    );
  });
});

describe('glossa glossary export --format', () => {
  it.each([
    ['csv', 'glossary.csv'],
    ['json', 'glossary.json'],
    ['tbx', 'glossary.tbx'],
    ['vale', 'Glossary.yml'],
    ['vale-vocab', 'accept.txt'],
  ])('%s: writes -o OUT, which imports back into an empty glossary', (format, name) => {
    const db = seededDb();
    const out = join(tempDir(), name);
    const exported = glossa(['glossary', 'export', '--format', format, '-o', out, '--db', db]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const copy = join(tempDir(), 'copy.db');
    const imported = glossa(['glossary', 'import', out, '--db', copy]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    if (format === 'tbx' || format === 'csv' || format === 'json') {
      // Every field survives; accepted counts (0 in the seed) are not part of the listing.
      expect(list(copy)).toBe(list(db));
    }
    if (format === 'vale') {
      const rule = load(text) as { extends: string; swap: Record<string, string> };
      expect(rule.extends).toBe('substitution');
      expect(rule.swap.Donbass).toBe('Donbas');
    }
    if (format === 'vale-vocab') expect(text.split('\n')).toContain('Donbas');
  });

  it('prints to stdout without -o, and honours --lang for TBX', () => {
    const db = seededDb();
    const { code, stdout } = glossa(['glossary', 'export', '--format', 'tbx', '--lang', 'en-GB', '--db', db]);
    expect(code).toBe(0);
    expect(stdout).toContain('<martif type="TBX-Basic" xml:lang="en-GB">');
    expect(stdout).toContain(
      '<term>Donbass</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts',
    );
  });

  it('refuses an unknown format as a usage error', () => {
    const { code, stderr } = glossa([
      'glossary',
      'export',
      '--format',
      'xliff',
      '--db',
      join(tempDir(), 'g.db'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be one of csv, json, tbx, vale, vale-vocab');
  });
});

describe('glossa check --glossary with an exchange file', () => {
  it('checks against a Vale substitution rule as the glossary', () => {
    const rule = join(tempDir(), 'names.yml');
    writeFileSync(rule, 'extends: substitution\nswap:\n  Donbass: Donbas\n');
    const { code, stdout, stderr } = glossa([
      'check',
      seedTranscript,
      '--glossary',
      rule,
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as {
      suggestions: Array<{ text: string; replacement: string; reason: string }>;
    };
    expect(
      output.suggestions.filter((s) => s.reason === 'variant').map((s) => [s.text, s.replacement]),
    ).toEqual([
      ['Donbass', 'Donbas'],
      ['Donbass', 'Donbas'],
    ]);
  });
});
