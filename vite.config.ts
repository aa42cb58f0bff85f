// Vite builds the web app (src/web) into dist/web, which the Harbor server serves.
// The server's Content-Security-Policy allows only same-origin scripts, styles, fonts and
// images (plus data: images), so nothing here may load from a CDN or inline a script.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));
const apiPort = process.env.HARBOR_API_PORT ?? process.env.PORT ?? '3000';

export default defineConfig({
  root: path.join(repoRoot, 'src/web'),
  base: '/',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    // Never inline assets as data: URLs: fonts as data: URLs would break the CSP (font-src 'self').
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev`: the API runs separately (on PORT, as scripts/dev.js starts it); forward /api to it.
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
});
