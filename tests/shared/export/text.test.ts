/** Plain text export: header, speaker turns and the three timestamp modes. */
import { describe, expect, it } from 'vitest';
import type { ExportOptions } from '../../../shared/export/options';
import { exportText } from '../../../shared/export/text';
import { documentOf, flag, inputOf, INTERVIEW } from './text-export-fixtures';

const HEADER =
  'The <NIS> & "you"\nShow: Tech Talk\nDate: 2024-05-01\nSource: episode-12.srt\n\nA talk about things.\n\n';
const S1 = 'Welcome to <script>alert("x")</script> & more.';
const S2 = "It's *really* [1] #big_news.";

const CASES: Array<{ name: string; options: Partial<ExportOptions>; expected: string }> = [
  {
    name: 'defaults: header, speakers, a timestamp per paragraph',
    options: {},
    expected: `${HEADER}Anna [0:07]: ${S1} ${S2}\n\nBram [12:34]: Thanks, Anna.\n\nAnna [1:02:03]: - 1. Bye\n`,
  },
  {
    name: 'no header, no timestamps',
    options: { metadataHeader: false, timestamps: 'none' },
    expected: `Anna: ${S1} ${S2}\n\nBram: Thanks, Anna.\n\nAnna: - 1. Bye\n`,
  },
  {
    name: 'a timestamp per segment',
    options: { metadataHeader: false, timestamps: 'segment' },
    expected: `Anna: [0:07] ${S1} [0:12] ${S2}\n\nBram: [12:34] Thanks, Anna.\n\nAnna: [1:02:03] - 1. Bye\n`,
  },
  {
    name: 'no speaker names',
    options: { metadataHeader: false, speakers: false },
    expected: `[0:07] ${S1} ${S2}\n\n[12:34] Thanks, Anna.\n\n[1:02:03] - 1. Bye\n`,
  },
  {
    name: 'nothing but text',
    options: { metadataHeader: false, speakers: false, timestamps: 'none' },
    expected: `${S1} ${S2}\n\nThanks, Anna.\n\n- 1. Bye\n`,
  },
];

describe('exportText', () => {
  it.each(CASES)('$name', ({ options, expected }) => {
    const output = exportText(inputOf(INTERVIEW, options));
    expect(output.content).toBe(expected);
    expect(output.warnings).toEqual([]);
  });

  it('an untimed, speakerless document with only a title', () => {
    const doc = documentOf([{ text: 'One.\nStill one.' }, { text: 'Two.' }], { title: 'Notes' });
    expect(exportText(inputOf(doc)).content).toBe('Notes\n\nOne. Still one.\n\nTwo.\n');
  });

  it('drops flagged passages, cleans verbatim and warns', () => {
    const doc = documentOf([{ speaker: 'Anna', text: 'Um, the cost was 5 billion, I, I think.' }]);
    const output = exportText(
      inputOf(doc, { cleanVerbatim: true, flaggedPassages: 'drop' }, [flag('s1', 17, 26)]),
    );
    expect(output.content).toBe('Anna: The cost was, I think.\n');
    expect(output.warnings).toEqual(['1 flagged passage is still open; left out of this export']);
  });

  it('an empty document is an empty file', () => {
    expect(exportText(inputOf(documentOf([]))).content).toBe('');
  });
});
