import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env['DUP_API_URL'] ?? 'http://127.0.0.1:3000';

/** The web app is built into dist/apps/web, which the API serves at `/`. */
export default defineConfig({
  root,
  plugins: [react()],
  // design-react-kit brings its own react-dom 18 (through react-toastify): one React in the bundle.
  resolve: { dedupe: ['react', 'react-dom', 'scheduler'] },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // The budget check reads which chunks the first screen loads.
    manifest: true,
    // Budgets are checked on gzipped sizes by scripts/compress-and-check-budget.mjs.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: { '/graphql': api, '/reports': api, '/health': api },
  },
});
