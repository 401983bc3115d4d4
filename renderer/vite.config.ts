import { defineConfig } from 'vite';

// The renderer, built once for both hosts: relative asset URLs work from the browser-mode host
// (http://127.0.0.1:PORT/) and from Electron's app protocol alike. Monaco's editor worker is a
// separate ES-module chunk built from `?worker` imports; no CDN, no eval.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    reportCompressedSize: false,
  },
  worker: { format: 'es' },
});
