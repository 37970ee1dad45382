/**
 * SubRip export: numbered cues, "HH:MM:SS,mmm --> HH:MM:SS,mmm", the cue's lines, a blank line.
 * Lines end in LF: every player and editor we target (VLC, mpv, YouTube, Premiere, Subtitle Edit)
 * reads LF, our own importer reads both, and the text formats Glossa writes use LF too.
 * SubRip has no speaker markup, so speakers are not written (a "Name:" prefix would become part of
 * the text when the file is imported again).
 */
import { exportCues, formatCueTime } from './cues';
import type { ExportInput, ExportOutput } from './options';

export function exportSrt(input: ExportInput): ExportOutput {
  const { cues, warnings } = exportCues(input);
  const content = cues
    .map(
      (cue, i) =>
        `${i + 1}\n${formatCueTime(cue.startMs, ',')} --> ${formatCueTime(cue.endMs, ',')}\n${cue.lines.join('\n')}\n\n`,
    )
    .join('');
  return { content, warnings };
}
