/**
 * Who a glossary's changes are recorded as: the author's name (given, set and kept, or the OS
 * user's) and the installation's device id, both kept by the change log's meta table.
 */
import os from 'node:os';
import type { Database } from '../../database/open-database';
import { GlossaryValidationError } from '../glossary-errors';
import { tidyLine } from '../glossary-text';
import { quote } from '../glossary-validation';
import { ChangeLog } from './change-log';

const MAX_AUTHOR_LENGTH = 200;

/** Opens the change log, storing a new device id when the file has none yet. */
export function openChangeLog(db: Database, identity: { device?: string; author?: string }): ChangeLog {
  // Not the store's writeTransaction: that needs the log this makes.
  return db
    .transaction(
      () => new ChangeLog(db, { device: identity.device, author: identity.author }, currentUserName()),
    )
    .immediate();
}

/** The name as setAuthor keeps it: one tidy line of 1 to 200 characters. */
export function checkAuthorName(name: string): string {
  const author = tidyLine(name);
  if (author === '' || author.length > MAX_AUTHOR_LENGTH || hasControlCharacter(author)) {
    throw new GlossaryValidationError(
      `The name ${quote(name)} must be one line of 1 to ${MAX_AUTHOR_LENGTH} characters`,
      'author',
    );
  }
  return author;
}

function currentUserName(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    // No passwd entry (some containers): still stamp something.
    return 'unknown';
  }
}

function hasControlCharacter(text: string): boolean {
  return [...text].some((char) => (char.codePointAt(0) ?? 0) < 0x20 || char === '\u007f');
}
