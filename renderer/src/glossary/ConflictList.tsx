import { useId, useState } from 'react';
import type { ConflictResolution, GlossaryConflict } from '../../../shared/glossary/sync-types';
import { conflictCountText, conflictTitle, conflictValueText, shortDate } from './team-values';

interface ConflictListProps {
  conflicts: GlossaryConflict[];
  /** Resolves when the conflict is settled; rejects with the reason shown beside it. */
  onResolve: (conflict: GlossaryConflict, resolution: ConflictResolution) => Promise<void>;
}

/**
 * The team's open conflicts, at the top of the glossary panel until someone settles them: each
 * value with who set it and when (the one shown now is marked), and a button per way out.
 */
export function ConflictList({ conflicts, onResolve }: ConflictListProps) {
  const headingId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ id: string; text: string } | null>(null);
  if (conflicts.length === 0) return null;

  const resolve = async (conflict: GlossaryConflict, resolution: ConflictResolution) => {
    if (busy) return;
    setBusy(conflict.id);
    setFailure(null);
    try {
      await onResolve(conflict, resolution);
    } catch (caught) {
      setFailure({ id: conflict.id, text: caught instanceof Error ? caught.message : String(caught) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="team-conflicts" aria-labelledby={headingId} data-testid="team-conflicts">
      <h3 className="team-conflicts-title" id={headingId}>
        {conflictCountText(conflicts.length)}
      </h3>
      <ul className="team-conflicts-list" role="list">
        {conflicts.map((conflict) => (
          <li
            key={conflict.id}
            className="team-conflict"
            data-testid="team-conflict"
            data-conflict-id={conflict.id}
            data-kind={conflict.kind}
          >
            <p className="team-conflict-title">{conflictTitle(conflict)}</p>
            <ul className="team-conflict-values" role="list">
              {conflict.values.map((value) => (
                <li key={value.changeId} className="team-conflict-value" data-testid="team-conflict-value">
                  <span className="team-conflict-value-text">{conflictValueText(conflict, value)}</span>{' '}
                  <span className="team-conflict-who">
                    by {value.author}, {shortDate(value.at)}
                    {value.changeId === conflict.winner ? ' (shown now)' : ''}
                  </span>
                  {conflict.kind === 'field' && (
                    <button
                      type="button"
                      className="button button-quiet glossary-panel-small-button"
                      disabled={busy !== null}
                      onClick={() => void resolve(conflict, { keep: value.changeId })}
                      aria-label={`Keep ${conflictValueText(conflict, value)} by ${value.author}`}
                      data-testid="team-conflict-keep"
                    >
                      Keep this
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {conflict.kind === 'delete-edit' && (
              <div className="team-conflict-actions">
                <button
                  type="button"
                  className="button button-quiet glossary-panel-small-button glossary-panel-danger"
                  disabled={busy !== null}
                  onClick={() => void resolve(conflict, { deleteEntry: true })}
                  aria-label={`Delete “${conflict.term}” after all`}
                  data-testid="team-conflict-delete"
                >
                  Delete
                </button>
                <button
                  type="button"
                  className="button button-secondary glossary-panel-small-button"
                  disabled={busy !== null}
                  onClick={() => void resolve(conflict, { deleteEntry: false })}
                  aria-label={`Keep “${conflict.term}”`}
                  data-testid="team-conflict-keep-entry"
                >
                  Keep
                </button>
              </div>
            )}
            {conflict.kind === 'duplicate-term' && (
              <div className="team-conflict-actions">
                {conflict.values.map((value, index) => {
                  const into = duplicateTarget(conflict, index);
                  return (
                    into && (
                      <button
                        key={value.changeId}
                        type="button"
                        className="button button-secondary glossary-panel-small-button"
                        disabled={busy !== null}
                        onClick={() => void resolve(conflict, { mergeInto: into })}
                        data-testid="team-conflict-merge"
                      >
                        Merge into {value.author}’s
                      </button>
                    )
                  );
                })}
              </div>
            )}
            {failure?.id === conflict.id && (
              <p className="team-conflict-error" role="alert">
                {failure.text}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The entry a duplicate-term conflict's value stands for: the store lists the suggested keeper
 * (otherEntryId, created first) first and the later entry (entryId) second.
 */
function duplicateTarget(conflict: GlossaryConflict, index: number): string | undefined {
  if (index === 0) return conflict.otherEntryId;
  if (index === 1) return conflict.entryId;
  return undefined;
}
