import { useEffect, useEffectEvent, useState } from 'react';

/** What is being dragged over the window: a recording (audio/video) or any other file. */
export type DragKind = 'media' | 'file';

/**
 * Accepts a file dropped anywhere on the window. Returns what is being dragged over the window
 * (null when nothing), for a visible drop state that says what dropping will do. Listeners are
 * removed on unmount.
 */
export function useFileDrop(onFile: (file: File) => void): DragKind | null {
  const [dragging, setDragging] = useState<DragKind | null>(null);
  const handleFile = useEffectEvent(onFile);

  useEffect(() => {
    // dragenter/dragleave fire for every child element crossed; count them to know when we leave.
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

    const onDragEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth++;
      // Names are hidden until the drop, but the items' types are known (empty for unknown types).
      const types = [...(event.dataTransfer?.items ?? [])].map((item) => item.type);
      const media = types.length > 0 && types.every((type) => /^(audio|video)\//.test(type));
      setDragging(media ? 'media' : 'file');
    };
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDragLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(null);
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(null);
      const file = event.dataTransfer?.files[0];
      if (file) handleFile(file);
    };

    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return dragging;
}
