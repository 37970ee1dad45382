/** Markdown export: header, bold speakers, timestamps, and escaping of what was said. */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownLine, exportMarkdown } from '../../../shared/export/markdown';
import type { ExportOptions } from '../../../shared/export/options';
import { documentOf, inputOf, INTERVIEW } from './text-export-fixtures';

const HEADER =
  '# The \\<NIS\\> & "you"\n\n- **Show:** Tech Talk\n- **Date:** 2024-05-01\n- **Source:** episode-12.srt\n\nA talk about things.\n\n';
const S1 = 'Welcome to \\<script\\>alert("x")\\</script\\> & more.';
const S2 = "It's \\*really\\* \\[1\\] \\#big\\_news.";

const CASES: Array<{ name: string; options: Partial<ExportOptions>; expected: string }> = [
  {
    name: 'defaults: header, bold speakers, a timestamp per paragraph',
    options: {},
    expected: `${HEADER}**Anna** [0:07]: ${S1} ${S2}\n\n**Bram** [12:34]: Thanks, Anna.\n\n**Anna** [1:02:03]: - 1. Bye\n`,
  },
  {
    name: 'a timestamp per segment',
    options: { metadataHeader: false, timestamps: 'segment' },
    expected: `**Anna**: [0:07] ${S1} [0:12] ${S2}\n\n**Bram**: [12:34] Thanks, Anna.\n\n**Anna**: [1:02:03] - 1. Bye\n`,
  },
  {
    name: 'text at the start of a line cannot become a list',
    options: { metadataHeader: false, speakers: false, timestamps: 'none' },
    expected: `${S1} ${S2}\n\nThanks, Anna.\n\n\\- 1. Bye\n`,
  },
];

describe('exportMarkdown', () => {
  it.each(CASES)('$name', ({ options, expected }) => {
    expect(exportMarkdown(inputOf(INTERVIEW, options)).content).toBe(expected);
  });

  it('escapes speaker names', () => {
    const doc = documentOf([{ speaker: 'Dr_Who*', text: 'Hi.' }]);
    expect(exportMarkdown(inputOf(doc, { timestamps: 'none' })).content).toBe('**Dr\\_Who\\***: Hi.\n');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    { text: 'plain words, 3.5% (ok)!', inline: 'plain words, 3.5% (ok)!', line: 'plain words, 3.5% (ok)!' },
    { text: 'a_b*c`d', inline: 'a\\_b\\*c\\`d', line: 'a\\_b\\*c\\`d' },
    { text: '[link](x)', inline: '\\[link\\](x)', line: '\\[link\\](x)' },
    { text: 'Q&A &amp; &#60;', inline: 'Q&A \\&amp; \\&\\#60;', line: 'Q&A \\&amp; \\&\\#60;' },
    { text: '# not a heading', inline: '\\# not a heading', line: '\\# not a heading' },
    { text: '> quote', inline: '\\> quote', line: '\\> quote' },
    { text: '+ item', inline: '+ item', line: '\\+ item' },
    { text: '1986. A year', inline: '1986. A year', line: '1986\\. A year' },
    { text: 'a | b ~~c~~', inline: 'a \\| b \\~\\~c\\~\\~', line: 'a \\| b \\~\\~c\\~\\~' },
  ])('$text', ({ text, inline, line }) => {
    expect(escapeMarkdown(text)).toBe(inline);
    expect(escapeMarkdownLine(text)).toBe(line);
  });
});
