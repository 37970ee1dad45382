/**
 * `glossa accept` and `glossa reject`, end to end: separate processes, real files, real SQLite,
 * and `glossa check` seeing what was learned.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../../..');
// Each step is a separate process; give a test of many steps room on a busy machine.
const SLOW = { timeout: 120_000 };
const seedTranscript = join(repo, 'seeds', 'nk-news-2024-10-22-troops-ukraine.txt');
const seedGlossary = join(repo, 'seeds', 'nk-news-glossary.csv');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'glossa-learning-'));
}

function glossa(args: string[]) {
  const result = spawnSync(process.execPath, [join(repo, 'bin', 'glossa.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, GLOSSA_USER_DATA: tempDir() },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface CheckedSuggestion {
  text: string;
  replacement: string;
  reason: string;
}

function check(transcript: string, db: string): CheckedSuggestion[] {
  const { code, stdout, stderr } = glossa(['check', transcript, '--glossary', db, '--format', 'json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return (JSON.parse(stdout) as { suggestions: CheckedSuggestion[] }).suggestions;
}

/** [heard, replacement, reason] of the suggestions for one heard text. */
function suggestionsFor(heard: string, suggestions: CheckedSuggestion[]) {
  return suggestions.filter((s) => s.text === heard).map((s) => [s.text, s.replacement, s.reason]);
}

