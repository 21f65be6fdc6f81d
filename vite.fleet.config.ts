import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

/** The fleet console's page: a second, independent build (npm run fleet serves dist/fleet). */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer/fleet', import.meta.url)),
  base: './',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('./dist/fleet', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    assetsInlineLimit: 0,
  },
  server: { fs: { allow: ['../..'] } },
});
