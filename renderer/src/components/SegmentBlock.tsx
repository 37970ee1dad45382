import { memo } from 'react';
import type { Segment } from '../../../shared/document/model';
import { formatTimestamp, reasonName } from '../lib/format';
import type { Run } from '../lib/highlights';

interface SegmentBlockProps {
  segment: Segment;
  runs: Run[];
  /** Whether the document has speakers or times at all; if not, there is no gutter. */
  withGutter: boolean;
}

/** One segment, read-only: its speaker and start time in the gutter, its text with suggestions marked. */
export const SegmentBlock = memo(function SegmentBlock({ segment, runs, withGutter }: SegmentBlockProps) {
  return (
    <div className={withGutter ? 'segment has-gutter' : 'segment'} data-segment-id={segment.id}>
      {withGutter && (
        <div className="segment-gutter">
          {segment.speaker && <span className="segment-speaker">{segment.speaker}</span>}
          {segment.startMs !== undefined && (
            <span className="segment-time">{formatTimestamp(segment.startMs)}</span>
          )}
        </div>
      )}
      <p className="segment-text">
        {runs.map((run, index) =>
          run.kind === 'text' ? (
            run.text
          ) : (
            <mark
              key={index}
              className={`suggestion suggestion-${run.suggestion.reason}`}
              title={`${run.text} → ${run.suggestion.replacement} (${reasonName(run.suggestion.reason)})`}
            >
              {run.text}
            </mark>
          ),
        )}
      </p>
    </div>
  );
});
