/** What the autosave is doing, for the indicator in the toolbar. */
export type SaveStatus =
  | { state: 'saved'; at: string | null }
  | { state: 'unsaved' }
  | { state: 'saving' }
  | { state: 'failed'; message: string };

export function sameSaveStatus(a: SaveStatus, b: SaveStatus): boolean {
  if (a.state !== b.state) return false;
  if (a.state === 'failed' && b.state === 'failed') return a.message === b.message;
  return true;
}
