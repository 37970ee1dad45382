import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { phraseKey } from '../../../shared/engine/tokenize';

// The real command, as a user runs it: a separate process, real files.
const repo = resolve(__dirname, '../../..');
const seedTranscript = join(repo, 'seeds', 'nk-news-2024-10-22-troops-ukraine.txt');
const seedGlossary = join(repo, 'seeds', 'nk-news-glossary.csv');

function glossa(args: string[]) {
  const result = spawnSync(process.execPath, [join(repo, 'bin', 'glossa.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, GLOSSA_USER_DATA: tempDir() },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'glossa-names-'));
}

interface NameCandidate {
  name: string;
  count: number;
  firstOffset: number;
  spellings: string[];
}

/** Every term, form and variant of the seed glossary, and every word of them, as phrase keys. */
function seedGlossaryKeys(): Set<string> {
  const keys = new Set<string>();
  for (const line of readFileSync(seedGlossary, 'utf8').split('\n').slice(1)) {
    const [term = '', , variants = '', forms = ''] = line.split(',');
    for (const text of [term, ...variants.split('|'), ...forms.split('|')].filter(Boolean)) {
      keys.add(phraseKey(text));
      for (const word of phraseKey(text).split(' ')) keys.add(word);
    }
  }
  return keys;
}

describe('glossa names', () => {
  let json: ReturnType<typeof glossa>;
  let names: NameCandidate[];
  beforeAll(() => {
    json = glossa(['names', seedTranscript, '--glossary', seedGlossary, '--format', 'json']);
    names = (JSON.parse(json.stdout) as { names: NameCandidate[] }).names;
  });

  it('prints one JSON object with the names, their counts and spellings', () => {
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    expect(names.length).toBeGreaterThan(10);
    for (const candidate of names) {
      expect(candidate.count).toBeGreaterThan(0);
      expect(candidate.firstOffset).toBeGreaterThanOrEqual(0);
      expect(candidate.spellings).toContain(candidate.name);
    }
    const counts = names.map((candidate) => candidate.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('reports no glossary term, form, variant or word of one', () => {
    const glossary = seedGlossaryKeys();
    for (const { name } of names) expect(glossary.has(phraseKey(name)), name).toBe(false);
    expect(names.map((c) => c.name)).not.toContain('Anton Sokolin');
  });

  it('reports the misheard host name, which is a name not in the glossary', () => {
    expect(names.find((c) => c.name === 'Jacos Wetzlud')).toMatchObject({ count: 1 });
  });

  it('reports no ordinary English word, pronoun, month or weekday', () => {
    const ordinary = [
      'And',
      'So',
      'Well',
      'Yes',
      'Yeah',
      'Hello',
      'Hi',
      'The',
      'I',
      "I'm",
      'Okay',
      'Tuesday',
    ];
    const reported = names.map((c) => c.name);
    for (const word of ordinary) expect(reported).not.toContain(word);
    for (const name of reported) expect(name).toMatch(/^[\p{Lu}\d]/u);
  });

  it('prints a line per name and a total in text format', () => {
    const { code, stdout } = glossa(['names', seedTranscript, '--glossary', seedGlossary]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe(`${names.length} names not in the glossary`);
    expect(lines.slice(0, -1).map((line) => line.trim().split(/ {2}/).slice(0, 2))).toEqual(
      names.map((c) => [String(c.count), c.name]),
    );
  });

  it('lists other spellings of a name on its line', () => {
    const dir = tempDir();
    const transcript = join(dir, 'episode.txt');
    writeFileSync(transcript, 'We met Ri Yong-ho in March. Later Ri Yong Ho spoke to Halvard Aalto.\n');
    const { code, stdout } = glossa(['names', transcript, '--glossary', seedGlossary]);
    expect(code).toBe(0);
    expect(stdout).toBe('2  Ri Yong-ho  (also: Ri Yong Ho)\n1  Halvard Aalto\n2 names not in the glossary\n');
  });

  it('exits 2 for usage mistakes and 1 for a missing file or glossary', () => {
    expect(glossa(['names']).code).toBe(2);
    expect(glossa(['names', seedTranscript, '--glossary', seedGlossary, '--format', 'xml']).code).toBe(2);
    expect(glossa(['names', seedTranscript, '--glossary', '/nonexistent/glossary.csv']).code).toBe(2);
    const missing = glossa(['names', '/nonexistent/episode.srt', '--glossary', seedGlossary]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('/nonexistent/episode.srt');
  });

  it("uses the app's glossary without --glossary", () => {
    const { code, stdout } = glossa(['names', seedTranscript]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ *\d+ {2}Anton Sokolin$/m);
  });
});
