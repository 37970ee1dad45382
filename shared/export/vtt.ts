/**
 * WebVTT export: the "WEBVTT" header, then cues timed "HH:MM:SS.mmm --> HH:MM:SS.mmm". Speakers,
 * when asked for, are `<v Name>` voice spans, which players show and our importer reads back.
 * Lines end in LF, as the WebVTT spec's examples and every browser expect.
 */
import { exportCues, formatCueTime, type Cue } from './cues';
import type { ExportInput, ExportOutput } from './options';

export function exportVtt(input: ExportInput): ExportOutput {
  const { cues, warnings } = exportCues(input);
  const blocks = cues.map(
    (cue) =>
      `${formatCueTime(cue.startMs, '.')} --> ${formatCueTime(cue.endMs, '.')}\n${cueBody(cue, input.options.speakers)}\n\n`,
  );
  // Every block, the header included, ends with a blank line, as in the SRT export.
  return { content: ['WEBVTT\n\n', ...blocks].join(''), warnings };
}

/** The voice opens on the first line and, per the spec, lasts to the end of the cue. */
function cueBody(cue: Cue, speakers: boolean): string {
  const lines = cue.lines.map(escapeVtt);
  if (speakers && cue.speaker !== undefined && cue.speaker.trim() !== '') {
    lines[0] = `<v ${escapeVtt(cue.speaker.trim())}>${lines[0] ?? ''}`;
  }
  return lines.join('\n');
}

/** `<` and `&` would start a tag or an entity, and `>` would end the voice or form "-->". */
export function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
