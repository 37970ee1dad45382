/** IPC channel names, one per API call; shared by the preload and the main process. */
export const API_CALLS = [
  'getAppInfo',
  'openTranscriptDialog',
  'importTranscript',
  'importGlossary',
  'listDocuments',
  'openDocument',
  'saveDocument',
  'saveDocumentChanges',
  'deleteDocument',
  'exportDocument',
  'exportCorrectionsReport',
  'saveFileAs',
  'checkTranscript',
  'checkSegments',
  'listGlossary',
  'searchGlossary',
  'getGlossaryEntries',
  'addGlossaryEntry',
  'updateGlossaryEntry',
  'deleteGlossaryEntry',
  'restoreGlossaryEntry',
  'recordDecision',
  'exportGlossary',
  'getTeamSync',
  'configureTeamSync',
  'syncGlossaryNow',
  'listGlossaryConflicts',
  'resolveGlossaryConflict',
  'getGlossaryHistory',
  'setGlossaryVerified',
  'getMedia',
  'attachMedia',
  'chooseMediaFile',
  'detachMedia',
  'getWaveform',
] as const;

export type ApiChannelCall = (typeof API_CALLS)[number];

export function apiChannel(name: ApiChannelCall): string {
  return `glossa:${name}`;
}
