import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../../electron/services/export/docx-export';
import type { TranscriptDocument } from '../../../../shared/document/model';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../../../shared/export/options';
import { importTranscript } from '../../../../shared/formats';
import type { DocumentFlag } from '../../../../shared/workspace/types';

const SEED = fileURLToPath(
  new URL('../../../../seeds/nk-news-2024-10-22-troops-ukraine.txt', import.meta.url),
);

const DOCUMENT: TranscriptDocument = {
  version: 1,
  metadata: {
    title: 'Troops & Ukraine',
    show: 'NK News Podcast',
    episodeDate: '2024-10-22',
    sourceFile: 'episode.srt',
    sourceFormat: 'srt',
    language: 'en-GB',
  },
  segments: [
    { id: 's1', speaker: 'Jacco', startMs: 0, endMs: 4_000, text: 'Welcome to the NK News podcast.' },
    { id: 's2', speaker: 'Jacco', startMs: 4_000, endMs: 9_000, text: 'I am joined by Anton Sokolin.' },
    {
      id: 's3',
      speaker: 'Anton',
      startMs: 65_000,
      endMs: 70_000,
      text: 'About 1,500 special forces were moved to Vladivostok <first>.',
    },
  ],
};

const FLAG: DocumentFlag = {
  id: 'f1',
  segmentId: 's3',
  start: 6,
  end: 26,
  quote: '1,500 special forces',
  comment: 'Check the number against the NIS briefing',
  createdAt: '2024-10-22T10:00:00.000Z',
  resolvedAt: null,
};

interface Parsed {
  files: string[];
  documentXml: string;
  commentsXml: string | undefined;
  /** The body's paragraphs: their XML and their text (w:t joined, w:br as a newline). */
  paragraphs: { xml: string; text: string }[];
}

async function exportAndParse(
  flags: DocumentFlag[],
  options: Partial<ExportOptions> = {},
  document: TranscriptDocument = DOCUMENT,
): Promise<Parsed & { warnings: string[] }> {
  const output = await exportDocx({ document, flags, options: { ...DEFAULT_EXPORT_OPTIONS, ...options } });
  expect(output.content).toBeInstanceOf(Uint8Array);
  const zip = await JSZip.loadAsync(output.content as Uint8Array);
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const commentsXml = await zip.file('word/comments.xml')?.async('string');
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(documentXml)?.[1] ?? '';
  const paragraphs = [...body.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((m) => ({
    xml: m[1] ?? '',
    text: textOf(m[1] ?? ''),
  }));
  return { files: Object.keys(zip.files), documentXml, commentsXml, paragraphs, warnings: output.warnings };
}

function textOf(xml: string): string {
  let text = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)) {
    text += m[1] === undefined ? '\n' : unescapeXml(m[1]);
  }
  return text;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The runs (w:r) of a paragraph whose text is `text`. */
function runsWithText(xml: string, text: string): string[] {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
    .map((m) => m[1] ?? '')
    .filter((run) => textOf(run) === text);
}

