/**
 * The corrections report, for fact-checkers: every change made to a transcript since it was
 * imported, with where it is, what the recogniser heard, what it reads now and the glossary entry
 * (with its source) that backs the correction.
 *
 * The workspace keeps the imported original and the current state but no timed log of edits, so
 * the changes are computed by diffing the two: the words of the whole document are aligned at
 * once (so a split or merged segment is not reported as deleted and retyped text), and adjacent
 * changed words become one change. Segments are matched through their aligned words rather than
 * their ids alone, because plain-text imports number segments by position; a segment rewritten
 * completely under the same id is still one change.
 */
import { formatClock } from '../../../shared/formats/timecode';
import { diffSequences } from '../../../shared/document/diff-sequences';
import { stringify } from 'csv-stringify/sync';
import type { Segment, TranscriptDocument } from '../../../shared/document/model';
import type { GlossaryEntry, TermCategory } from '../../../shared/glossary/types';

export const CORRECTION_CHANGES = [
  'edit',
  'speaker',
  'segment added',
  'segment removed',
  'segment split',
  'segments merged',
] as const;
export type CorrectionChange = (typeof CORRECTION_CHANGES)[number];

/** One change since import. Strings are empty where there is nothing to say. */
export interface CorrectionRow {
  /** The segment the change is in, as the document has it now (or had it, when removed). */
  segmentId: string;
  change: CorrectionChange;
  /** Milliseconds from the start of the media: the first changed word's, else the segment's. */
  startMs?: number;
  /** `startMs` as H:MM:SS (e.g. 1:02:03); empty when the transcript has no timings. */
  time: string;
  speaker: string;
  /** The original words (what the recogniser heard). */
  heard: string;
  /** The words now. */
  corrected: string;
  /** The current text around the change; for splits and merges "¶" marks the break. */
  context: string;
  /** The glossary entry behind the correction, when there is one. */
  termId: string;
  term: string;
  category: TermCategory | '';
  source: string;
}

/** Words either side of a change shown as its context. */
const CONTEXT_WORDS = 6;
/** Unchanged words either side a change may be widened by to match a glossary term. */
const MAX_WIDEN = 3;
const BREAK_MARK = ' ¶ ';

interface Token {
  text: string;
  /** Index of the segment in its document. */
  segment: number;
  /** Index of the token in its segment. */
  index: number;
  startMs: number | undefined;
}

const TOKEN = /\S+/g;

function tokenize(doc: TranscriptDocument): { tokens: Token[]; firstToken: number[]; tokenCount: number[] } {
  const tokens: Token[] = [];
  const firstToken: number[] = [];
  const tokenCount: number[] = [];
  doc.segments.forEach((segment, s) => {
    const texts = segment.text.match(TOKEN) ?? [];
    // Word timings line up with the tokens when the words are the text's tokens (realignWords).
    const words = segment.words?.length === texts.length ? segment.words : undefined;
    firstToken.push(tokens.length);
    tokenCount.push(texts.length);
    texts.forEach((text, index) => {
      tokens.push({ text, segment: s, index, startMs: words?.[index]?.startMs ?? segment.startMs });
    });
  });
  return { tokens, firstToken, tokenCount };
}

