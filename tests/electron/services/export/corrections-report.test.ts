import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TranscriptDocument } from '../../../../shared/document/model';
import { applyReplacements, findMatches } from '../../../../shared/document/find-replace';
import { realignWords } from '../../../../shared/document/realign-words';
import { importTranscript } from '../../../../shared/formats/index';
import type { GlossaryEntry } from '../../../../shared/glossary/types';
import {
  correctionsReport,
  formatTime,
  reportCsv,
  reportHtml,
  type CorrectionRow,
} from '../../../../electron/services/export/corrections-report';
import { GlossaryStore } from '../../../../electron/services/glossary/glossary-store';

const repo = resolve(__dirname, '../../../..');
const seedName = 'nk-news-2024-10-22-troops-ukraine.txt';
const seed = (): TranscriptDocument =>
  importTranscript({ bytes: readFileSync(join(repo, 'seeds', seedName)), fileName: seedName });

/** The document with `from` replaced by `to` in the first segment that has it. */
function replaceOnce(doc: TranscriptDocument, from: string, to: string): TranscriptDocument {
  const copy = structuredClone(doc);
  const segment = copy.segments.find((s) => s.text.includes(from));
  if (!segment) throw new Error(`no segment has "${from}"`);
  segment.text = segment.text.replace(from, to);
  return copy;
}

/** Replace all, as the editor's Find & Replace does it. */
function replaceAll(doc: TranscriptDocument, query: string, replacement: string): TranscriptDocument {
  const copy = structuredClone(doc);
  const { matches } = findMatches(
    copy.segments,
    { query, caseSensitive: true, wholeWord: true, regex: false },
    replacement,
  );
  for (const segment of copy.segments) {
    const mine = matches.filter((m) => m.segmentId === segment.id);
    if (mine.length) segment.text = applyReplacements(segment.text, mine);
  }
  return copy;
}

const pick = (rows: CorrectionRow[]) =>
  rows.map((r) => ({ change: r.change, heard: r.heard, corrected: r.corrected, term: r.term }));

let store: GlossaryStore;
let entries: GlossaryEntry[];

beforeEach(() => {
  store = GlossaryStore.open(':memory:');
  store.importCsv(readFileSync(join(repo, 'seeds', 'nk-news-glossary.csv'), 'utf8'), 'nk-news-glossary.csv');
  const host = store.findByTerm('Jacco Zwetsloot')!;
  store.update(host.id, { source: 'https://www.nknews.org/author/jacco/', forms: ['Jacco'] });
  entries = store.list();
});

afterEach(() => store.close());

