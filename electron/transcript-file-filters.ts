import { MEDIA_EXTENSIONS } from '../shared/media/media-types';

/** The open dialog's file filters: the formats shared/formats can read. */
export const TRANSCRIPT_FILE_FILTERS = [
  { name: 'Transcripts', extensions: ['txt', 'srt', 'vtt', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

/** The recording dialog's filters: what the media element can play. */
export const MEDIA_FILE_FILTERS = [
  { name: 'Audio and video', extensions: MEDIA_EXTENSIONS.map((extension) => extension.slice(1)) },
  { name: 'All files', extensions: ['*'] },
];