interface Run {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** Entries by normalised term or form, and by normalised variant. */
interface EntryIndex {
  correct: Map<string, GlossaryEntry>;
  heard: Map<string, GlossaryEntry>;
}

function indexEntries(entries: readonly GlossaryEntry[]): EntryIndex {
  const correct = new Map<string, GlossaryEntry>();
  const heard = new Map<string, GlossaryEntry>();
  // Terms win over forms of other entries, so index all terms first.
  for (const entry of entries) setOnce(correct, normalize(entry.term), entry);
  for (const entry of entries) for (const form of entry.forms) setOnce(correct, normalize(form), entry);
  for (const entry of entries) for (const v of entry.variants) setOnce(heard, normalize(v.text), entry);
  return { correct, heard };
}

function setOnce(map: Map<string, GlossaryEntry>, key: string, entry: GlossaryEntry): void {
  if (key !== '' && !map.has(key)) map.set(key, entry);
}

/** Case, surrounding punctuation and a possessive 's are not part of a name. */
function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/['’]s$/u, '');
}

function findEntry(index: EntryIndex, heard: string, corrected: string): GlossaryEntry | undefined {
  if (corrected !== '') {
    const entry = index.correct.get(normalize(corrected));
    if (entry) return entry;
  }
  if (heard !== '') return index.heard.get(normalize(heard));
  return undefined;
}

export function correctionsReport(
  original: TranscriptDocument,
  current: TranscriptDocument,
  entries: readonly GlossaryEntry[],
): CorrectionRow[] {
  const a = tokenize(original);
  const b = tokenize(current);
  const A = a.tokens;
  const B = b.tokens;

  const matchA = new Int32Array(A.length).fill(-1);
  const matchB = new Int32Array(B.length).fill(-1);
  diffSequences(
    A.length,
    B.length,
    (i, j) => A[i]!.text === B[j]!.text,
    (count, i0, j0) => {
      for (let k = 0; k < count; k++) {
        matchA[i0 + k] = j0 + k;
        matchB[j0 + k] = i0 + k;
      }
    },
  );

  // Which segments of one side each segment of the other shares words with, in order.
  const sourcesOf = current.segments.map(() => [] as number[]);
  const targetsOf = original.segments.map(() => [] as number[]);
  for (let j = 0; j < B.length; j++) {
    const i = matchB[j]!;
    if (i < 0) continue;
    pushDistinct(sourcesOf[B[j]!.segment]!, A[i]!.segment);
    pushDistinct(targetsOf[A[i]!.segment]!, B[j]!.segment);
  }

  // Segments whose words are all new or all gone; one rewritten under the same id is an edit.
  const currentIds = new Map(current.segments.map((segment, s) => [segment.id, s]));
  const originalIds = new Map(original.segments.map((segment, s) => [segment.id, s]));
  const added = new Set<number>();
  const removed = new Set<number>();
  current.segments.forEach((_, s) => {
    if (b.tokenCount[s]! > 0 && sourcesOf[s]!.length === 0) added.add(s);
  });
  original.segments.forEach((_, s) => {
    if (a.tokenCount[s]! > 0 && targetsOf[s]!.length === 0) removed.add(s);
  });
  for (const s of [...added]) {
    const o = originalIds.get(current.segments[s]!.id);
    if (o !== undefined && removed.has(o)) {
      added.delete(s);
      removed.delete(o);
    }
  }

  const index = indexEntries(entries);
  const rows: Array<{ order: number; row: CorrectionRow }> = [];
  const add = (order: number, row: CorrectionRow) => rows.push({ order, row });

  // Word changes.
  for (const run of changedRuns(matchA, matchB)) {
    const kept: Run = trimmedRun(run, A, B, added, removed);
    if (kept.a0 === kept.a1 && kept.b0 === kept.b1) continue;
    const widened = widenToEntry(kept, A, B, matchA, index);
    const heard = joinTokens(A, widened.run.a0, widened.run.a1);
    const corrected = joinTokens(B, widened.run.b0, widened.run.b1);
    const anchor = anchorSegment(kept, A, B, matchA, original, currentIds);
    const segment = current.segments[anchor]!;
    const startMs =
      (kept.a0 < kept.a1 ? A[kept.a0]!.startMs : undefined) ??
      (kept.b0 < kept.b1 ? B[kept.b0]!.startMs : undefined) ??
      segment.startMs;
    add(kept.b0, {
      ...base(segment, 'edit', startMs),
      heard,
      corrected,
      context: contextAround(B, b, anchor, kept.b0, kept.b1),
      ...entryFields(widened.entry),
    });
  }

  // Whole segments added or removed.
  for (const s of added) {
    const segment = current.segments[s]!;
    add(b.firstToken[s]!, {
      ...base(segment, 'segment added', segment.startMs),
      corrected: segment.text.trim(),
    });
  }
  for (const s of removed) {
    const segment = original.segments[s]!;
    add(positionInCurrent(a.firstToken[s]! + a.tokenCount[s]!, matchA, B.length), {
      ...base(segment, 'segment removed', segment.startMs),
      heard: segment.text.trim(),
    });
  }

  // Splits and merges: one row per new break or per break that is gone.
  original.segments.forEach((_, o) => {
    const parts = targetsOf[o]!;
    for (let k = 1; k < parts.length; k++) {
      const before = parts[k - 1]!;
      const after = parts[k]!;
      const segment = current.segments[after]!;
      add(b.firstToken[after]! - 0.5, {
        ...base(segment, 'segment split', segment.startMs),
        context: breakContext(B, b, before, after),
      });
    }
  });
  current.segments.forEach((segment, s) => {
    const sources = sourcesOf[s]!;
    for (let k = 1; k < sources.length; k++) {
      const joinAt = firstTokenFrom(B, matchB, A, s, b.firstToken[s]!, sources[k]!);
      add(joinAt - 0.5, {
        ...base(segment, 'segments merged', A[matchB[joinAt]!]!.startMs ?? segment.startMs),
        context: contextAroundBreak(B, b.firstToken[s]!, b.firstToken[s]! + b.tokenCount[s]!, joinAt),
      });
    }
  });

  // Speakers renamed: compared with the original segment the current one's words come from.
  current.segments.forEach((segment, s) => {
    const from = sourcesOf[s]![0];
    if (from === undefined) return;
    const before = original.segments[from]!.speaker ?? '';
    const now = segment.speaker ?? '';
    if (before === now) return;
    add(b.firstToken[s]! - 0.75, {
      ...base(segment, 'speaker', segment.startMs),
      heard: before,
      corrected: now,
      ...entryFields(findEntry(index, before, now)),
    });
  });

  return rows.sort((x, y) => x.order - y.order).map(({ row }) => row);
}

function pushDistinct(list: number[], value: number): void {
  if (list[list.length - 1] !== value && !list.includes(value)) list.push(value);
}

/** The runs of unmatched tokens between matched pairs. */
function changedRuns(matchA: Int32Array, matchB: Int32Array): Run[] {
  const runs: Run[] = [];
  let i = 0;
  let j = 0;
  while (i < matchA.length || j < matchB.length) {
    const a0 = i;
    const b0 = j;
    while (i < matchA.length && matchA[i] === -1) i++;
    while (j < matchB.length && matchB[j] === -1) j++;
    if (i > a0 || j > b0) runs.push({ a0, a1: i, b0, b1: j });
    // A matched pair (matches are increasing, so i and j are each other's match here).
    i++;
    j++;
  }
  return runs;
}

/** Drops words that belong to wholly added or removed segments (reported as one row each). */
function trimmedRun(run: Run, A: Token[], B: Token[], added: Set<number>, removed: Set<number>): Run {
  let { a0, a1, b0, b1 } = run;
  while (a0 < a1 && removed.has(A[a0]!.segment)) a0++;
  while (a1 > a0 && removed.has(A[a1 - 1]!.segment)) a1--;
  while (b0 < b1 && added.has(B[b0]!.segment)) b0++;
  while (b1 > b0 && added.has(B[b1 - 1]!.segment)) b1--;
  return { a0, a1, b0, b1 };
}

/**
 * When the changed words alone are not a glossary term, unchanged neighbours in the same segment
 * may complete it ("Yol" → "Yeol" is the entry "Yoon Suk Yeol"): the smallest widening that
 * names an entry is taken.
 */
function widenToEntry(
  run: Run,
  A: Token[],
  B: Token[],
  matchA: Int32Array,
  index: EntryIndex,
): { run: Run; entry: GlossaryEntry | undefined } {
  for (let total = 0; total <= 2 * MAX_WIDEN; total++) {
    for (let left = Math.min(total, MAX_WIDEN); left >= 0 && total - left <= MAX_WIDEN; left--) {
      const widened = widen(run, left, total - left, A, B, matchA);
      if (!widened) continue;
      const entry = findEntry(
        index,
        joinTokens(A, widened.a0, widened.a1),
        joinTokens(B, widened.b0, widened.b1),
      );
      if (entry) return { run: widened, entry };
    }
  }
  return { run, entry: undefined };
}

/** The run with `left`/`right` more unchanged tokens each side, all in the run's segments. */
function widen(
  run: Run,
  left: number,
  right: number,
  A: Token[],
  B: Token[],
  matchA: Int32Array,
): Run | undefined {
  if (left === 0 && right === 0) return run;
  const segmentB = B[run.b0 < run.b1 ? run.b0 : run.b0 - 1]?.segment;
  for (let k = 1; k <= left; k++) {
    const i = run.a0 - k;
    if (i < 0 || matchA[i] !== run.b0 - k || B[run.b0 - k]!.segment !== segmentB) return undefined;
  }
  const lastB = B[run.b1 > run.b0 ? run.b1 - 1 : run.b1]?.segment;
  for (let k = 0; k < right; k++) {
    const i = run.a1 + k;
    if (i >= A.length || matchA[i] !== run.b1 + k || B[run.b1 + k]!.segment !== lastB) return undefined;
  }
  return { a0: run.a0 - left, a1: run.a1 + right, b0: run.b0 - left, b1: run.b1 + right };
}

/** The current segment a change belongs to. */
function anchorSegment(
  run: Run,
  A: Token[],
  B: Token[],
  matchA: Int32Array,
  original: TranscriptDocument,
  currentIds: Map<string, number>,
): number {
  if (run.b0 < run.b1) return B[run.b0]!.segment;
  // Only deleted words: the same segment when it is still there, else where the gap is.
  const sameId = currentIds.get(original.segments[A[run.a0]!.segment]!.id);
  if (sameId !== undefined) return sameId;
  const before = run.a0 > 0 ? matchA[run.a0 - 1]! : -1;
  if (before >= 0) return B[before]!.segment;
  return B[Math.min(run.b0, B.length - 1)]?.segment ?? 0;
}

/** Where original token position `i` falls in the current tokens (for ordering). */
function positionInCurrent(i: number, matchA: Int32Array, length: number): number {
  for (let k = i; k < matchA.length; k++) if (matchA[k]! >= 0) return matchA[k]! - 0.25;
  return length;
}

function firstTokenFrom(
  B: Token[],
  matchB: Int32Array,
  A: Token[],
  segment: number,
  from: number,
  sourceSegment: number,
): number {
  for (let j = from; j < B.length && B[j]!.segment === segment; j++) {
    const i = matchB[j]!;
    if (i >= 0 && A[i]!.segment === sourceSegment) return j;
  }
  return from;
}

function base(segment: Segment, change: CorrectionChange, startMs: number | undefined): CorrectionRow {
  return {
    segmentId: segment.id,
    change,
    ...(startMs === undefined ? {} : { startMs }),
    time: startMs === undefined ? '' : formatTime(startMs),
    speaker: segment.speaker ?? '',
    heard: '',
    corrected: '',
    context: '',
    termId: '',
    term: '',
    category: '',
    source: '',
  };
}

function entryFields(entry: GlossaryEntry | undefined) {
  return entry ? { termId: entry.id, term: entry.term, category: entry.category, source: entry.source } : {};
}

function joinTokens(tokens: Token[], from: number, to: number): string {
  return tokens
    .slice(from, to)
    .map((t) => t.text)
    .join(' ');
}

function contextAround(
  B: Token[],
  b: { firstToken: number[]; tokenCount: number[] },
  segment: number,
  b0: number,
  b1: number,
): string {
  const start = b.firstToken[segment]!;
  const end = start + b.tokenCount[segment]!;
  const from = Math.max(start, Math.min(b0, end) - CONTEXT_WORDS);
  const to = Math.min(end, Math.max(b1, start) + CONTEXT_WORDS);
  return (from > start ? '… ' : '') + joinTokens(B, from, to) + (to < end ? ' …' : '');
}

function breakContext(
  B: Token[],
  b: { firstToken: number[]; tokenCount: number[] },
  before: number,
  after: number,
): string {
  const beforeEnd = b.firstToken[before]! + b.tokenCount[before]!;
  const beforeFrom = Math.max(b.firstToken[before]!, beforeEnd - CONTEXT_WORDS);
  const afterStart = b.firstToken[after]!;
  const afterTo = Math.min(afterStart + b.tokenCount[after]!, afterStart + CONTEXT_WORDS);
  return (
    (beforeFrom > b.firstToken[before]! ? '… ' : '') +
    joinTokens(B, beforeFrom, beforeEnd) +
    BREAK_MARK +
    joinTokens(B, afterStart, afterTo) +
    (afterTo < afterStart + b.tokenCount[after]! ? ' …' : '')
  );
}

function contextAroundBreak(B: Token[], start: number, end: number, at: number): string {
  const from = Math.max(start, at - CONTEXT_WORDS);
  const to = Math.min(end, at + CONTEXT_WORDS);
  return (
    (from > start ? '… ' : '') +
    joinTokens(B, from, at) +
    BREAK_MARK +
    joinTokens(B, at, to) +
    (to < end ? ' …' : '')
  );
}

/** H:MM:SS, like the other places Glossa shows a time (1:02:03, 0:00:07). */
export const formatTime = formatClock;

export const REPORT_COLUMNS = [
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
] as const;

function rowValues(row: CorrectionRow): string[] {
  return [
    row.time,
    row.segmentId,
    row.change,
    row.speaker,
    row.heard,
    row.corrected,
    row.context,
    row.term,
    row.category,
    row.source,
  ];
}

/**
 * CSV with a header row and one row per change, UTF-8 with a byte-order mark so spreadsheet
 * programs read names with accents correctly. A cell that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab) is prefixed with an apostrophe.
 */
export function reportCsv(rows: readonly CorrectionRow[]): string {
  const records = rows.map((row) => rowValues(row).map(defuseFormula));
  return '\uFEFF' + stringify([[...REPORT_COLUMNS], ...records], { record_delimiter: 'unix' });
}

function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => HTML_ESCAPES[c]!);
}

