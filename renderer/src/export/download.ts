import type { ExportedFile, GlossaApi } from '../../../shared/api/contract';
/** Browser mode has no save dialog: the file goes to the browser's downloads. */
export function downloadFile(fileName: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart]));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Hands a made file to the person: the native save dialog where there is one (Electron), else a
 * download. Returns what to tell them ("Saved …" / "Downloaded …", with the maker's warnings), or
 * null when they cancelled the dialog.
 */
export async function deliverFile(
  api: Pick<GlossaApi, 'saveFileAs'>,
  file: ExportedFile,
  nativeSave: boolean,
): Promise<string | null> {
  const warnings = file.warnings.length > 0 ? ` ${file.warnings.join(' ')}` : '';
  if (nativeSave) {
    const saved = await api.saveFileAs({ fileName: file.fileName, bytes: new Uint8Array(file.bytes) });
    return saved ? `Saved ${saved.path}.${warnings}` : null;
  }
  downloadFile(file.fileName, file.bytes);
  return `Downloaded ${file.fileName}.${warnings}`;
}
