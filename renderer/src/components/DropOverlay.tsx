import type { DragKind } from '../hooks/useFileDrop';

/** Shown while a file is dragged over the window; says what dropping it will do. */
export function DropOverlay({ kind, documentOpen }: { kind: DragKind; documentOpen: boolean }) {
  if (kind === 'media') {
    return (
      <div className="drop-overlay" aria-hidden="true" data-testid="drop-overlay">
        <div className="drop-overlay-box">
          {documentOpen ? (
            <>
              <p className="drop-overlay-title">Drop the recording to listen while correcting</p>
              <p className="drop-overlay-formats">It stays linked to this transcript</p>
            </>
          ) : (
            <>
              <p className="drop-overlay-title">Open a transcript first</p>
              <p className="drop-overlay-formats">then drop its recording on it to listen while correcting</p>
            </>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="drop-overlay" aria-hidden="true" data-testid="drop-overlay">
      <div className="drop-overlay-box">
        <p className="drop-overlay-title">Drop the transcript to open it</p>
        <p className="drop-overlay-formats">.txt · .srt · .vtt · .json</p>
        <p className="drop-overlay-formats">or drop a glossary (.csv) to import it</p>
        {documentOpen && <p className="drop-overlay-formats">or a recording (.mp3, .wav, .mp4…) to listen</p>}
      </div>
    </div>
  );
}
