/**
 * A short spoken episode made at test time (no media files are committed): espeak-ng speaks each
 * sentence into a WAV of its own, sox joins them with short silences into episode.wav, and a
 * WhisperX-style JSON transcript is written to match. Each segment's times come from its part's
 * real duration; its words share the segment evenly. One sentence speaks a glossary name that the
 * transcript mishears, so the glossary CSV written alongside turns it into a suggestion.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The glossary's term, what the speech says, and the transcript's mishearing of it. */
export const SPOKEN_TERM = 'Jacco Zwetsloot';
export const MISHEARD_TERM = 'Jacos Wetzlud';

/** One sentence: what espeak-ng says and what the transcript says it heard. */
interface Line {
  speaker: string;
  said: string;
  heard: string;
}

const LINES: readonly Line[] = [
  {
    speaker: 'SPEAKER_00',
    said: 'Welcome back to the North Korea News podcast.',
    heard: 'Welcome back to the North Korea News podcast.',
  },
  {
    speaker: 'SPEAKER_00',
    said: `My name is ${SPOKEN_TERM}, and I host the show.`,
    heard: `My name is ${MISHEARD_TERM}, and I host the show.`,
  },
  {
    speaker: 'SPEAKER_01',
    said: 'Today we talk about the soldiers who were sent to Russia.',
    heard: 'Today we talk about the soldiers who were sent to Russia.',
  },
  {
    speaker: 'SPEAKER_01',
    said: 'The satellite pictures show new buildings close to the border.',
    heard: 'The satellite pictures show new buildings close to the border.',
  },
  {
    speaker: 'SPEAKER_00',
    said: 'Thank you for listening, and see you again next week.',
    heard: 'Thank you for listening, and see you again next week.',
  },
];

/** Silence before the first sentence and between sentences, in seconds. */
const LEAD_SILENCE = 0.3;
const GAP_SILENCE = 0.5;
/** espeak-ng's speaking rate, in words per minute. */
const WORDS_PER_MINUTE = 150;

export interface FixtureSegment {
  speaker: string;
  /** Seconds into episode.wav. */
  start: number;
  end: number;
  text: string;
}

export interface SpeechFixture {
  /** The spoken episode (mono 16-bit WAV). */
  wavPath: string;
  /** Its WhisperX-style transcript. */
  jsonPath: string;
  /** A one-entry glossary (SPOKEN_TERM) for startE2eApp. */
  glossaryCsvPath: string;
  /** The transcript's segments as written, times in seconds. */
  segments: FixtureSegment[];
  /** The episode's length in seconds, as sox reads it. */
  duration: number;
}

/** Writes the episode, its transcript and the glossary into `dir` (which must be writable). */
export async function makeSpeechFixture(dir: string): Promise<SpeechFixture> {
  await mkdir(dir, { recursive: true });
  const silence = async (name: string, seconds: number) => {
    const file = path.join(dir, name);
    // Same format as espeak-ng's output, so sox can join the files without converting.
    await run('sox', ['-n', '-r', '22050', '-c', '1', '-b', '16', file, 'trim', '0', String(seconds)]);
    return file;
  };
  const lead = await silence('lead.wav', LEAD_SILENCE);
  const gap = await silence('gap.wav', GAP_SILENCE);

  const parts: string[] = [lead];
  const segments: FixtureSegment[] = [];
  let offset = LEAD_SILENCE;
  for (const [index, line] of LINES.entries()) {
    const part = path.join(dir, `part-${index + 1}.wav`);
    await run('espeak-ng', ['-v', 'en', '-s', String(WORDS_PER_MINUTE), '-w', part, line.said]);
    const duration = await durationOf(part);
    segments.push({
      speaker: line.speaker,
      start: round(offset),
      end: round(offset + duration),
      text: line.heard,
    });
    parts.push(part);
    offset += duration;
    if (index < LINES.length - 1) {
      parts.push(gap);
      offset += GAP_SILENCE;
    }
  }

  const wavPath = path.join(dir, 'episode.wav');
  await run('sox', [...parts, wavPath]);
  const duration = await durationOf(wavPath);

  const jsonPath = path.join(dir, 'episode.json');
  await writeFile(jsonPath, JSON.stringify(whisperXJson(segments), null, 1));

  const glossaryCsvPath = path.join(dir, 'media-glossary.csv');
  await writeFile(
    glossaryCsvPath,
    `term,category,variants,forms,notes,source\n${SPOKEN_TERM},person,,,Host of the podcast,\n`,
  );

  return { wavPath, jsonPath, glossaryCsvPath, segments, duration };
}

async function durationOf(file: string): Promise<number> {
  const { stdout } = await run('soxi', ['-D', file]);
  const seconds = Number(stdout.trim());
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`soxi could not read ${file}: ${stdout}`);
  return seconds;
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

/** WhisperX's output: segments with speakers, words with start, end and score, and word_segments. */
function whisperXJson(segments: readonly FixtureSegment[]) {
  const jsonSegments = segments.map((segment) => {
    const texts = segment.text.split(/\s+/);
    const share = (segment.end - segment.start) / texts.length;
    const words = texts.map((word, i) => ({
      word,
      start: round(segment.start + share * i),
      // A small pause after each word, as aligners leave.
      end: round(segment.start + share * (i + 1) - Math.min(0.04, share / 4)),
      score: word.startsWith('Jacos') || word.startsWith('Wetzlud') ? 0.52 : 0.93,
      speaker: segment.speaker,
    }));
    return {
      start: segment.start,
      end: segment.end,
      text: ` ${segment.text}`,
      words,
      speaker: segment.speaker,
    };
  });
  return {
    segments: jsonSegments,
    word_segments: jsonSegments.flatMap((segment) => segment.words),
    language: 'en',
  };
}
