import type { TranscriptDocument } from '../../../shared/document/model';
import { countWords } from '../../../shared/document/plain-text';
import { countLabel, formatEpisodeDate, formatName } from '../lib/format';
import { CollapsibleText } from './CollapsibleText';

interface TranscriptMetadataProps {
  document: TranscriptDocument;
  titleId: string;
}

/** Title, show, date and description of a transcript, and the facts about its file. */
export function TranscriptMetadata({ document, titleId }: TranscriptMetadataProps) {
  const { metadata } = document;
  const title = metadata.title ?? metadata.sourceFile ?? 'Untitled transcript';
  const byline = [metadata.show, metadata.episodeDate && formatEpisodeDate(metadata.episodeDate)].filter(
    Boolean,
  );

  return (
    <header className="transcript-metadata">
      {byline.length > 0 && <p className="transcript-byline">{byline.join(' · ')}</p>}
      <h1 id={titleId} className="transcript-title" tabIndex={-1}>
        {title}
      </h1>
      {metadata.description && (
        <CollapsibleText className="transcript-description" text={metadata.description} />
      )}
      <dl className="transcript-facts">
        {metadata.sourceFile && (
          <div>
            <dt>File</dt>
            <dd>{metadata.sourceFile}</dd>
          </div>
        )}
        <div>
          <dt>Format</dt>
          <dd>{formatName(metadata.sourceFormat)}</dd>
        </div>
        <div>
          <dt>Length</dt>
          <dd>{countLabel(countWords(document), 'word')}</dd>
        </div>
      </dl>
    </header>
  );
}
