/**
 * Subtitle cues from a document, shared by the SRT and WebVTT exporters.
 *
 * A segment that already fits the conventions is one cue with exactly its own times, so a subtitle
 * file imported and exported again keeps every cue it did not touch frame-exact. Only a segment
 * that no longer fits (an edit made it long) is split, and only its cues get new times.
 */
import type { Segment, TranscriptDocument } from '../document/model';
import { realignWords, segmentTimes } from '../document/realign-words';
import { ExportError, type ExportInput } from './options';
import { prepareExport } from './prepare';

export interface Cue {
  startMs: number;
  endMs: number;
  speaker?: string;
  lines: string[];
}

/** Common broadcast conventions (BBC, Netflix): two lines of 42 characters, 20 cps, 0.7 s minimum. */
export const MAX_LINE_CHARS = 42;
export const MAX_CUE_LINES = 2;
export const MAX_CHARS_PER_SECOND = 20;
export const MIN_CUE_MS = 700;

export const NO_TIMINGS_MESSAGE =
  'This transcript has no timings, so it cannot be saved as subtitles. Export it as text, Markdown, HTML, Word or JSON instead.';

/**
 * The cues of an export: the segments as the text formats would keep them (flagged passages
 * dropped and clean verbatim applied when asked, via prepareExport), then documentCues. A segment
 * the options leave unchanged keeps its exact timing; one they shorten keeps its words' timings.
 */
export function exportCues(input: ExportInput): { cues: Cue[]; warnings: string[] } {
  const prepared = prepareExport(input);
  const keptText = new Map<string, string>();
  for (const paragraph of prepared.paragraphs) {
    for (const segment of paragraph.segments) keptText.set(segment.id, segment.text);
  }
  const segments = input.document.segments.flatMap((segment): Segment[] => {
    const text = keptText.get(segment.id);
    if (text === undefined) return [];
    if (text === segment.text) return [segment];
    return [{ ...segment, text, ...(segment.words ? { words: realignWords(segment.words, text) } : {}) }];
  });
  const warnings = [...prepared.warnings];
  // Everything dropped (all of it flagged) is an empty subtitle file, not a missing-timings error.
  if (segments.length === 0 && input.document.segments.some((segment) => timedSpan(segment))) {
    return { cues: [], warnings };
  }
  const cues = documentCues({ ...input.document, segments }, warnings);
  return { cues, warnings };
}

/**
 * The document's cues in order. Throws ExportError when no segment has timings; segments without
 * timings in an otherwise timed document are placed between their neighbours, and a warning saying
 * so is pushed onto `warnings`.
 */
export function documentCues(document: TranscriptDocument, warnings: string[] = []): Cue[] {
  const segments = document.segments.filter((segment) => cueText(segment.text) !== '');
  const spans = segmentSpans(segments, warnings);
  const cues: Cue[] = [];
  segments.forEach((segment, i) => {
    const span = spans[i] as Span;
    // A split segment may run on into the silence before the next one, never into it.
    const nextStart = spans[i + 1]?.startMs ?? Infinity;
    cues.push(...segmentCues(segment, span, Math.max(span.endMs, nextStart)));
  });
  return lengthenShortCues(cues);
}

/**
 * Lines for a cue: the text itself when it fits one line, else two balanced lines broken at the
 * space nearest the middle (the shorter line on top on a tie). Null when it fits in no two lines.
 */
export function breakLines(text: string): string[] | null {
  if (charCount(text) <= MAX_LINE_CHARS) return [text];
  // Two speakers in one cue ("- Yes? - No.") read as one line each.
  const dialogue = /^(- .+?) (- .+)$/.exec(text);
  if (dialogue && fitsLine(dialogue[1] as string) && fitsLine(dialogue[2] as string)) {
    return [dialogue[1] as string, dialogue[2] as string];
  }
  let best: string[] | null = null;
  let bestDifference = Infinity;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) {
    const top = text.slice(0, at);
    const bottom = text.slice(at + 1);
    if (!fitsLine(top) || !fitsLine(bottom)) continue;
    const difference = Math.abs(charCount(top) - charCount(bottom));
    if (
      difference < bestDifference ||
      (difference === bestDifference && charCount(top) < charCount(bottom))
    ) {
      best = [top, bottom];
      bestDifference = difference;
    }
  }
  return best;
}

interface Span {
  startMs: number;
  endMs: number;
}

/** Whitespace (including line breaks from the source cue) is one space on screen. */
function cueText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Code points, so an accented or CJK letter counts once. */
function charCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function fitsLine(line: string): boolean {
  return charCount(line) <= MAX_LINE_CHARS;
}

function timedSpan(segment: Segment): Span | null {
  if (segment.startMs !== undefined && segment.endMs !== undefined) {
    return { startMs: segment.startMs, endMs: Math.max(segment.startMs, segment.endMs) };
  }
  return segmentTimes(segment.words ?? []);
}

