// Vite builds the web app (src/web) into dist/web, which the Harbor server serves.
// The server's Content-Security-Policy allows only same-origin scripts, styles, fonts and
// images (plus data: images), so nothing here may load from a CDN or inline a script.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.js';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));
const apiPort = process.env.HARBOR_API_PORT ?? process.env.PORT ?? '3000';

export default defineConfig({
  root: path.join(repoRoot, 'src/web'),
  base: '/',
  publicDir: false,
  // precompress: .br and .gz next to each text file, which the server sends as they are.
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    // Never inline assets as data: URLs: fonts as data: URLs would break the CSP (font-src 'self').
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Each page is its own chunk (src/web/App.tsx). The libraries every page needs get chunks
        // of their own, named after them: they change less often than Harbor's code, so a
        // release mostly leaves them in the browser's cache (hashed, immutable).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'uswds', test: /node_modules[\\/](@trussworks|focus-trap|focus-trap-react|tabbable)[\\/]/ },
            { name: 'i18next', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
            // Harbor's own small building blocks that several pages share: one chunk rather than
            // dozens of sub-kilobyte ones, each a round trip on a phone.
            {
              name: 'common',
              test: /src[\\/]web[\\/](components|lib)[\\/]/,
              minShareCount: 2,
            },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev`: the API runs separately (on PORT, as scripts/dev.js starts it); forward /api to it.
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
});
