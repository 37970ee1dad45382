import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../../electron/services/export/export-service';
import { DEFAULT_EXPORT_OPTIONS, EXPORT_FORMATS, ExportError } from '../../../../shared/export/options';
import { importTranscript } from '../../../../shared/formats/index';

const TIMED_SRT = [
  '1',
  '00:00:01,000 --> 00:00:04,000',
  "I'm your host, Jacco Zwetsloot.",
  '',
  '2',
  '00:00:04,500 --> 00:00:09,000',
  'Today we talk about the Donbas.',
  '',
].join('\n');

const timed = () => importTranscript({ bytes: new TextEncoder().encode(TIMED_SRT), fileName: 'episode.srt' });

describe('exportDocument', () => {
  it.each(EXPORT_FORMATS)('hands %s to its exporter', async (format) => {
    const output = await exportDocument(format, {
      document: timed(),
      flags: [],
      options: DEFAULT_EXPORT_OPTIONS,
    });
    if (format === 'docx') {
      expect(output.content).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(output.content).subarray(0, 2).toString('latin1')).toBe('PK');
    } else {
      expect(typeof output.content).toBe('string');
      expect(output.content).toContain(format === 'md' ? 'Jacco Zwetsloot' : 'Zwetsloot');
    }
    expect(output.warnings).toEqual([]);
  });

  it('passes on the exporter refusing (subtitles without timings)', async () => {
    const document = importTranscript({
      bytes: new TextEncoder().encode('Just words.\n'),
      fileName: 'a.txt',
    });
    await expect(
      exportDocument('srt', { document, flags: [], options: DEFAULT_EXPORT_OPTIONS }),
    ).rejects.toBeInstanceOf(ExportError);
  });
});
