/**
 * New entry ids: UUID version 7 (RFC 9562), a millisecond timestamp then random bits. Ids made
 * one after another sort together, so the id indexes of entries and of the change log grow at
 * their end instead of at random places: a 100k-row import stays fast once the indexes outgrow
 * SQLite's page cache. 74 random bits keep ids from different members apart.
 */
import { randomUUID } from 'node:crypto';

export function newEntryId(now: number = Date.now()): string {
  const time = now.toString(16).padStart(12, '0').slice(-12);
  // A v4 UUID supplies the random bits; its version nibble becomes 7, its variant bits stay.
  const random = randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
