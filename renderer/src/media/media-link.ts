/**
 * A document's recording between the page and the workspace: on open, the linked file is checked
 * and attached (or reported missing, so the person can relink it); attaching a file links it for
 * good — by path in Electron, by upload in browser mode — and relinking replaces the link without
 * touching the transcript.
 */
import type { GlossaApi } from '../../../shared/api/contract';
import type { MediaStatus } from '../../../shared/media/media-types';
import { pathOfFile, playbackUrl, uploadRecording } from '../api/media-transfer';
import { Observable } from '../lib/observable';
import type { MediaController } from './media-controller';

export type MediaLinkState =
  | { state: 'loading' }
  | { state: 'none'; expected: string | null }
  | { state: 'ready'; name: string; path: string }
  | { state: 'missing'; name: string; path: string; reason: string }
  | { state: 'uploading'; name: string; fraction: number };

export class MediaLinker {
  readonly link = new Observable<MediaLinkState>({ state: 'loading' });
  /** The last failure to attach, in one line; cleared by the next attempt. */
  readonly problem = new Observable<string | null>(null);
  private generation = 0;

  constructor(
    private readonly api: GlossaApi,
    private readonly documentId: string,
    private readonly media: MediaController,
  ) {}

  /** Reads what the workspace has linked and attaches it (paused). */
  load(): Promise<void> {
    return this.relink(() => this.api.getMedia({ documentId: this.documentId }));
  }

  /** Links a file the person chose or dropped (and plays from it). */
  attachFile(file: File): Promise<void> {
    return this.relink(async (current) => {
      const path = pathOfFile(file);
      if (path !== null) return this.api.attachMedia({ documentId: this.documentId, path });
      this.link.set({ state: 'uploading', name: file.name, fraction: 0 });
      return uploadRecording(this.documentId, file, (fraction) => {
        if (current()) this.link.set({ state: 'uploading', name: file.name, fraction });
      });
    });
  }

  private chooser: (() => void) | null = null;

  /** The page's file input, for browsers (the bar provides it while it is shown). */
  provideChooser(open: () => void): () => void {
    this.chooser = open;
    return () => {
      if (this.chooser === open) this.chooser = null;
    };
  }

  /** Asks the person for a recording: the native dialog in Electron, the file input in a browser. */
  async choose(): Promise<void> {
    if (!(await this.chooseWithDialog())) this.chooser?.();
  }

  /** Electron: the native dialog; returns false where there is none (browser mode uses a file input). */
  private async chooseWithDialog(): Promise<boolean> {
    if (!window.glossa) return false;
    await this.relink(() => this.api.chooseMediaFile({ documentId: this.documentId }));
    return true;
  }

  /**
   * One attempt to link a recording: shows what it gives (null: the person cancelled), or its
   * failure with the link as it was before. A later attempt makes this one's answer stale
   * (`current` says whether it still counts).
   */
  private async relink(obtain: (current: () => boolean) => Promise<MediaStatus | null>): Promise<void> {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    const before = this.link.get();
    this.problem.set(null);
    try {
      const status = await obtain(current);
      if (status && current()) this.show(status);
    } catch (error) {
      if (current()) this.fail(error, before);
    }
  }

  /** Forgets the recording for this document. */
  async detach(): Promise<void> {
    ++this.generation;
    this.media.detach();
    this.problem.set(null);
    try {
      await this.api.detachMedia({ documentId: this.documentId });
      this.link.set({ state: 'none', expected: null });
    } catch (error) {
      this.fail(error, this.link.get());
    }
  }

  private show(status: MediaStatus): void {
    if (status.state === 'ready') {
      this.media.attach(playbackUrl(status.url), status.link.name);
      this.link.set({ state: 'ready', name: status.link.name, path: status.link.path });
    } else {
      this.media.detach();
      this.link.set(
        status.state === 'missing'
          ? { state: 'missing', name: status.link.name, path: status.link.path, reason: status.reason }
          : { state: 'none', expected: status.expected },
      );
    }
  }

  private fail(error: unknown, restore: MediaLinkState): void {
    this.link.set(
      restore.state === 'uploading' || restore.state === 'loading'
        ? { state: 'none', expected: null }
        : restore,
    );
    this.problem.set(error instanceof Error ? error.message : String(error));
  }
}
