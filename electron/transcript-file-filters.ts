/** The open dialog's file filters: the formats shared/formats can read. */
export const TRANSCRIPT_FILE_FILTERS = [
  { name: 'Transcripts', extensions: ['txt', 'srt', 'vtt', 'json'] },
  { name: 'All files', extensions: ['*'] },
];
