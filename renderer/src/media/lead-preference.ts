/**
 * How much of the recording plays before and after a suggestion's words (Alt+P, a card's Play):
 * a person's choice, kept in this browser's storage. Bad or missing values fall back to 1 s.
 */
export const LEAD_CHOICES_MS = [0, 500, 1000, 2000, 3000] as const;
export const DEFAULT_LEAD_MS = 1000;
const STORAGE_KEY = 'glossa.media.leadMs';

export function loadLeadMs(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): number {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    const value = stored == null || stored === '' ? NaN : Number(stored);
    return (LEAD_CHOICES_MS as readonly number[]).includes(value) ? value : DEFAULT_LEAD_MS;
  } catch {
    return DEFAULT_LEAD_MS; // storage can be unavailable (privacy settings); the default serves
  }
}

export function saveLeadMs(
  ms: number,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(STORAGE_KEY, String(ms));
  } catch {
    // Not remembered across sessions; the choice still applies now.
  }
}
