import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../../shared/formats/plain-text';
import { PARAGRAPH_RULES, paragraphsFromLines } from '../../../shared/formats/paragraphs';
import { splitDate, splitShowAndTitle } from '../../../shared/formats/podcast-header';
import { importFixture, importTranscript, SEED_PATH, tokens } from './fixtures';

const seedText = readFileSync(SEED_PATH, 'utf8');

describe('plain text: the podcast-page seed', () => {
  const doc = importTranscript({
    bytes: readFileSync(SEED_PATH),
    fileName: 'nk-news-2024-10-22-troops-ukraine.txt',
  });
  const bodyText = seedText.split('\n').slice(4).join('\n');

  it('keeps the page header as metadata', () => {
    expect(doc.metadata).toMatchObject({
      show: 'North Korea News Podcast by NK News',
      title: 'Examining evidence of North Korean troop deployments to the war in Ukraine',
      episodeDate: '2024-10-22',
      sourceFormat: 'text',
      sourceFile: 'nk-news-2024-10-22-troops-ukraine.txt',
    });
    expect(doc.metadata.description?.startsWith('North Korea has deployed troops')).toBe(true);
    expect(doc.metadata.description?.endsWith('what we know about the […]')).toBe(true);
  });

  it('leaves the "Transcript" and "Discussion (0)" lines out of the body', () => {
    expect(doc.segments[0]?.text.startsWith('Welcome to a new realm')).toBe(true);
    expect(doc.segments.some((segment) => segment.text.includes('Discussion (0)'))).toBe(false);
  });

  it('rebuilds a reasonable number of paragraphs, none too long', () => {
    expect(doc.segments.length).toBeGreaterThanOrEqual(20);
    expect(doc.segments.length).toBeLessThanOrEqual(200);
    for (const segment of doc.segments)
      expect(segment.text.length).toBeLessThanOrEqual(PARAGRAPH_RULES.maxChars);
  });

  it('preserves the body token sequence exactly', () => {
    const rebuilt = doc.segments.flatMap((segment) => tokens(segment.text));
    expect(rebuilt).toEqual(tokens(bodyText));
  });

  it('joins wrapped fragments with one space, never gluing words', () => {
    const joined = doc.segments.map((segment) => segment.text).join(' ');
    expect(joined).toContain('offering bespoke analyses'); // "offering" ends one line, "bespoke" starts the next
    for (const segment of doc.segments) {
      expect(segment.text).not.toMatch(/\s{2,}/);
      expect(segment.text).toBe(segment.text.trim());
    }
  });

  it('numbers segments s1, s2, … without speakers or times', () => {
    doc.segments.forEach((segment, i) => {
      expect(segment.id).toBe(`s${i + 1}`);
      expect(segment.speaker).toBeUndefined();
      expect(segment.startMs).toBeUndefined();
    });
  });
});

describe('plain text without a header', () => {
  it('uses blank lines as paragraph breaks when there are any', () => {
    const text = 'First paragraph, wrapped\nover two lines.\n\nSecond paragraph.\n\n\nThird.\n';
    expect(parsePlainText(text)).toEqual({
      metadata: {},
      segments: [
        { text: 'First paragraph, wrapped over two lines.' },
        { text: 'Second paragraph.' },
        { text: 'Third.' },
      ],
    });
  });

  it('reads a CR-only file as two paragraphs', () => {
    const doc = importFixture('cr-only.txt');
    expect(doc.segments.map((segment) => segment.text)).toEqual([
      'An old Mac text file. Every line ends with a carriage return.',
      'A second paragraph about Kaesong.',
    ]);
  });

  it('splits a paragraph longer than the cap at sentence ends, keeping every token', () => {
    const sentence = 'Kim Jong Un inspected the Hwasong artillery units near Pyongyang on Tuesday. ';
    const long = sentence.repeat(60).trim();
    const paragraphs = paragraphsFromLines([long]);
    expect(paragraphs.length).toBeGreaterThan(2);
    for (const paragraph of paragraphs) {
      expect(paragraph.length).toBeLessThanOrEqual(PARAGRAPH_RULES.maxChars);
      expect(paragraph.endsWith('Tuesday.')).toBe(true);
    }
    expect(paragraphs.flatMap(tokens)).toEqual(tokens(long));
  });

  it('splits even text without any sentence end, at spaces', () => {
    const words = Array.from({ length: 800 }, (_, i) => `word${i}`).join(' ');
    const paragraphs = paragraphsFromLines([words]);
    expect(paragraphs.length).toBeGreaterThan(1);
    expect(paragraphs.flatMap(tokens)).toEqual(tokens(words));
  });

  it('ends a wrapped paragraph at a short line that ends a sentence', () => {
    const wrapped = [
      'This opening paragraph is hard-wrapped at roughly seventy characters so',
      'that every line but the last runs close to the same width, the way a',
      'web page or an old transcript tool leaves text when it is copied out.',
      'It ends on a short line.',
      'The next paragraph starts here and is also wrapped to the same width so',
      'that the heuristic has more than one paragraph to find in the text.',
    ];
    expect(paragraphsFromLines(wrapped)).toEqual([wrapped.slice(0, 4).join(' '), wrapped.slice(4).join(' ')]);
  });

  it('keeps unwrapped long lines as their own paragraphs', () => {
    const line = 'A full paragraph on one line, as a word processor saves it. '.repeat(5).trim();
    expect(paragraphsFromLines([line, line, line])).toEqual([line, line, line]);
  });
});

describe('podcast header pieces', () => {
  it('splits show and title at the first " - "', () => {
    expect(splitShowAndTitle('NK News Podcast - Episode 12 - The troops')).toEqual({
      show: 'NK News Podcast',
      title: 'Episode 12 - The troops',
    });
    expect(splitShowAndTitle('Just a title')).toEqual({ title: 'Just a title' });
    expect(splitShowAndTitle(' - dangling')).toEqual({ title: ' - dangling' });
  });

  it.each([
    ['October 22, 2024North Korea has…', '2024-10-22', 'North Korea has…'],
    ['Oct 22 2024', '2024-10-22', ''],
    ['22 October 2024 — a description', '2024-10-22', '— a description'],
    ['2024-10-22', '2024-10-22', ''],
    ['September 3rd, 2023 Episode notes', '2023-09-03', 'Episode notes'],
  ])('reads the date in %j', (text, isoDate, rest) => {
    expect(splitDate(text)).toEqual({ isoDate, rest });
  });

  it('does not invent a date that does not exist', () => {
    expect(splitDate('February 30, 2024 notes')).toEqual({ rest: 'February 30, 2024 notes' });
    expect(splitDate('Sometime in 2024')).toEqual({ rest: 'Sometime in 2024' });
  });

  it('reads a header that ends at a blank line instead of a "Transcript" line', () => {
    const text =
      'NK News Podcast - Troops in Russia\nEpisode Date: October 22, 2024\nA short description.\n\nBody text.\n';
    expect(parsePlainText(text)).toEqual({
      metadata: {
        show: 'NK News Podcast',
        title: 'Troops in Russia',
        episodeDate: '2024-10-22',
        description: 'A short description.',
      },
      segments: [{ text: 'Body text.' }],
    });
  });

  it('reads a header with only a title above "Transcript"', () => {
    const parsed = parsePlainText('Troops in Russia\nTranscript\nBody text.\n');
    expect(parsed).toEqual({ metadata: { title: 'Troops in Russia' }, segments: [{ text: 'Body text.' }] });
  });
});