/**
 * Each segment's time. Untimed runs share the time between the timed neighbours by length; a run
 * at the end, with no neighbour after it, gets reading time at MAX_CHARS_PER_SECOND.
 */
function segmentSpans(segments: readonly Segment[], warnings: string[]): Span[] {
  const known = segments.map(timedSpan);
  if (!known.some((span) => span !== null)) throw new ExportError(NO_TIMINGS_MESSAGE);
  const spans: Span[] = [];
  let untimed = 0;
  for (let i = 0; i < segments.length;) {
    const span = known[i];
    if (span) {
      spans.push(span);
      i++;
      continue;
    }
    let end = i;
    while (end < segments.length && !known[end]) end++;
    const run = segments.slice(i, end).map((segment) => charCount(cueText(segment.text)));
    const fromMs = spans[spans.length - 1]?.endMs ?? 0;
    const total = run.reduce((sum, chars) => sum + chars, 0);
    const readingMs = run.reduce((sum, chars) => sum + Math.max(MIN_CUE_MS, readingTime(chars)), 0);
    const toMs = Math.max(fromMs, known[end]?.startMs ?? fromMs + readingMs);
    let before = 0;
    for (const chars of run) {
      const startMs = fromMs + Math.round(((toMs - fromMs) * before) / total);
      before += chars;
      spans.push({ startMs, endMs: fromMs + Math.round(((toMs - fromMs) * before) / total) });
    }
    untimed += end - i;
    i = end;
  }
  if (untimed > 0) {
    warnings.push(
      `${untimed === 1 ? '1 paragraph has' : `${untimed} paragraphs have`} no timings; ` +
        'their subtitle times are estimated from the paragraphs around them.',
    );
  }
  return spans;
}

function readingTime(chars: number): number {
  return Math.ceil((chars * 1000) / MAX_CHARS_PER_SECOND);
}

function segmentCues(segment: Segment, span: Span, limitMs: number): Cue[] {
  const text = cueText(segment.text);
  const speaker = segment.speaker === undefined ? {} : { speaker: segment.speaker };
  const lines = breakLines(text);
  if (lines) return [{ startMs: span.startMs, endMs: span.endMs, ...speaker, lines }];

  const tokens = text.split(' ');
  // Reading time for the whole text, taken from the silence after the segment where there is some.
  const readable = {
    startMs: span.startMs,
    endMs: Math.min(limitMs, Math.max(span.endMs, span.startMs + readingTime(charCount(text)))),
  };
  const starts = tokenStarts(segment, tokens, readable);
  const chunks = chooseChunks(tokens, starts, readable);
  const texts = chunks.map(([from, to]) => tokens.slice(from, to).join(' '));
  const bounds = chunks.map(([from]) => starts[from] as number);
  // Each cue lasts until the next one starts: no flicker between the parts of one sentence.
  bounds.push(extendedEnd(readable, bounds, texts, limitMs));
  spreadToMinimum(bounds, texts);
  return texts.map((chunk, i) => ({
    startMs: bounds[i] as number,
    endMs: bounds[i + 1] as number,
    ...speaker,
    // A single word longer than a line (a URL) cannot be broken; it stays on one long line.
    lines: breakLines(chunk) ?? [chunk],
  }));
}

/**
 * When each token starts: from the segment's word timings when they can be matched to its text,
 * (cues appear as the words are spoken), else proportional to the characters before it over the
 * segment's reading time. Clamped into the span and never decreasing.
 */
function tokenStarts(segment: Segment, tokens: readonly string[], span: Span): number[] {
  const words =
    segment.words && segment.words.length > 0 ? realignWords(segment.words, tokens.join(' ')) : [];
  const total = charCount(tokens.join(' '));
  let before = 0;
  let previous = span.startMs;
  return tokens.map((token, i) => {
    const estimate = span.startMs + Math.round(((span.endMs - span.startMs) * before) / total);
    before += charCount(token) + 1;
    const time =
      i === 0 ? span.startMs : words.length === tokens.length ? (words[i]?.startMs ?? estimate) : estimate;
    previous = Math.min(span.endMs, Math.max(previous, time));
    return previous;
  });
}

/** Costs of a split, in arbitrary units; the cheapest split of a segment wins. */
const COST = {
  /** Each extra cue: prefer fewer, fuller cues... */
  cue: 8,
  /** ...but break at a sentence end, else after a clause, rather than mid-phrase. */
  breakAfterSentence: 0,
  breakAfterClause: 4,
  breakMidPhrase: 20,
  /** A scrap of a few characters alone on screen. */
  orphan: 6,
  orphanChars: 12,
  /** A cue shown for less than MIN_CUE_MS. */
  tooShort: 60,
  /**
   * Per second a cue falls short of its reading time at MAX_CHARS_PER_SECOND. Per second rather
   * than per cue, so a fast segment's total is about the same however it is cut.
   */
  perMissingSecond: 2,
} as const;

