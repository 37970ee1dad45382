/**
 * A transcript file read for export or a report: any format Glossa imports, with the fact-check
 * flags a Glossa JSON file carries (other formats have none).
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { importTranscriptWithFlags, type ImportedTranscript } from '../../../shared/formats/index';
import { readTranscriptFile } from '../transcript-files';

export async function readTranscriptWithFlags(path: string): Promise<ImportedTranscript> {
  // readTranscriptFile checks the file (size, folder, permissions) and names it in its errors.
  const document = await readTranscriptFile(path);
  if (extname(path).toLowerCase() !== '.json') return { document, flags: [] };
  const { flags } = importTranscriptWithFlags({ bytes: await readFile(path), fileName: basename(path) });
  return { document, flags };
}
