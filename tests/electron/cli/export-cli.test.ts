import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { serializeDocumentJson } from '../../../shared/formats/glossa-json';
import { importTranscript, importTranscriptWithFlags } from '../../../shared/formats/index';

// The real command, as a user runs it: a separate process, real files.
const repo = resolve(__dirname, '../../..');
const seedName = 'nk-news-2024-10-22-troops-ukraine.txt';
const seedTranscript = join(repo, 'seeds', seedName);
const seedGlossary = join(repo, 'seeds', 'nk-news-glossary.csv');

function glossa(args: string[]) {
  const result = spawnSync(process.execPath, [join(repo, 'bin', 'glossa.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, GLOSSA_USER_DATA: tempDir() },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'glossa-export-cli-'));
}

/** The seed copied into a fresh folder, so exports beside it land there. */
function seedCopy(): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, seedName);
  copyFileSync(seedTranscript, file);
  return { dir, file };
}

const TIMED_SRT = [
  '1',
  '00:00:01,000 --> 00:00:04,000',
  "I'm your host, Jacos Wetzlud.",
  '',
  '2',
  '00:00:04,500 --> 00:00:09,000',
  'Today we talk about the Donbass.',
  '',
].join('\n');

function oneLine(text: string): void {
  expect(text.trim().split('\n')).toHaveLength(1);
}

describe('glossa export', () => {
  it('writes the seed beside itself as text, Markdown, HTML, Word and JSON', () => {
    const { dir, file } = seedCopy();
    const stem = seedName.replace(/\.txt$/, '');
    for (const format of ['md', 'html', 'docx', 'json'] as const) {
      const { code, stdout, stderr } = glossa(['export', file, '--to', format]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout.split('\n')[0]).toMatch(new RegExp(`^wrote .*${stem}\\.${format} \\(.+\\)$`));
    }
    // Text beside a .txt transcript would be the transcript itself: it goes to a new name.
    const txt = glossa(['export', file, '--to', 'txt']);
    expect(txt.code).toBe(0);
    expect(txt.stdout).toContain(`${stem}.export.txt`);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(seedTranscript, 'utf8'));

    expect(readdirSync(dir).sort()).toEqual(
      [seedName, `${stem}.docx`, `${stem}.export.txt`, `${stem}.html`, `${stem}.json`, `${stem}.md`].sort(),
    );
    const text = readFileSync(join(dir, `${stem}.export.txt`), 'utf8');
    expect(text).toContain('Welcome to a new realm of insights into the Korean Peninsula.');
    expect(readFileSync(join(dir, `${stem}.md`), 'utf8')).toContain('Korean Peninsula');
    const html = readFileSync(join(dir, `${stem}.html`), 'utf8');
    expect(html).toMatch(/<html/i);
    expect(html).toContain('Korean Peninsula');
    expect(
      readFileSync(join(dir, `${stem}.docx`))
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');

    // The JSON export reads back as the same document.
    const exported = importTranscript({
      bytes: readFileSync(join(dir, `${stem}.json`)),
      fileName: `${stem}.json`,
    });
    const original = importTranscript({ bytes: readFileSync(seedTranscript), fileName: seedName });
    expect(exported.segments.map((s) => s.text)).toEqual(original.segments.map((s) => s.text));
  });

  it('writes -o exactly where asked, with the options given', () => {
    const { dir, file } = seedCopy();
    const out = join(dir, 'plain.txt');
    const { code, stdout } = glossa([
      'export',
      file,
      '--to',
      'txt',
      '-o',
      out,
      '--no-speakers',
      '--no-header',
      '--timestamps',
      'none',
      '--clean',
    ]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`wrote ${out} (plain text)`);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('North Korea News Podcast by NK News'); // the title header
    expect(text).toContain('Korean Peninsula');
  });

  it('exports a timed transcript as SRT and WebVTT', () => {
    const dir = tempDir();
    const file = join(dir, 'episode.srt');
    writeFileSync(file, TIMED_SRT);
    const vtt = glossa(['export', file, '--to', 'vtt']);
    expect(vtt.stderr).toBe('');
    expect(vtt.code).toBe(0);
    const webvtt = readFileSync(join(dir, 'episode.vtt'), 'utf8');
    expect(webvtt.startsWith('WEBVTT')).toBe(true);
    expect(webvtt).toContain('00:00:01.000 --> 00:00:04.000');

    // SRT beside an .srt would be the file itself: written under a new name, the original kept.
    const srt = glossa(['export', file, '--to', 'srt']);
    expect(srt.code).toBe(0);
    expect(readFileSync(join(dir, 'episode.export.srt'), 'utf8')).toContain('00:00:04,500 --> 00:00:09,000');
    expect(readFileSync(file, 'utf8')).toBe(TIMED_SRT);
  });

  it('says in one line why an untimed transcript cannot become subtitles, and writes nothing', () => {
    const { dir, file } = seedCopy();
    for (const format of ['srt', 'vtt']) {
      const { code, stdout, stderr } = glossa(['export', file, '--to', format]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      oneLine(stderr);
      expect(stderr).toMatch(
        /^glossa: .*nk-news-2024-10-22-troops-ukraine\.txt: cannot export as .*subtitles: .+/,
      );
    }
    expect(readdirSync(dir)).toEqual([seedName]);
  });

  it('keeps the flags a Glossa JSON file carries: warned about, or dropped with --drop-flagged', () => {
    const dir = tempDir();
    const document = importTranscript({
      bytes: new TextEncoder().encode(TIMED_SRT),
      fileName: 'episode.srt',
    });
    const flag = {
      id: 'f1',
      segmentId: document.segments[1]!.id,
      start: 0,
      end: 'Today we talk about the Donbass.'.length,
      quote: 'Today we talk about the Donbass.',
      comment: 'check the date',
      createdAt: '2024-10-22T10:00:00.000Z',
      resolvedAt: null,
    };
    const file = join(dir, 'episode.json');
    writeFileSync(file, serializeDocumentJson(document, [flag]));

    const kept = glossa(['export', file, '--to', 'json']);
    expect(kept.code).toBe(0);
    expect(kept.stdout.split('\n')[0]).toBe(`wrote ${join(dir, 'episode.export.json')} (Glossa JSON)`);
    const back = importTranscriptWithFlags({
      bytes: readFileSync(join(dir, 'episode.export.json')),
      fileName: 'episode.export.json',
    });
    expect(back.flags.map((f) => f.id)).toEqual(['f1']);

    const out = join(dir, 'episode.txt');
    const included = glossa(['export', file, '--to', 'txt', '-o', out]);
    expect(included.code).toBe(0);
    expect(included.stdout).toMatch(/^warning: .*flag/im);
    expect(readFileSync(out, 'utf8')).toContain('Donbass');

    const dropped = glossa(['export', file, '--to', 'txt', '-o', out, '--drop-flagged']);
    expect(dropped.code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('Donbass');
    expect(readFileSync(out, 'utf8')).toContain('Jacos Wetzlud');
  });

  it('refuses to write over the transcript, and reports a folder that does not exist in one line', () => {
    const { dir, file } = seedCopy();
    const same = glossa(['export', file, '--to', 'txt', '-o', file]);
    expect(same.code).toBe(1);
    oneLine(same.stderr);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(seedTranscript, 'utf8'));

    const target = join(dir, 'no-such-folder', 'out.md');
    const missing = glossa(['export', file, '--to', 'md', '-o', target]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`glossa: could not write ${target}: the folder does not exist\n`);
    expect(readdirSync(dir)).toEqual([seedName]);
  });

  it('exits 2 for usage mistakes and 1 for a missing transcript', () => {
    const { file } = seedCopy();
    expect(glossa(['export']).code).toBe(2);
    expect(glossa(['export', file]).code).toBe(2);
    expect(glossa(['export', file, '--to', 'pdf']).code).toBe(2);
    expect(glossa(['export', file, '--to', 'txt', '--timestamps', 'word']).code).toBe(2);
    const missing = glossa(['export', '/nonexistent/episode.srt', '--to', 'txt']);
    expect(missing.code).toBe(1);
    oneLine(missing.stderr);
    expect(missing.stderr).toContain('/nonexistent/episode.srt');
    expect(existsSync('/nonexistent/episode.txt')).toBe(false);
  });
});

describe('glossa report', () => {
  function editedCopy(): { dir: string; edited: string } {
    const dir = tempDir();
    const edited = join(dir, 'corrected.txt');
    const text = readFileSync(seedTranscript, 'utf8')
      .replace('Jacos Wetzlud', 'Jacco Zwetsloot')
      .replaceAll('Donbass.', 'Donbas.')
      .replace('spill the crosses borders', 'spill across borders');
    writeFileSync(edited, text);
    return { dir, edited };
  }

  it('prints the changes between the seed and an edited copy as CSV, with the glossary entries', () => {
    const { edited } = editedCopy();
    const { code, stdout, stderr } = glossa([
      'report',
      edited,
      '--original',
      seedTranscript,
      '--glossary',
      seedGlossary,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [header, ...rows] = parse(stdout) as string[][];
    expect(header).toEqual([
      'time',
      'segment',
      'change',
      'speaker',
      'heard',
      'corrected',
      'context',
      'term',
      'category',
      'source',
    ]);
    expect(rows.map((r) => [r[2], r[4], r[5], r[7], r[8]])).toEqual([
      ['edit', 'Jacos Wetzlud,', 'Jacco Zwetsloot,', 'Jacco Zwetsloot', 'person'],
      ['edit', 'the crosses', 'across', '', ''],
      ['edit', 'Donbass.', 'Donbas.', 'Donbas', 'place'],
      ['edit', 'Donbass.', 'Donbas.', 'Donbas', 'place'],
    ]);
  });

  it('writes an HTML page with -o, and an empty report for an unchanged copy', () => {
    const { dir, edited } = editedCopy();
    const out = join(dir, 'report.html');
    const written = glossa([
      'report',
      edited,
      '--original',
      seedTranscript,
      '--glossary',
      seedGlossary,
      '-o',
      out,
    ]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe(`wrote ${out} (4 changes, HTML)\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<caption>4 changes since import</caption>');
    expect(html).toContain('<ins>Jacco Zwetsloot,</ins>');
    expect(html).not.toMatch(/<script/i);

    const csv = join(dir, 'same.csv');
    const same = glossa([
      'report',
      seedTranscript,
      '--original',
      seedTranscript,
      '--glossary',
      seedGlossary,
      '-o',
      csv,
    ]);
    expect(same.stdout).toBe(`wrote ${csv} (0 changes, CSV)\n`);
    expect(readFileSync(csv, 'utf8')).toBe(
      '\uFEFFtime,segment,change,speaker,heard,corrected,context,term,category,source\n',
    );
  });

  it('exits 2 without --original or with an unknown format, and 1 for a missing file', () => {
    const { edited } = editedCopy();
    expect(glossa(['report', edited]).code).toBe(2);
    expect(glossa(['report', edited, '--original', seedTranscript, '--format', 'xlsx']).code).toBe(2);
    const missing = glossa([
      'report',
      edited,
      '--original',
      '/nonexistent/original.txt',
      '--glossary',
      seedGlossary,
    ]);
    expect(missing.code).toBe(1);
    oneLine(missing.stderr);
    expect(missing.stderr).toContain('/nonexistent/original.txt');
  });
});
