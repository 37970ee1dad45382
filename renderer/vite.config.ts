/**
 * Builds the renderer into dist/renderer. `base: './'` makes every asset URL relative, so the same
 * build loads over HTTP (browser mode) and from Electron's custom protocol.
 * Type-checked by tsconfig.node.json (it runs in Node), not by the DOM-only renderer project.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // One bundle (React, Lexical, the app: ~570 kB) read from local disk or 127.0.0.1; splitting it
    // would buy nothing, so the warning is set above its size.
    chunkSizeWarningLimit: 1024,
  },
});
