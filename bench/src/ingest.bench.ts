import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentifierHasher, parseCheckins, seededRandom, simulateVenues } from '@epiboard/pipelines';
import { ClickHouseStore } from '../../backend/dist/store/clickhouse-store.js';
import { applyMigrations } from '../../backend/dist/store/migrations.js';
import { startProduct } from './harness.js';

/**
 * `npm run bench -- ingest`: check-ins per second from HTTP POST until the rows are queryable
 * (every batch `done`: its insert has returned), on the embedded default (chDB + its own Redis),
 * for 100, 1,000 and 10,000 rows per request; then the ceiling: the same rows, already hashed,
 * inserted straight into chDB by one process.
 */
const VENUES = simulateVenues(2000, 7);
const CLIENTS = 4;

function checkins(count: number, seed: number): unknown[] {
  const random = seededRandom(seed);
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const venue = VENUES[Math.floor(random() * VENUES.length)]!;
    const time = new Date(now - Math.floor(random() * 6 * 3_600_000)).toISOString();
    return random() < 0.35
      ? { venueCode: venue.code, time, channel: 'sms', phone: `09${String(10_000_000 + ((seed * 7919 + i) % 90_000_000)).slice(-8)}`, partySize: 1 + (random() < 0.2 ? 1 : 0) }
      : { venueCode: venue.code, time, channel: 'app', appUserId: `bench-${seed}-${i}`, partySize: 1 + (random() < 0.25 ? 2 : 0) };
  });
}

async function waitDone(base: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    for (;;) {
      const s = (await (await fetch(`${base}/api/ingest/batches/${id}`)).json()) as { state: string; error?: string };
      if (s.state === 'done') break;
      if (s.state === 'failed') throw new Error(`batch ${id} failed: ${s.error}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

export async function benchIngest(): Promise<void> {
  const app = await startProduct(['node', 'backend/dist/main.js'], { DEMO: 'off', REDIS_URL: '', INGEST_MAX_QUEUE_DEPTH: '100000' });
  const results: Array<{ size: number; rows: number; seconds: number; rate: number }> = [];
  try {
    const venueRes = await fetch(`${app.url}/api/ingest/venues`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(VENUES) });
    await waitDone(app.url, [((await venueRes.json()) as { batchId: string }).batchId]);

    for (const [size, total] of [[100, 20_000], [1000, 100_000], [10_000, 400_000]] as const) {
      const bodies = Array.from({ length: total / size }, (_, b) => JSON.stringify(checkins(size, size * 1000 + b)));
      const started = performance.now();
      const ids: string[] = [];
      let next = 0;
      // A few clients posting at once, as feeds do.
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (next < bodies.length) {
            const body = bodies[next++]!;
            for (;;) {
              const res = await fetch(`${app.url}/api/ingest/checkins`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
              if (res.status === 202) {
                ids.push(((await res.json()) as { batchId: string }).batchId);
                break;
              }
              if (res.status !== 429) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
              await new Promise((r) => setTimeout(r, 50));
            }
          }
        }),
      );
      await waitDone(app.url, ids);
      const seconds = (performance.now() - started) / 1000;
      results.push({ size, rows: total, seconds, rate: total / seconds });
      console.log(`ingest: ${String(size).padStart(6)} rows/request: ${total} check-ins in ${seconds.toFixed(2)} s = ${Math.round(total / seconds)} checkins/s end-to-end`);
    }
  } finally {
    await app.stop();
  }

  const ceiling = await ceilingRate(400_000, 10_000);
  console.log(`ingest: ceiling: the same rows, already hashed, inserted straight into chDB by one process, 10,000 per insert: ${Math.round(ceiling)} checkins/s`);
  const best = Math.max(...results.map((r) => r.rate));
  console.log(`ingest: ${Math.round(best)} checkins/s end-to-end, ceiling ${Math.round(ceiling)}/s, ratio ${(best / ceiling).toFixed(2)}`);
}

/** Rows in the stored shape (hashed, district resolved), inserted into a fresh chDB. */
async function ceilingRate(total: number, perInsert: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'epiboard-ceiling-'));
  const store = await ClickHouseStore.open({ dataDir: dir });
  try {
    await applyMigrations(store);
    const hasher = new IdentifierHasher(Buffer.alloc(32, 1));
    const district = new Map(VENUES.map((v, i) => [v.code, `630000${String(10 + (i % 12) * 10).padStart(2, '0')}`]));
    const blocks = Array.from({ length: total / perInsert }, (_, b) =>
      parseCheckins(checkins(perInsert, 99_000 + b), hasher, Date.now(), true).rows.map((r) => ({
        time: r.time, venue_code: r.venueCode, district_code: district.get(r.venueCode)!, channel: r.channel, person_hash: r.personHash, party_size: r.partySize, dedup_key: `batch:ceiling-${b}:${r.item}`, batch_id: 'ceiling', ingested_at: Date.now(),
      })),
    );
    // Only the inserts are timed: rows are generated and hashed beforehand.
    const started = performance.now();
    for (const block of blocks) await store.insert('checkins', block);
    return total / ((performance.now() - started) / 1000);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
