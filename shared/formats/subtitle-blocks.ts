/** What SRT and WebVTT share: blocks of lines separated by blank lines, with 1-based line numbers. */

export interface LineBlock {
  /** 1-based line number of the block's first line. */
  firstLine: number;
  lines: string[];
}

/**
 * Splits text into blocks at empty lines. `isSeparator` decides what counts as empty: SRT tools
 * often leave spaces on separator lines, while in WebVTT only a truly empty line ends a cue.
 */
export function splitIntoBlocks(text: string, isSeparator: (line: string) => boolean): LineBlock[] {
  const blocks: LineBlock[] = [];
  let current: LineBlock | undefined;
  text.split('\n').forEach((line, index) => {
    if (isSeparator(line)) {
      current = undefined;
      return;
    }
    if (!current) {
      current = { firstLine: index + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}

/** Text of a cue's lines: each trimmed, blank ones dropped, joined with one space. */
export function joinCueLines(lines: readonly string[]): string {
  return lines
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}
