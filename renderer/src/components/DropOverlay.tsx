/** Shown while a file is dragged over the window. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-box">
        <p className="drop-overlay-title">Drop the transcript to open it</p>
        <p className="drop-overlay-formats">.txt · .srt · .vtt · .json</p>
        <p className="drop-overlay-formats">or drop a glossary (.csv) to import it</p>
      </div>
    </div>
  );
}
