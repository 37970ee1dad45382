/**
 * Export choices are remembered per document (the issue asks for it), in the page's own storage:
 * they are a preference of this person on this machine, not part of the transcript.
 */
import {
  DEFAULT_EXPORT_OPTIONS,
  EXPORT_FORMATS,
  TIMESTAMP_MODES,
  type ExportFormat,
  type ExportOptions,
} from '../../../shared/export/options';

export interface ExportPreferences {
  format: ExportFormat;
  options: ExportOptions;
}

const key = (documentId: string) => `glossa.export.${documentId}`;

export function loadExportPreferences(documentId: string): ExportPreferences {
  const fallback: ExportPreferences = { format: 'docx', options: DEFAULT_EXPORT_OPTIONS };
  try {
    const raw = localStorage.getItem(key(documentId));
    if (!raw) return fallback;
    const parsed = JSON.parse(raw) as Partial<ExportPreferences> & { options?: Partial<ExportOptions> };
    const options = { ...DEFAULT_EXPORT_OPTIONS, ...parsed.options };
    return {
      format: EXPORT_FORMATS.includes(parsed.format as ExportFormat)
        ? (parsed.format as ExportFormat)
        : fallback.format,
      options: {
        speakers: options.speakers !== false,
        timestamps: TIMESTAMP_MODES.includes(options.timestamps)
          ? options.timestamps
          : DEFAULT_EXPORT_OPTIONS.timestamps,
        metadataHeader: options.metadataHeader !== false,
        cleanVerbatim: options.cleanVerbatim === true,
        flaggedPassages: options.flaggedPassages === 'drop' ? 'drop' : 'include',
      },
    };
  } catch {
    // Storage unavailable or a damaged entry: the defaults will do.
    return fallback;
  }
}

export function saveExportPreferences(documentId: string, preferences: ExportPreferences): void {
  try {
    localStorage.setItem(key(documentId), JSON.stringify(preferences));
  } catch {
    // Not remembered this time; the export itself is unaffected.
  }
}
