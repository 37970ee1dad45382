import { describe, expect, it } from 'vitest';
import {
  looksLikeSpeakerText,
  parseSpeakerText,
  readSpeakerHeader,
} from '../../../shared/formats/speaker-text';
import { importFixture, importString } from './fixtures';

describe('speaker headers', () => {
  it.each([
    ['Jacco Zwetsloot  0:00', { speaker: 'Jacco Zwetsloot', startMs: 0, text: '' }],
    ['Anton Sokolin\t1:02:05', { speaker: 'Anton Sokolin', startMs: 3_725_000, text: '' }],
    [
      '[00:01:23] Anton Sokolin: The troops moved.',
      { speaker: 'Anton Sokolin', startMs: 83_000, text: 'The troops moved.' },
    ],
    ['Speaker 2 (00:05): Hi.', { speaker: 'Speaker 2', startMs: 5_000, text: 'Hi.' }],
    ['Jacco Zwetsloot [0:01:23]: Thanks.', { speaker: 'Jacco Zwetsloot', startMs: 83_000, text: 'Thanks.' }],
    ['Anton Sokolin (01:10:30):', { speaker: 'Anton Sokolin', startMs: 4_230_000, text: '' }],
  ])('reads %j', (line, header) => {
    expect(readSpeakerHeader(line)).toEqual(header);
  });

  it.each(['We met at 10:30 in Seoul.', '[00:01:23] no colon here', 'Anton Sokolin  0:61', '1999  0:12'])(
    'does not take %j for a header',
    (line) => {
      expect(readSpeakerHeader(line)).toBeUndefined();
    },
  );
});

describe('speaker-text import', () => {
  it('reads "Name  H:MM:SS" blocks with several paragraphs', () => {
    const doc = importFixture('speaker-blocks.txt');
    expect(doc.metadata.sourceFormat).toBe('speaker-text');
    expect(doc.segments).toEqual([
      {
        id: 's1',
        text: "Hello listeners and welcome to the NK News podcast. I'm your host, Jacco Zwetsloot, and this episode was recorded in the NK News podcast studio.",
        speaker: 'Jacco Zwetsloot',
        startMs: 0,
      },
      {
        id: 's2',
        text: "And I'm joined here in the studio by my very fine colleague, Anton Sokolin.",
        speaker: 'Jacco Zwetsloot',
        endMs: 12_000,
      },
      {
        id: 's3',
        text: 'Hi, Jacco. Great to be here once again.',
        speaker: 'Anton Sokolin',
        startMs: 12_000,
        endMs: 16_000,
      },
      {
        id: 's4',
        text: "So what's going on, Anton? Is there an actual deployment of North Korean soldiers?",
        speaker: 'Jacco Zwetsloot',
        startMs: 16_000,
        endMs: 3_725_000,
      },
      {
        id: 's5',
        text: 'The NIS says the troops are training near Vladivostok and Ussuriysk.',
        speaker: 'Anton Sokolin',
        startMs: 3_725_000,
      },
    ]);
  });

  it('reads "[HH:MM:SS] Name: text" lines, joining continuation lines', () => {
    const doc = importFixture('speaker-lines.txt');
    expect(doc.segments.map((s) => [s.speaker, s.startMs, s.endMs])).toEqual([
      ['Jacco Zwetsloot', 0, 4_000],
      ['Jacco Zwetsloot', 4_000, 7_000],
      ['Anton Sokolin', 7_000, 10_000],
      ['Anton Sokolin', 10_000, 83_000],
      ['Jacco Zwetsloot', 83_000, undefined],
    ]);
    expect(doc.segments[2]?.text).toBe('Hi, Jacco: great to be here.');
    expect(doc.segments[3]?.text).toBe(
      'The National Intelligence Service, formerly known as the KCIA, published satellite images of the ships.',
    );
  });

  it('reads "Name (MM:SS):" headers with the text on the next lines', () => {
    const doc = importFixture('speaker-rev.txt');
    expect(doc.segments.map((s) => [s.speaker, s.startMs, s.text])).toEqual([
      ['Jacco Zwetsloot', 0, 'Hello listeners and welcome to the NK News podcast.'],
      ['Anton Sokolin', 5_000, 'Hi, Jacco. Great to be here.'],
      ['Jacco Zwetsloot', 4_230_000, 'Thank you so much for coming on the show.'],
    ]);
  });

  it('keeps a page header above the first speaker as metadata', () => {
    const doc = importString(
      'NK News Podcast - Troops\nEpisode Date: October 22, 2024\nTranscript\nJacco  0:00\nHello.\n\nAnton  0:04\nHi.\n',
      'episode.txt',
    );
    expect(doc.metadata).toMatchObject({
      show: 'NK News Podcast',
      title: 'Troops',
      episodeDate: '2024-10-22',
    });
    expect(doc.segments.map((s) => [s.speaker, s.text])).toEqual([
      ['Jacco', 'Hello.'],
      ['Anton', 'Hi.'],
    ]);
  });

  it('keeps untimed text above the first speaker as a segment', () => {
    const parsed = parseSpeakerText('Recorded live.\nJacco  0:00\nHello.\nAnton  0:04\nHi.\n');
    expect(parsed.segments[0]).toEqual({ text: 'Recorded live.' });
    expect(parsed.segments).toHaveLength(3);
  });

  it('needs a header at the top or at least two headers to call text speaker-text', () => {
    expect(looksLikeSpeakerText(['Jacco  0:00', 'Hello.'])).toBe(true);
    expect(looksLikeSpeakerText(['Intro line.', 'Jacco  0:00', 'Hello.'])).toBe(false);
    expect(looksLikeSpeakerText(['Intro line.', 'Jacco  0:00', 'Hello.', 'Anton  0:04', 'Hi.'])).toBe(true);
    expect(looksLikeSpeakerText(['Just prose.', 'More prose.'])).toBe(false);
  });
});
