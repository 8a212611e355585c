import { benchLive, benchStartup } from './dashboard-latency.bench.js';
import { benchIngest } from './ingest.bench.js';
import { benchMetrics } from './metrics.bench.js';

/** `npm run bench -- <name>`: each benchmark prints its figures; nothing here asserts. */
const BENCHES: Record<string, () => Promise<void>> = {
  startup: benchStartup,
  live: () => benchLive(),
  ingest: benchIngest,
  metrics: benchMetrics,
};

const names = process.argv.slice(2);
if (names.length === 0 || names.some((n) => !(n in BENCHES))) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [...]`);
  process.exit(2);
}
for (const name of names) await BENCHES[name]!();