const SENTENCE_END = /[.?!…]["'”’)\]]*$/;
const CLAUSE_END = /[,;:—–]["'”’)\]]*$/;

/** Token ranges [from, to) of the cheapest split into cues that each fit two lines. */
function chooseChunks(
  tokens: readonly string[],
  starts: readonly number[],
  span: Span,
): Array<[number, number]> {
  const n = tokens.length;
  const timeAt = (i: number): number => (i < n ? (starts[i] as number) : span.endMs);
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(0);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === Infinity) continue;
    let text = '';
    for (let j = i + 1; j <= n; j++) {
      text = text === '' ? (tokens[i] as string) : `${text} ${tokens[j - 1] as string}`;
      const single = j === i + 1;
      if (!single && charCount(text) > MAX_CUE_LINES * MAX_LINE_CHARS + 1) break;
      if (!single && !breakLines(text)) continue;
      const cost = (best[i] as number) + chunkCost(text, j === n, timeAt(j) - timeAt(i));
      if (cost < (best[j] as number)) {
        best[j] = cost;
        from[j] = i;
      }
    }
  }
  const chunks: Array<[number, number]> = [];
  for (let j = n; j > 0; j = from[j] as number) chunks.unshift([from[j] as number, j]);
  return chunks;
}

function chunkCost(text: string, isLast: boolean, durationMs: number): number {
  const chars = charCount(text);
  let cost = COST.cue;
  if (!isLast) {
    cost += SENTENCE_END.test(text)
      ? COST.breakAfterSentence
      : CLAUSE_END.test(text)
        ? COST.breakAfterClause
        : COST.breakMidPhrase;
  }
  if (chars < COST.orphanChars) cost += COST.orphan;
  if (durationMs < MIN_CUE_MS) cost += COST.tooShort;
  const missingMs = readingTime(chars) - durationMs;
  if (missingMs > 0) cost += (missingMs / 1000) * COST.perMissingSecond;
  return cost;
}

/**
 * The end of a split segment: its own end, or later, into the silence before the next segment,
 * when its cues need more time for MIN_CUE_MS each or for the last cue's reading speed.
 */
function extendedEnd(
  span: Span,
  bounds: readonly number[],
  texts: readonly string[],
  limitMs: number,
): number {
  const last = bounds[bounds.length - 1] as number;
  const wanted = Math.max(
    span.endMs,
    span.startMs + MIN_CUE_MS * texts.length,
    last + Math.max(MIN_CUE_MS, readingTime(charCount(texts[texts.length - 1] as string))),
  );
  return Math.min(wanted, limitMs);
}

/**
 * Moves the inner boundaries so each cue lasts MIN_CUE_MS; the outer two stay. Forward then
 * backward, so a span long enough for every cue always ends up valid. A span too short for that
 * (a long insertion with no silence after it) is shared by length: short cues, but none empty.
 */
function spreadToMinimum(bounds: number[], texts: readonly string[]): void {
  const last = bounds.length - 1;
  const first = bounds[0] as number;
  const span = (bounds[last] as number) - first;
  if (span < MIN_CUE_MS * texts.length) {
    const lengths = texts.map(charCount);
    const total = lengths.reduce((sum, chars) => sum + chars, 0);
    let before = 0;
    for (let i = 1; i < last; i++) {
      before += lengths[i - 1] as number;
      bounds[i] = first + Math.round((span * before) / total);
    }
    return;
  }
  for (let i = 1; i < last; i++) {
    bounds[i] = Math.max(bounds[i] as number, (bounds[i - 1] as number) + MIN_CUE_MS);
  }
  for (let i = last - 1; i > 0; i--) {
    bounds[i] = Math.max(
      bounds[i - 1] as number,
      Math.min(bounds[i] as number, (bounds[i + 1] as number) - MIN_CUE_MS),
    );
  }
}

/**
 * A cue under MIN_CUE_MS runs on into the silence after it, then, if still short, starts earlier
 * into the silence before it; never into a neighbouring cue.
 */
function lengthenShortCues(cues: Cue[]): Cue[] {
  cues.forEach((cue, i) => {
    if (cue.endMs - cue.startMs >= MIN_CUE_MS) return;
    const next = cues[i + 1];
    const latest = next ? Math.max(cue.endMs, next.startMs) : Infinity;
    cue.endMs = Math.min(cue.startMs + MIN_CUE_MS, latest);
    const previous = cues[i - 1];
    const earliest = previous ? Math.min(cue.startMs, previous.endMs) : 0;
    cue.startMs = Math.max(Math.min(cue.startMs, cue.endMs - MIN_CUE_MS), earliest);
  });
  return cues;
}

/** HH:MM:SS plus the milliseconds after `separator` ("," for SRT, "." for WebVTT). */
export function formatCueTime(ms: number, separator: ',' | '.'): string {
  const total = Math.max(0, Math.round(ms));
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${separator}${pad(total % 1000, 3)}`;
}
