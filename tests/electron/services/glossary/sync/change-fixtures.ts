/** Synthetic changes for transport tests (the transports only move them; the store merges them). */
import type { GlossaryChange } from '../../../../../shared/glossary/sync-types';

export function fakeChange(device: string, n: number, extra: Partial<GlossaryChange> = {}): GlossaryChange {
  const hlc = `${String(1_700_000_000_000 + n).padStart(13, '0')}-0000-${device}`;
  return {
    id: hlc,
    entryId: `entry-${n % 7}`,
    field: 'notes',
    oldValue: null,
    newValue: `note ${n} from ${device} — with ünïcode and a "quote"\nand a newline`,
    bases: [],
    author: `Author of ${device}`,
    device,
    hlc,
    ...extra,
  };
}

export function fakeChanges(device: string, from: number, count: number): GlossaryChange[] {
  return Array.from({ length: count }, (_, i) => fakeChange(device, from + i));
}
