import { describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_MS, loadLeadMs, saveLeadMs } from '../../../renderer/src/media/lead-preference';

/** A real in-memory Storage (the browser's is not there in Node). */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('the lead-in around a played suggestion', () => {
  it('is 1 s until chosen, then what was chosen', () => {
    const storage = memoryStorage();
    expect(loadLeadMs(storage)).toBe(DEFAULT_LEAD_MS);
    saveLeadMs(0, storage);
    expect(loadLeadMs(storage)).toBe(0);
    saveLeadMs(3000, storage);
    expect(loadLeadMs(storage)).toBe(3000);
  });

  it.each(['', 'abc', '250', '-1000', '1e9'])('ignores a stored %j', (stored) => {
    const storage = memoryStorage();
    storage.setItem('glossa.media.leadMs', stored);
    expect(loadLeadMs(storage)).toBe(DEFAULT_LEAD_MS);
  });

  it('falls back when storage throws (blocked by privacy settings)', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadLeadMs(blocked)).toBe(DEFAULT_LEAD_MS);
    expect(() => saveLeadMs(2000, blocked)).not.toThrow();
  });
});
