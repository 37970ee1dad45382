import type { Ref } from 'react';
import { TRANSCRIPT_EXTENSIONS } from '../lib/format';

interface TranscriptFileInputProps {
  ref: Ref<HTMLInputElement>;
  onFile: (file: File) => void;
}

/** The hidden file input behind "Open transcript…" where there is no native dialog (browser mode). */
export function TranscriptFileInput({ ref, onFile }: TranscriptFileInputProps) {
  return (
    <input
      ref={ref}
      type="file"
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      accept={TRANSCRIPT_EXTENSIONS.join(',')}
      data-testid="transcript-file-input"
      onChange={(event) => {
        const input = event.currentTarget;
        const file = input.files?.[0];
        // Clear it so choosing the same file again still fires a change.
        input.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
