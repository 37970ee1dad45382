/** The start screen's list of workspace documents: title, last change, open suggestions. */
import { useState } from 'react';
import type { DocumentSummary } from '../../../shared/api/contract';
import { countLabel, formatName } from '../lib/format';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function RecentDocuments({
  documents,
  onOpen,
  onRemove,
  blocked,
}: {
  documents: readonly DocumentSummary[];
  onOpen: (document: DocumentSummary) => void;
  onRemove: (document: DocumentSummary) => void;
  blocked: boolean;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (documents.length === 0) return null;
  return (
    <section className="recent-documents" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent documents</h2>
      <ul>
        {documents.map((document) => (
          <li
            key={document.id}
            className="recent-document"
            data-testid="recent-document"
            data-title={document.title}
          >
            <button
              type="button"
              className="recent-document-open"
              aria-disabled={blocked}
              onClick={() => !blocked && onOpen(document)}
            >
              <span className="recent-document-title">{document.title}</span>
              <span className="recent-document-meta">
                {dateFormat.format(new Date(document.updatedAt))} · {formatName(document.sourceFormat)} ·{' '}
                {countLabel(document.wordCount, 'word')}
              </span>
              <span
                className={`recent-document-open-count${document.openSuggestionCount === 0 ? ' done' : ''}`}
                data-testid="recent-document-open-count"
              >
                {document.openSuggestionCount === 0
                  ? 'No open suggestions'
                  : `${countLabel(document.openSuggestionCount, 'open suggestion')}`}
              </span>
            </button>
            {confirming === document.id ? (
              <span className="recent-document-confirm">
                <button
                  type="button"
                  className="button button-quiet danger"
                  onClick={() => onRemove(document)}
                >
                  Remove for good
                </button>
                <button type="button" className="button button-quiet" onClick={() => setConfirming(null)}>
                  Keep
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Remove ${document.title} from the workspace`}
                onClick={() => setConfirming(document.id)}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
