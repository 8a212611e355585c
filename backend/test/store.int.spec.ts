import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClickHouseStore } from '../src/store/clickhouse-store.js';
import { applyMigrations } from '../src/store/migrations.js';

describe('ClickHouseStore on chDB', () => {
  it('a deduplication token given to one insert does not deduplicate the next inserts (chDB keeps per-query settings)', async () => {
    const store = await ClickHouseStore.open({ dataDir: mkdtempSync(join(tmpdir(), 'store-')) });
    try {
      await store.command('CREATE TABLE t (x UInt32) ENGINE = MergeTree ORDER BY x SETTINGS non_replicated_deduplication_window = 100');
      await store.insert('t', [{ x: 1 }], 'token-a');
      await store.insert('t', [{ x: 1 }], 'token-a');
      await store.insert('t', [{ x: 2 }]);
      await store.insert('t', [{ x: 3 }]);
      // Before the fix the token stayed in chDB's session and only [1] was kept.
      expect((await store.query<{ x: number }>('SELECT x FROM t ORDER BY x')).map((r) => r.x)).toEqual([1, 2, 3]);
    } finally {
      await store.close();
    }
  });

  it('a retried check-in insert (same token) counts once in the daily footfall and hourly roll-ups too, and a new batch still counts', async () => {
    const store = await ClickHouseStore.open({ dataDir: mkdtempSync(join(tmpdir(), 'store-')) });
    try {
      await applyMigrations(store);
      const row = (i: number) => ({ time: Date.now() - 3_600_000, venue_code: '277025136512291', district_code: '63000070', channel: 'sms', person_hash: `h${i}`, party_size: 2, dedup_key: `k${i}`, batch_id: 'b', ingested_at: Date.now() });
      await store.insert('checkins', [row(1), row(2), row(3)], 'batch-1:0');
      await store.insert('checkins', [row(1), row(2), row(3)], 'batch-1:0');
      await store.insert('checkins', [row(4), row(5)], 'batch-2:0');
      await store.insert('checkins', [row(6)]);
      const numbers = async (sql: string) => (await store.query<Record<string, string | number>>(sql)).map((r) => Object.values(r).map(Number));
      expect(await numbers('SELECT count() FROM checkins')).toEqual([[6]]);
      // Before the fix the view took the retried block again: 9 check-ins, 18 people.
      expect(await numbers('SELECT sum(checkins), sum(people) FROM checkins_daily')).toEqual([[6, 12]]);
      expect(await numbers('SELECT sum(checkins), sum(people) FROM checkins_hourly')).toEqual([[6, 12]]);
    } finally {
      await store.close();
    }
  });
});
