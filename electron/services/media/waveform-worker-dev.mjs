// Runs waveform-worker.ts from source (tsx, vitest): a worker thread does not inherit its parent's
// TypeScript loader, so it registers tsx's own before loading the worker. Built apps load the
// bundled dist/electron/waveform-worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./waveform-worker.ts');