const COLUMN_HEADINGS: Record<(typeof REPORT_COLUMNS)[number], string> = {
  time: 'Time',
  segment: 'Segment',
  change: 'Change',
  speaker: 'Speaker',
  heard: 'Heard (original)',
  corrected: 'Corrected',
  context: 'Context',
  term: 'Glossary entry',
  category: 'Category',
  source: 'Source',
};

/** A self-contained page with one accessible table; everything escaped, no scripts. */
export function reportHtml(rows: readonly CorrectionRow[], title: string): string {
  const count = rows.length === 1 ? '1 change' : `${rows.length} changes`;
  const head = REPORT_COLUMNS.map((c) => `<th scope="col">${escapeHtml(COLUMN_HEADINGS[c])}</th>`).join('');
  const body = rows
    .map((row) => {
      const cells = [
        `<td>${escapeHtml(row.time)}</td>`,
        `<td>${escapeHtml(row.segmentId)}</td>`,
        `<td>${escapeHtml(row.change)}</td>`,
        `<td>${escapeHtml(row.speaker)}</td>`,
        `<td>${row.heard ? `<del>${escapeHtml(row.heard)}</del>` : ''}</td>`,
        `<td>${row.corrected ? `<ins>${escapeHtml(row.corrected)}</ins>` : ''}</td>`,
        `<td class="context">${escapeHtml(row.context)}</td>`,
        `<td>${escapeHtml(row.term)}</td>`,
        `<td>${escapeHtml(row.category)}</td>`,
        `<td>${sourceCell(row.source)}</td>`,
      ];
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const table =
    rows.length === 0
      ? '<p>No changes since the transcript was imported.</p>'
      : `<table>
<caption>${escapeHtml(count)} since import</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #111; background: #fff; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0.5rem 0; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; position: sticky; top: 0; }
del { color: #8a1010; }
ins { color: #0b5d1e; text-decoration: none; font-weight: 600; }
td.context { color: #333; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${table}
</main>
</body>
</html>
`;
}

/** A web address becomes a link (http and https only); anything else is text. */
function sourceCell(source: string): string {
  if (/^https?:\/\/\S+$/iu.test(source)) {
    return `<a href="${escapeHtml(source)}">${escapeHtml(source)}</a>`;
  }
  return escapeHtml(source);
}