describe('correctionsReport', () => {
  it('reports nothing for an untouched document', () => {
    const doc = seed();
    expect(correctionsReport(doc, structuredClone(doc), entries)).toEqual([]);
  });

  it('reports accepted names with their glossary entry and source', () => {
    const original = seed();
    let current = replaceOnce(original, 'Jacos Wetzlud', 'Jacco Zwetsloot');
    current = replaceOnce(current, 'Jako,', 'Jacco,');
    const rows = correctionsReport(original, current, entries);
    expect(pick(rows)).toEqual([
      { change: 'edit', heard: 'Jacos Wetzlud,', corrected: 'Jacco Zwetsloot,', term: 'Jacco Zwetsloot' },
      { change: 'edit', heard: 'Jako,', corrected: 'Jacco,', term: 'Jacco Zwetsloot' },
    ]);
    const [first] = rows;
    expect(first).toMatchObject({
      category: 'person',
      source: 'https://www.nknews.org/author/jacco/',
      time: '', // a plain-text transcript has no timings
      segmentId: original.segments.find((s) => s.text.includes('Jacos Wetzlud'))!.id,
    });
    expect(first!.context).toContain("I'm your host, Jacco Zwetsloot, and this episode");
  });

  it('names the entry when the heard text is one of its variants', () => {
    const original = seed();
    const current = replaceOnce(original, 'Donbass.', 'Donbas region.');
    expect(pick(correctionsReport(original, current, entries))).toEqual([
      { change: 'edit', heard: 'Donbass.', corrected: 'Donbas region.', term: 'Donbas' },
    ]);
  });

  it('widens a change to unchanged neighbouring words when together they are the term', () => {
    const original = seed();
    const current = replaceOnce(original, 'Anton Sokolin', 'Anton Sokolinn');
    const back = correctionsReport(current, original, entries);
    expect(pick(back)).toEqual([
      { change: 'edit', heard: 'Anton Sokolinn.', corrected: 'Anton Sokolin.', term: 'Anton Sokolin' },
    ]);
  });

  it('reports a manual edit without an entry', () => {
    const original = seed();
    const current = replaceOnce(original, 'spill the crosses borders', 'spill across borders');
    const rows = correctionsReport(original, current, entries);
    expect(pick(rows)).toEqual([{ change: 'edit', heard: 'the crosses', corrected: 'across', term: '' }]);
    expect(rows[0]!.context).toMatch(/spill across borders/);
  });

  it('reports a replace-all across segments as one row per place, in document order', () => {
    const original = seed();
    const current = replaceAll(original, 'Donbass', 'Donbas');
    const rows = correctionsReport(original, current, entries);
    expect(pick(rows)).toEqual([
      { change: 'edit', heard: 'Donbass.', corrected: 'Donbas.', term: 'Donbas' },
      { change: 'edit', heard: 'Donbass.', corrected: 'Donbas.', term: 'Donbas' },
    ]);
    const order = current.segments.map((s) => s.id);
    expect(order.indexOf(rows[0]!.segmentId)).toBeLessThanOrEqual(order.indexOf(rows[1]!.segmentId));
  });

  it('reports a split segment as a split, not as text deleted and typed again', () => {
    const original = seed();
    const current = structuredClone(original);
    const index = current.segments.findIndex((s) => s.text.split(/\s+/).length > 20);
    const segment = current.segments[index]!;
    const words = segment.text.split(' ');
    const [head, tail] = [words.slice(0, 10).join(' '), words.slice(10).join(' ')];
    segment.text = head;
    current.segments.splice(index + 1, 0, { id: 'new-1', text: tail });
    const rows = correctionsReport(original, current, entries);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ change: 'segment split', segmentId: 'new-1', heard: '', corrected: '' });
    expect(rows[0]!.context).toContain(`${words[9]} ¶ ${words[10]}`);
  });

  it('reports added and removed segments once each, and a rewrite under the same id as an edit', () => {
    const original = seed();
    const current = structuredClone(original);
    const removed = current.segments.splice(3, 1)[0]!;
    current.segments.splice(6, 0, { id: 'added', text: 'Sponsored message read by the host.' });
    current.segments[1]!.text = 'Completely different words now.';
    const rows = correctionsReport(original, current, entries);
    expect(rows.map((r) => [r.change, r.segmentId])).toEqual([
      ['edit', current.segments[1]!.id],
      ['segment removed', removed.id],
      ['segment added', 'added'],
    ]);
    expect(rows[1]!.heard).toBe(removed.text.trim());
    expect(rows[2]!.corrected).toBe('Sponsored message read by the host.');
  });

  it('times a change by its first changed word, and reports renamed speakers', () => {
    const srt = [
      '1',
      '00:00:01,000 --> 00:00:04,000',
      'Welcome back to the show.',
      '',
      '2',
      '01:02:03,000 --> 01:02:07,000',
      'Our guest today is Andre Lankoff.',
      '',
    ].join('\n');
    const original = importTranscript({ bytes: new TextEncoder().encode(srt), fileName: 'ep.srt' });
    original.segments[1]!.words = realignWords(
      [{ text: 'x', startMs: 3_723_000, endMs: 3_727_000 }],
      original.segments[1]!.text,
    ).map((w, i) => ({ ...w, startMs: 3_723_000 + i * 500, endMs: 3_723_000 + i * 500 + 400 }));
    const current = structuredClone(original);
    current.segments[1]!.text = 'Our guest today is Andrei Lankov.';
    current.segments[1]!.speaker = 'Jacco Zwetsloot';
    const rows = correctionsReport(original, current, entries);
    expect(rows.map((r) => [r.change, r.time, r.heard, r.corrected, r.term])).toEqual([
      ['speaker', '1:02:03', '', 'Jacco Zwetsloot', 'Jacco Zwetsloot'],
      ['edit', '1:02:05', 'Andre Lankoff.', 'Andrei Lankov.', 'Andrei Lankov'],
    ]);
    expect(rows[1]!.startMs).toBe(3_725_000);
  });
});

describe('formatTime', () => {
  it.each([
    [0, '0:00:00'],
    [7_999, '0:00:07'],
    [3_723_000, '1:02:03'],
  ])('%i ms is %s', (ms, text) => expect(formatTime(ms)).toBe(text));
});

describe('reportCsv and reportHtml', () => {
  const rows = (): CorrectionRow[] => {
    const original = seed();
    let current = replaceOnce(original, 'Jacos Wetzlud', 'Jacco Zwetsloot');
    current = replaceOnce(current, 'the crosses', '=HYPERLINK("x") <script>alert(1)</script> "quoted"');
    return correctionsReport(original, current, entries);
  };

  it('writes a header row and one row per change, quoting and defusing formulas', () => {
    const csv = reportCsv(rows());
    expect(
      csv.startsWith('\uFEFFtime,segment,change,speaker,heard,corrected,context,term,category,source\n'),
    ).toBe(true);
    const records = parse(csv, { bom: true }) as string[][];
    expect(records).toHaveLength(3);
    expect(records[1]!.slice(4, 10)).toEqual([
      'Jacos Wetzlud,',
      'Jacco Zwetsloot,',
      expect.stringContaining('Jacco Zwetsloot'),
      'Jacco Zwetsloot',
      'person',
      'https://www.nknews.org/author/jacco/',
    ]);
    expect(records[2]![5]).toBe(`'=HYPERLINK("x") <script>alert(1)</script> "quoted"`);
  });

  it('is one self-contained accessible page with everything escaped and no scripts', () => {
    const html = reportHtml(rows(), 'Corrections: <Episode> & "friends"');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;');
    expect(html).toContain('<title>Corrections: &lt;Episode&gt; &amp; &quot;friends&quot;</title>');
    expect(html).toContain('<caption>2 changes since import</caption>');
    expect(html.match(/<th scope="col">/g)).toHaveLength(10);
    expect(html).toContain('<a href="https://www.nknews.org/author/jacco/">');
    expect(html).not.toMatch(/<(link|img|iframe)\b|src=/i);
    expect(html).toContain('<html lang="en">');
  });

  it('says there were no changes when there were none', () => {
    const html = reportHtml([], 'Corrections');
    expect(html).toContain('No changes since the transcript was imported.');
    expect(html).not.toContain('<table');
  });

  it('links only web addresses', () => {
    const [row] = rows();
    const html = reportHtml([{ ...row!, source: 'javascript:alert(1)' }], 't');
    expect(html).not.toContain('href="javascript');
  });
});
