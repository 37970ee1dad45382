/**
 * "Replace all…": every change the replacement would make, each with a ticked checkbox, and one
 * button that makes the ticked ones in one undo step. Long lists are shown a page at a time (rows
 * not shown yet stay ticked), so a search with thousands of matches opens at once.
 */
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type JSX } from 'react';
import type { FindMatch } from '../../../shared/document/find-replace';
import { previewRows, type PreviewRow, type PreviewSegment } from './preview-rows';

export interface ReplacePreviewProps {
  id: string;
  matches: readonly FindMatch[];
  segments: ReadonlyMap<string, PreviewSegment>;
  onApply: (chosen: FindMatch[]) => void;
  onCancel: () => void;
}

/** Rows shown at first, and added by each "Show more". */
export const PREVIEW_PAGE = 200;

const NONE: ReadonlySet<string> = new Set();
const format = (n: number) => n.toLocaleString('en');

export function ReplacePreview({
  id,
  matches,
  segments,
  onApply,
  onCancel,
}: ReplacePreviewProps): JSX.Element {
  const rows = useMemo(() => previewRows(matches, segments), [matches, segments]);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(NONE);
  const [shown, setShown] = useState(PREVIEW_PAGE);
  const chosen = rows.filter((row) => !unticked.has(row.key));
  const headingId = useId();
  const applyRef = useRef<HTMLButtonElement>(null);

  useEffect(() => applyRef.current?.focus(), []);

  const toggle = useCallback(
    (key: string, ticked: boolean) =>
      setUnticked((now) => {
        const next = new Set(now);
        if (ticked) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );

  const apply = () => {
    if (chosen.length > 0) onApply(chosen.map((row) => row.match));
  };

  const hidden = rows.length - Math.min(shown, rows.length);

  return (
    <section id={id} className="find-preview" aria-labelledby={headingId}>
      <div className="find-preview-head">
        <h2 id={headingId} className="find-preview-title">
          {rows.length === 0 ? 'Nothing to replace' : `${changes(rows.length)} to make`}
        </h2>
        <button
          ref={applyRef}
          type="button"
          className="button button-primary find-button"
          aria-disabled={chosen.length === 0}
          onClick={apply}
          data-testid="find-apply"
        >
          Replace {format(chosen.length)} selected
        </button>
        <button
          type="button"
          className="button button-secondary find-button"
          onClick={() => setUnticked(NONE)}
          disabled={rows.length === 0}
        >
          Tick all
        </button>
        <button
          type="button"
          className="button button-secondary find-button"
          onClick={() => setUnticked(new Set(rows.map((row) => row.key)))}
          disabled={rows.length === 0}
        >
          Untick all
        </button>
        <button type="button" className="button button-secondary find-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ul className="find-preview-list" aria-labelledby={headingId} data-testid="find-preview">
        {rows.slice(0, shown).map((row) => (
          <PreviewItem key={row.key} row={row} ticked={!unticked.has(row.key)} onToggle={toggle} />
        ))}
      </ul>
      {hidden > 0 && (
        <p className="find-preview-more">
          {format(hidden)} more not listed here (ticked unless you untick them all).{' '}
          <button
            type="button"
            className="button button-secondary find-button"
            onClick={() => setShown((n) => n + PREVIEW_PAGE)}
            data-testid="find-preview-more"
          >
            Show {format(Math.min(PREVIEW_PAGE, hidden))} more
          </button>
        </p>
      )}
    </section>
  );
}

const PreviewItem = memo(function PreviewItem({
  row,
  ticked,
  onToggle,
}: {
  row: PreviewRow;
  ticked: boolean;
  onToggle: (key: string, ticked: boolean) => void;
}): JSX.Element {
  return (
    <li className="find-preview-item" data-testid="find-preview-item">
      <label className="find-preview-label">
        <input
          type="checkbox"
          className="find-preview-check"
          checked={ticked}
          onChange={(event) => onToggle(row.key, event.target.checked)}
        />
        <span className="find-preview-where">{row.where}</span>
        <span className="find-preview-text">
          {row.before}
          <del className="find-preview-old">
            <span className="visually-hidden">replace </span>
            {row.match.text}
          </del>
          <span className="find-preview-arrow" aria-hidden="true">
            →
          </span>
          <ins className="find-preview-new">
            <span className="visually-hidden"> with </span>
            {row.match.replacement === '' ? <em>nothing</em> : row.match.replacement}
          </ins>
          {row.after}
        </span>
      </label>
    </li>
  );
});

function changes(count: number): string {
  return count === 1 ? '1 change' : `${format(count)} changes`;
}
