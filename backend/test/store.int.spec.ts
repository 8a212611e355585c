import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClickHouseStore } from '../src/store/clickhouse-store.js';

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
});
