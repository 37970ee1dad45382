import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentPlainText } from '../../../shared/document/plain-text';
import { importTranscript } from '../../../shared/formats/index';

// The real command, as a user runs it: a separate process, real files, real SQLite.
const repo = resolve(__dirname, '../../..');
const seedTranscript = join(repo, 'seeds', 'nk-news-2024-10-22-troops-ukraine.txt');
const seedGlossary = join(repo, 'seeds', 'nk-news-glossary.csv');

function glossa(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(repo, 'bin', 'glossa.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, GLOSSA_USER_DATA: tempDir(), ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'glossa-cli-'));
}

describe('glossa check', () => {
  it('prints exactly one JSON object, with the two Donbass → Donbas variant suggestions for the seed', () => {
    const { code, stdout, stderr } = glossa([
      'check',
      seedTranscript,
      '--glossary',
      seedGlossary,
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as {
      document: { title: string; words: number };
      suggestions: Array<{
        start: number;
        end: number;
        text: string;
        replacement: string;
        reason: string;
        termId: string;
      }>;
    };
    // The known variants; the engine's other tiers (sound, acronyms, …) add more.
    const variants = output.suggestions.filter((s) => s.reason === 'variant');
    expect(variants.map((s) => [s.text, s.replacement, s.reason])).toEqual([
      ['Donbass', 'Donbas', 'variant'],
      ['Donbass', 'Donbas', 'variant'],
    ]);
    const text = documentPlainText(
      importTranscript({
        bytes: readFileSync(seedTranscript),
        fileName: 'nk-news-2024-10-22-troops-ukraine.txt',
      }),
    );
    for (const s of output.suggestions) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.termId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(output.document.words).toBeGreaterThan(3000);
    expect(output.document.title).toBeTruthy();
  });

  it('prints a readable line per suggestion in text format', () => {
    const { code, stdout } = glossa(['check', seedTranscript, '--glossary', seedGlossary]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.shift()).toBe(`${seedTranscript}:`);
    const count = lines.pop();
    expect(count).toBe(`${lines.length} suggestions`);
    for (const line of lines)
      expect(line).toMatch(/^segment \d+ {2}".+" → ".+" {2}[01]\.\d\d {2}[a-z ]+( {2}\(or .+\))?$/);
    expect(lines.filter((line) => line.includes('known variant'))).toEqual([
      expect.stringMatching(/^segment \d+ {2}"Donbass" → "Donbas" {2}0\.\d\d {2}known variant$/),
      expect.stringMatching(/^segment \d+ {2}"Donbass" → "Donbas" {2}0\.\d\d {2}known variant$/),
    ]);
  });

  it('says which file and line is broken, in one line, with exit code 1', () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.srt');
    writeFileSync(
      broken,
      '1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:03,00 --> 00:00:04,000\nWorld\n',
    );
    const { code, stdout, stderr } = glossa(['check', broken, '--glossary', seedGlossary]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/broken\.srt:6: /);
  });

  it('exits 1 with one line for a missing transcript, and 2 for usage mistakes', () => {
    const missing = glossa(['check', '/nonexistent/episode.srt', '--glossary', seedGlossary]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('/nonexistent/episode.srt');

    expect(glossa(['check']).code).toBe(2);
    expect(glossa(['frobnicate']).code).toBe(2);
    expect(glossa(['check', seedTranscript, '--format', 'xml', '--glossary', seedGlossary]).code).toBe(2);
    expect(glossa(['check', seedTranscript, '--bogus']).code).toBe(2);
    expect(glossa(['--help']).code).toBe(0);
  });
});

describe('glossa glossary', () => {
  it('imports, lists, searches, adds, removes and exports through one database', () => {
    const db = join(tempDir(), 'team.db');
    const imported = glossa(['glossary', 'import', seedGlossary, '--db', db]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/34 created, 0 updated, 0 unchanged/);
    expect(glossa(['glossary', 'import', seedGlossary, '--db', db]).stdout).toMatch(
      /0 created, 0 updated, 34 unchanged/,
    );

    const search = glossa(['glossary', 'search', 'zwets', '--db', db]);
    expect(search.stdout.split('\n')[0]).toMatch(/^Jacco Zwetsloot\tperson/);

    expect(
      glossa([
        'glossary',
        'add',
        'Kim Yong Nam',
        '--category',
        'person',
        '--forms',
        'Kim Yong-nam',
        '--db',
        db,
      ]).code,
    ).toBe(0);
    expect(glossa(['glossary', 'add', 'Kim Yong Nam', '--db', db]).code).toBe(1);
    expect(glossa(['glossary', 'add', 'X', '--category', 'animal', '--db', db]).code).toBe(2);
    expect(glossa(['glossary', 'list', '--category', 'person', '--db', db]).stdout).toMatch(
      /^Kim Yong Nam\tperson\tforms: Kim Yong-nam$/m,
    );
    expect(glossa(['glossary', 'remove', 'Kim Yong Nam', '--db', db]).stdout).toBe('removed Kim Yong Nam\n');
    expect(glossa(['glossary', 'remove', 'Kim Yong Nam', '--db', db]).code).toBe(1);

    const out = join(tempDir(), 'export.csv');
    expect(glossa(['glossary', 'export', '-o', out, '--db', db]).code).toBe(0);
    const exported = readFileSync(out, 'utf8');
    expect(exported.split('\n')[0]).toBe('term,category,variants,forms,notes,source');
    expect(exported).toContain('Donbas,place,Donbass,,House style: Donbas,');
  });

  it('checks against a glossary database the same way as against its CSV', () => {
    const db = join(tempDir(), 'g.db');
    glossa(['glossary', 'import', seedGlossary, '--db', db]);
    const fromDb = JSON.parse(glossa(['check', seedTranscript, '--glossary', db, '--format', 'json']).stdout);
    const fromCsv = JSON.parse(
      glossa(['check', seedTranscript, '--glossary', seedGlossary, '--format', 'json']).stdout,
    );
    const strip = (s: { suggestions: Array<Record<string, unknown>> }) =>
      s.suggestions.map(({ termId: _, ...rest }) => rest);
    expect(strip(fromDb)).toEqual(strip(fromCsv));
  });
});

describe('glossa convert', () => {
  it('writes the lossless JSON that imports back to the same document', () => {
    const out = join(tempDir(), 'seed.json');
    expect(glossa(['convert', seedTranscript, '--to', 'json', '-o', out]).code).toBe(0);
    const original = importTranscript({ bytes: readFileSync(seedTranscript), fileName: 'seed.txt' });
    const back = importTranscript({ bytes: readFileSync(out), fileName: 'seed.json' });
    expect(back.segments).toEqual(original.segments);
    expect({ ...back.metadata, sourceFile: undefined, sourceFormat: undefined }).toEqual({
      ...original.metadata,
      sourceFile: undefined,
      sourceFormat: undefined,
    });
  });

  it('writes readable text', () => {
    const { code, stdout } = glossa(['convert', seedTranscript, '--to', 'txt']);
    expect(code).toBe(0);
    expect(stdout).toContain('Welcome to a new realm of insights into the Korean Peninsula.');
  });
});
