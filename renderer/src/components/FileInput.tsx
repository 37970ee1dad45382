import type { Ref } from 'react';

interface FileInputProps {
  ref: Ref<HTMLInputElement>;
  /** The extensions offered in the file chooser, e.g. ['.csv', '.json']. */
  accept: readonly string[];
  /** Names the input for tests, e.g. "transcript-file-input". */
  testId: string;
  onFile: (file: File) => void;
}

/**
 * A hidden file input, clicked by a visible button where there is no native dialog (browser mode)
 * or no dialog of its own (glossary import). Not focusable itself: the button is the control.
 */
export function FileInput({ ref, accept, testId, onFile }: FileInputProps) {
  return (
    <input
      ref={ref}
      type="file"
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      accept={accept.join(',')}
      data-testid={testId}
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
