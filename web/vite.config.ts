import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The server serves web/dist under a strict CSP (script-src 'self'; style-src 'self'):
// everything must end up in files, nothing inline.
export default defineConfig({
  plugins: [svelte()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    cssCodeSplit: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: true,
    modulePreload: { polyfill: false },
  },
  server: {
    // During development, forward the API to a locally running `qorgau serve`.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
