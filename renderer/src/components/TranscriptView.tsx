import { useEffect, useMemo, useRef } from 'react';
import type { OpenedTranscript } from '../../../shared/api/contract';
import { segmentRuns } from '../lib/highlights';
import { SegmentBlock } from './SegmentBlock';
import { TranscriptMetadata } from './TranscriptMetadata';

interface TranscriptViewProps {
  transcript: OpenedTranscript;
}

/** A transcript, read-only: its metadata, then one block per segment. */
export function TranscriptView({ transcript }: TranscriptViewProps) {
  const { document, suggestions } = transcript;
  const runs = useMemo(() => segmentRuns(document, suggestions), [document, suggestions]);
  const withGutter = document.segments.some((s) => s.speaker !== undefined || s.startMs !== undefined);
  const articleRef = useRef<HTMLElement>(null);

  // A new document starts at its top, with focus on its title for keyboard and screen reader users.
  // New suggestions for the same document (a re-check) keep the reader's place and focus.
  useEffect(() => {
    window.scrollTo(0, 0);
    articleRef.current?.querySelector<HTMLElement>('#transcript-title')?.focus({ preventScroll: true });
  }, [document]);

  return (
    <article
      ref={articleRef}
      className={withGutter ? 'transcript has-gutter' : 'transcript'}
      aria-labelledby="transcript-title"
    >
      <TranscriptMetadata document={document} titleId="transcript-title" />
      <div className="transcript-segments">
        {document.segments.map((segment, index) => (
          <SegmentBlock key={segment.id} segment={segment} runs={runs[index] ?? []} withGutter={withGutter} />
        ))}
      </div>
    </article>
  );
}