describe('glossa accept', SLOW, () => {
  it('teaches the glossary a new variant that the next check suggests, and --undo forgets it', () => {
    const dir = tempDir();
    const glossary = join(dir, 'glossary.csv');
    writeFileSync(glossary, 'term,category,variants,forms,notes,source\nDonbas,place,,,House style,\n');
    const db = join(dir, 'team.db');
    expect(glossa(['glossary', 'import', glossary, '--db', db]).code).toBe(0);
    const transcript = join(dir, 'episode.txt');
    writeFileSync(transcript, 'We went to the Donbasss region last week.\n');

    // The exact-match tier does not know this spelling (other tiers may still guess at it).
    expect(suggestionsFor('Donbasss', check(transcript, db))).not.toContainEqual([
      'Donbasss',
      'Donbas',
      'variant',
    ]);

    const accepted = glossa(['accept', 'Donbasss', '--term', 'donbas', '--db', db]);
    expect(accepted).toEqual({
      code: 0,
      stdout: 'accepted "Donbasss" as Donbas (variant, accepted 1 time)\n',
      stderr: '',
    });
    expect(suggestionsFor('Donbasss', check(transcript, db))).toEqual([['Donbasss', 'Donbas', 'variant']]);

    const undone = glossa(['accept', 'Donbasss', '--term', 'Donbas', '--db', db, '--undo']);
    expect(undone).toEqual({
      code: 0,
      stdout: 'undid accepting "Donbasss" as Donbas (no longer a variant)\n',
      stderr: '',
    });
    expect(suggestionsFor('Donbasss', check(transcript, db))).not.toContainEqual([
      'Donbasss',
      'Donbas',
      'variant',
    ]);
    expect(glossa(['glossary', 'list', '--db', db]).stdout).toBe('Donbas\tplace\n1 entry\n');

    // Nothing left to undo is an error a person can act on.
    const again = glossa(['accept', 'Donbasss', '--term', 'Donbas', '--db', db, '--undo']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('glossa: nothing to undo: no acceptance of "Donbasss" as Donbas is recorded\n');
  });

  it('takes a multi-word heard text and the entry id', () => {
    const db = join(tempDir(), 'team.db');
    glossa(['glossary', 'import', seedGlossary, '--db', db]);
    const added = glossa(['glossary', 'add', 'Kim Yong Nam', '--category', 'person', '--db', db]);
    const entryId = added.stdout.trim().split(' ').at(-1)!;
    expect(entryId).toMatch(/^[0-9a-f-]{36}$/);
    expect(glossa(['accept', 'Kim', 'Young', 'Nam', '--term', entryId, '--db', db]).stdout).toBe(
      'accepted "Kim Young Nam" as Kim Yong Nam (variant, accepted 1 time)\n',
    );
    expect(glossa(['accept', 'Jacos Wetzlud', '--term', 'JACCO ZWETSLOOT', '--db', db]).stdout).toBe(
      'accepted "Jacos Wetzlud" as Jacco Zwetsloot (variant, accepted 1 time)\n',
    );
  });
});

describe('glossa reject', SLOW, () => {
  it('stops a known variant from being suggested, and --undo brings it back', () => {
    const db = join(tempDir(), 'team.db');
    expect(glossa(['glossary', 'import', seedGlossary, '--db', db]).code).toBe(0);
    expect(suggestionsFor('Donbass', check(seedTranscript, db))).toEqual([
      ['Donbass', 'Donbas', 'variant'],
      ['Donbass', 'Donbas', 'variant'],
    ]);

    expect(glossa(['reject', 'Donbass', '--term', 'Donbas', '--db', db])).toEqual({
      code: 0,
      stdout: 'rejected "Donbass" as Donbas (not suggested again; removed from its variants: Donbass)\n',
      stderr: '',
    });
    expect(suggestionsFor('Donbass', check(seedTranscript, db))).toEqual([]);
    expect(glossa(['glossary', 'search', 'Donbas', '--db', db]).stdout).toMatch(/^Donbas\tplace\n/);
    expect(glossa(['reject', 'donbass', '--term', 'Donbas', '--db', db]).stdout).toBe(
      '"Donbass" was already rejected as Donbas\n',
    );

    expect(glossa(['reject', 'Donbass', '--term', 'Donbas', '--db', db, '--undo'])).toEqual({
      code: 0,
      stdout: 'undid rejecting "Donbass" as Donbas (may be suggested again; variants restored: Donbass)\n',
      stderr: '',
    });
    expect(suggestionsFor('Donbass', check(seedTranscript, db))).toEqual([
      ['Donbass', 'Donbas', 'variant'],
      ['Donbass', 'Donbas', 'variant'],
    ]);
    expect(glossa(['glossary', 'search', 'Donbas', '--db', db]).stdout).toMatch(
      /^Donbas\tplace\tvariants: Donbass\n/,
    );
  });
});

describe('glossa accept and reject: mistakes', SLOW, () => {
  it('exits 1 with one line for an unknown term, a missing database or a refused text', () => {
    const dir = tempDir();
    const db = join(dir, 'team.db');
    glossa(['glossary', 'import', seedGlossary, '--db', db]);

    const unknown = glossa(['accept', 'Donbasss', '--term', 'Donetsk', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe(`glossa: Donetsk: not in the glossary (${db})\n`);

    const missing = join(dir, 'missing.db');
    const noDb = glossa(['reject', 'Donbass', '--term', 'Donbas', '--db', missing]);
    expect(noDb.code).toBe(1);
    expect(noDb.stderr).toBe(`glossa: ${missing}: no such glossary database\n`);

    const itself = glossa(['reject', 'DONBAS', '--term', 'Donbas', '--db', db]);
    expect(itself.code).toBe(1);
    expect(itself.stderr.trim().split('\n')).toHaveLength(1);
    expect(itself.stderr).toMatch(/its term/);

    const noUndo = glossa(['reject', 'Donbass', '--term', 'Donbas', '--db', db, '--undo']);
    expect(noUndo.code).toBe(1);
    expect(noUndo.stderr).toBe('glossa: nothing to undo: "Donbass" is not rejected as Donbas\n');
  });

  it('exits 2 for usage mistakes', () => {
    const db = join(tempDir(), 'team.db');
    expect(glossa(['accept', '--term', 'Donbas', '--db', db]).code).toBe(2);
    expect(glossa(['accept', 'Donbasss', '--db', db]).code).toBe(2);
    expect(glossa(['reject', 'Donbasss', '--term', '--db', db]).code).toBe(2);
    expect(glossa(['reject', 'Donbasss', '--term', 'Donbas', '--undo=yes', '--db', db]).code).toBe(2);
    expect(glossa(['accept', 'Donbasss', '--term', 'Donbas', '--db', seedGlossary]).code).toBe(2);
    const usage = glossa(['--help']).stdout;
    expect(usage).toContain('glossa accept HEARD --term TERM [--db PATH] [--undo]');
    expect(usage).toContain('glossa reject HEARD --term TERM [--db PATH] [--undo]');
  });
});
