import { describe, expect, it } from 'vitest';
import { cleanCueText, parseWebVtt } from '../../../shared/formats/webvtt';
import { expectImportError, importFixture } from './fixtures';

describe('WebVTT import', () => {
  it('reads voices, skips NOTE and STYLE blocks, removes tags and decodes entities', () => {
    const doc = importFixture('voices-notes.vtt');
    expect(doc.metadata).toEqual({ language: 'en', sourceFile: 'voices-notes.vtt', sourceFormat: 'webvtt' });
    expect(doc.segments).toEqual([
      {
        id: 's1',
        speaker: 'Jacco Zwetsloot',
        startMs: 0,
        endMs: 4_200,
        text: 'Hello listeners and welcome to the NK News podcast.',
      },
      {
        id: 's2',
        speaker: 'Jacco Zwetsloot',
        startMs: 4_200,
        endMs: 8_650,
        text: "I'm joined by Anton Sokolin & we're talking about troops in Russia.",
      },
      { id: 's3', speaker: 'Anton Sokolin', startMs: 8_650, endMs: 10_100, text: 'Hi, Jacco!' },
      {
        id: 's4',
        speaker: 'Anton Sokolin',
        startMs: 10_100,
        endMs: 14_900,
        text: 'Kim Jong Un has sent special forces <reportedly> to Vladivostok.',
      },
      // One cue with two voices becomes two segments with the cue's timing.
      { id: 's5', speaker: 'Jacco Zwetsloot', startMs: 14_900, endMs: 18_300, text: 'So what do we know?' },
      { id: 's6', speaker: 'Anton Sokolin', startMs: 14_900, endMs: 18_300, text: 'Not much yet.' },
    ]);
  });

  it('de-duplicates YouTube rolling captions and keeps their word times', () => {
    const doc = importFixture('youtube-auto.en.vtt');
    expect(doc.segments.map((s) => s.text)).toEqual([
      'welcome to the nk news podcast',
      "i'm your host jacco zwetsloot",
      'and today anton sokolin joins us',
    ]);
    expect(doc.segments[1]?.words?.slice(0, 2)).toEqual([
      { text: "i'm", startMs: 2_480, endMs: 2_879 },
      { text: 'your', startMs: 2_879, endMs: 3_040 },
    ]);
    expect(doc.segments[2]?.words?.at(-1)).toEqual({ text: 'us', startMs: 7_120, endMs: 7_990 });
    for (const segment of doc.segments) {
      expect(segment.words?.map((w) => w.text).join(' ')).toBe(segment.text);
    }
  });

  it('cleans cue text: tags, timestamps and entities', () => {
    expect(
      cleanCueText(
        '<c.yellow>Seoul</c> &amp; <b>Pyongyang</b><00:00:01.000> &#39;24 &#x2014; &lt;3&gt; &bogus;',
      ),
    ).toBe("Seoul & Pyongyang '24 — <3> &bogus;");
  });

  it('accepts cue identifiers and a cue written right under the header', () => {
    const parsed = parseWebVtt(
      'WEBVTT\n00:01.000 --> 00:02.000\nFirst\n\ncue-2\n00:02.000 --> 00:03.500\nSecond\n',
      'x.vtt',
    );
    expect(parsed.segments).toEqual([
      { startMs: 1_000, endMs: 2_000, text: 'First' },
      { startMs: 2_000, endMs: 3_500, text: 'Second' },
    ]);
  });

  it('reports a broken timestamp with its line', () => {
    const error = expectImportError(() => importFixture('broken-timestamp.vtt'), 'bad-timestamp');
    expect(error.line).toBe(8);
    expect(error.expected).toContain('HH:MM:SS.mmm --> HH:MM:SS.mmm');
  });

  it('reports a timing line without "-->"', () => {
    const error = expectImportError(
      () => parseWebVtt('WEBVTT\n\n00:01.000 00:02.000\nHi\n', 'x.vtt'),
      'bad-timestamp',
    );
    expect(error.line).toBe(3);
  });

  it('reports a cue that ends before it starts, and a cue without text', () => {
    expect(
      expectImportError(
        () => parseWebVtt('WEBVTT\n\n00:05.000 --> 00:04.000\nHi\n', 'x.vtt'),
        'bad-timestamp',
      ).line,
    ).toBe(3);
    const empty = expectImportError(
      () => parseWebVtt('WEBVTT\n\nid\n00:01.000 --> 00:02.000\n\n00:03.000 --> 00:04.000\nHi\n', 'x.vtt'),
      'empty-cue',
    );
    expect(empty.line).toBe(4);
  });

  it('reports a .vtt file without the WEBVTT header at line 1', () => {
    const error = expectImportError(() => importFixture('not-webvtt.vtt'), 'unknown-format');
    expect(error.line).toBe(1);
    expect(error.expected).toContain('WEBVTT');
  });
});