describe('exportDocx', () => {
  it('writes a valid .docx: a zip with [Content_Types].xml, the document and its comments', async () => {
    const parsed = await exportAndParse([FLAG]);
    expect(parsed.files).toContain('[Content_Types].xml');
    expect(parsed.files).toContain('word/document.xml');
    expect(parsed.files).toContain('word/comments.xml');
  });

  it('has the title, the metadata, and one paragraph per speaker turn holding the transcript text', async () => {
    const { paragraphs, documentXml } = await exportAndParse([FLAG], { timestamps: 'none' });
    const texts = paragraphs.map((p) => p.text).filter((t) => t !== '');
    expect(texts).toEqual([
      'Troops & Ukraine',
      'NK News Podcast',
      '2024-10-22',
      'Source: episode.srt',
      'Jacco\nWelcome to the NK News podcast. I am joined by Anton Sokolin.',
      'Anton\nAbout 1,500 special forces were moved to Vladivostok <first>.',
    ]);
    expect(paragraphs[0]?.xml).toMatch(/<w:pStyle w:val="Title"\/>/);
    expect(documentXml).not.toMatch(/r:id="rId\d+"[^>]*TargetMode="External"/);
  });

  it('puts the speaker names in bold runs and the text in runs that are not bold', async () => {
    const { paragraphs } = await exportAndParse([], { timestamps: 'none', metadataHeader: false });
    const jacco = paragraphs[0]!;
    const [speakerRun] = runsWithText(jacco.xml, 'Jacco');
    expect(speakerRun).toMatch(/<w:b\/>/);
    const [textRun] = runsWithText(jacco.xml, 'Welcome to the NK News podcast.');
    expect(textRun).toBeDefined();
    expect(textRun).not.toMatch(/<w:b\/>/);
  });

  it('leaves the speaker names out when asked', async () => {
    const { paragraphs } = await exportAndParse([], {
      timestamps: 'none',
      metadataHeader: false,
      speakers: false,
    });
    expect(paragraphs.map((p) => p.text)).toEqual([
      'Welcome to the NK News podcast. I am joined by Anton Sokolin.',
      'About 1,500 special forces were moved to Vladivostok <first>.',
    ]);
  });

  it('writes timestamps in a smaller, grey run: one per paragraph or one per segment', async () => {
    const perParagraph = await exportAndParse([], { metadataHeader: false, timestamps: 'paragraph' });
    expect(perParagraph.paragraphs.map((p) => p.text)).toEqual([
      'Jacco  0:00\nWelcome to the NK News podcast. I am joined by Anton Sokolin.',
      'Anton  1:05\nAbout 1,500 special forces were moved to Vladivostok <first>.',
    ]);
    const [timeRun] = runsWithText(perParagraph.paragraphs[1]!.xml, '  1:05');
    expect(timeRun).toMatch(/<w:color w:val="808080"\/>/);
    expect(timeRun).toMatch(/<w:sz w:val="18"\/>/);
    expect(timeRun).not.toMatch(/<w:b\/>/);

    const perSegment = await exportAndParse([], { metadataHeader: false, timestamps: 'segment' });
    expect(perSegment.paragraphs.map((p) => p.text)).toEqual([
      'Jacco\n[0:00] Welcome to the NK News podcast. [0:04] I am joined by Anton Sokolin.',
      'Anton\n[1:05] About 1,500 special forces were moved to Vladivostok <first>.',
    ]);
  });

  it('sets the document language from the metadata', async () => {
    const exported = await exportDocx({ document: DOCUMENT, flags: [], options: DEFAULT_EXPORT_OPTIONS });
    const zip = await JSZip.loadAsync(exported.content as Uint8Array);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"\/>[\s\S]*<\/w:docDefaults>/);
  });

  it('makes a flag a Word comment by Glossa whose range holds exactly the flagged words', async () => {
    const { commentsXml, paragraphs, warnings } = await exportAndParse([FLAG], { timestamps: 'none' });
    expect(commentsXml).toMatch(/<w:comment [^>]*w:id="0"[^>]*>/);
    expect(commentsXml).toMatch(/w:author="Glossa"/);
    expect(textOf(commentsXml ?? '')).toBe('Check the number against the NIS briefing');

    const anton = paragraphs.find((p) => p.text.startsWith('Anton'))!;
    const inside = /<w:commentRangeStart w:id="0"\/>([\s\S]*?)<w:commentRangeEnd w:id="0"\/>/.exec(anton.xml);
    expect(inside).not.toBeNull();
    expect(textOf(inside![1]!)).toBe('1,500 special forces');
    expect(anton.xml).toMatch(/<w:commentReference w:id="0"\/>/);
    expect(anton.text).toBe('Anton\nAbout 1,500 special forces were moved to Vladivostok <first>.');
    expect(warnings).toEqual(['1 flagged passage is still open']);
  });

  it('keeps overlapping flags as overlapping comments, each on its own words; a resolved one says so', async () => {
    const resolved: DocumentFlag = {
      ...FLAG,
      id: 'f2',
      start: 12,
      end: 37,
      quote: 'special forces were moved',
      comment: 'Moved or flown?',
      resolvedAt: '2024-10-23T08:00:00.000Z',
    };
    const { commentsXml, paragraphs } = await exportAndParse([resolved, FLAG], { timestamps: 'none' });
    const anton = paragraphs.find((p) => p.text.startsWith('Anton'))!;
    const range = (id: number): string =>
      textOf(
        new RegExp(`<w:commentRangeStart w:id="${id}"/>([\\s\\S]*?)<w:commentRangeEnd w:id="${id}"/>`).exec(
          anton.xml,
        )?.[1] ?? '',
      );
    expect(range(0)).toBe('1,500 special forces');
    expect(range(1)).toBe('special forces were moved');
    expect(anton.text).toBe('Anton\nAbout 1,500 special forces were moved to Vladivostok <first>.');
    expect(commentsXml).toContain('Resolved: Moved or flown?');
  });

  it("leaves a flagged passage and its comment out with flaggedPassages 'drop'", async () => {
    const { commentsXml, documentXml, paragraphs, warnings } = await exportAndParse([FLAG], {
      timestamps: 'none',
      flaggedPassages: 'drop',
    });
    const anton = paragraphs.find((p) => p.text.startsWith('Anton'))!;
    expect(anton.text).toBe('Anton\nAbout were moved to Vladivostok <first>.');
    expect(documentXml).not.toContain('special forces');
    expect(documentXml).not.toContain('commentRangeStart');
    expect(documentXml).not.toContain('commentReference');
    expect(commentsXml ?? '').not.toContain('NIS briefing');
    expect(warnings).toEqual(['1 flagged passage left out of the export']);
  });

  it('leaves out a paragraph whose only text is a dropped passage', async () => {
    const whole: DocumentFlag = { ...FLAG, start: 0, end: DOCUMENT.segments[2]!.text.length };
    const { paragraphs } = await exportAndParse([whole], {
      timestamps: 'none',
      metadataHeader: false,
      flaggedPassages: 'drop',
    });
    expect(paragraphs.map((p) => p.text)).toEqual([
      'Jacco\nWelcome to the NK News podcast. I am joined by Anton Sokolin.',
    ]);
  });

  it('cleans verbatim around a comment and keeps the comment on the flagged words', async () => {
    const text = 'So, um, the the troops, uh, crossed into Kursk.';
    const document: TranscriptDocument = {
      ...DOCUMENT,
      segments: [{ id: 's1', speaker: 'Anton', text }],
    };
    const flag: DocumentFlag = { ...FLAG, segmentId: 's1', start: 16, end: 22, quote: 'troops' };
    expect(text.slice(flag.start, flag.end)).toBe('troops');
    const { paragraphs } = await exportAndParse(
      [flag],
      { timestamps: 'none', metadataHeader: false, cleanVerbatim: true },
      document,
    );
    expect(paragraphs.map((p) => p.text)).toEqual(['Anton\nSo, the troops, crossed into Kursk.']);
    const inside = /<w:commentRangeStart w:id="0"\/>([\s\S]*?)<w:commentRangeEnd w:id="0"\/>/.exec(
      paragraphs[0]!.xml,
    );
    expect(textOf(inside?.[1] ?? '')).toBe('troops');
  });

  it('exports the seed transcript with every segment in it', async () => {
    const bytes = await readFile(SEED);
    const seed = importTranscript({ bytes, fileName: 'nk-news-2024-10-22-troops-ukraine.txt' });
    expect(seed.segments.length).toBeGreaterThan(10);
    const { paragraphs } = await exportAndParse([], { metadataHeader: false, speakers: false }, seed);
    const text = paragraphs.map((p) => p.text).join('\n');
    for (const segment of seed.segments) expect(text).toContain(segment.text);
    expect(paragraphs.length).toBeGreaterThan(0);

    const withHeader = await exportAndParse([], {}, seed);
    const allText = withHeader.paragraphs.map((p) => p.text).join('\n');
    for (const segment of seed.segments) expect(allText).toContain(segment.text);
  });
});
