/** How flags read on screen and in labels. */

/** The API's limit on a comment's length. */
export const MAX_COMMENT = 20_000;

const QUOTE_LABEL_LENGTH = 40;
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The passage in curly quotes, shortened for buttons' labels and status messages. */
export function quoteLabel(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const short =
    flat.length > QUOTE_LABEL_LENGTH ? `${flat.slice(0, QUOTE_LABEL_LENGTH - 1).trimEnd()}…` : flat;
  return `“${short}”`;
}

/** An ISO time in the reader's own words; as given when it is not a time. */
export function formatFlagTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}

/** The dialog's quick choices: the usual reasons to flag a passage. */
export const QUICK_COMMENTS = ['Garbled speech', 'Claim to verify', 'Name to check'] as const;

/**
 * The comment after choosing a quick choice: the choice in front of what was typed ("Claim to
 * verify: the date"), replacing a choice made before. With nothing typed it ends in ": ", ready for
 * detail; commentToSave drops that ending again.
 */
export function withQuickComment(comment: string, choice: string): string {
  let rest = comment.trim();
  for (const known of QUICK_COMMENTS) {
    if (rest.toLowerCase().startsWith(known.toLowerCase())) {
      rest = rest
        .slice(known.length)
        .replace(/^\s*[:.\-–—]?\s*/u, '')
        .trim();
      break;
    }
  }
  return `${choice}: ${rest}`;
}

/** The comment as saved: trimmed, without the ":" a quick choice left with nothing after it. */
export function commentToSave(comment: string): string {
  const trimmed = comment.trim();
  const bare = trimmed.replace(/\s*:$/u, '');
  return QUICK_COMMENTS.some((choice) => choice === bare) ? bare : trimmed;
}
