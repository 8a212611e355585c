import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import { Redis } from 'ioredis';
import { REPO_ROOT, TEST_REDIS_URL } from './helpers/epiboard-process.js';

/**
 * Runs after every other suite (jest.sequencer.js): every phone number any test sent must be
 * absent from Redis, from every data folder this run made (ClickHouse rows read back, Redis AOF,
 * files byte for byte) and from every server log.
 */
const RUN_STARTED = Number(process.env.EPIBOARD_TEST_RUN_STARTED ?? 0);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    return !stat ? [] : stat.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Taiwanese mobile numbers written in the tests' sources, in any spelling, as their 9-digit national part. */
function phonesUsedInTests(): string[] {
  const sources = [...filesUnder(join(REPO_ROOT, 'backend/test')), ...filesUnder(join(REPO_ROOT, 'pipelines/src')).filter((f) => f.endsWith('.spec.ts'))];
  const found = new Set<string>();
  for (const file of sources) {
    if (file.includes('privacy-sweep')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:\+?886[\s-]?0?|0)(9\d{2})[\s-]?(\d{3})[\s-]?(\d{3})(?!\d)/g)) found.add(m[1]! + m[2]! + m[3]!);
  }
  return [...found];
}

/** The spellings a stored number could take: bare, dashed, spaced. */
const spellings = (national: string) => [national, `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`, `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`];

function testServersStillRunning(): number {
  try {
    return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes('backend/dist/main.js') && !l.includes('ps -eo')).length;
  } catch {
    return 0;
  }
}

describe('privacy sweep after the whole suite', () => {
  const phones = phonesUsedInTests();
  const needles = phones.flatMap(spellings);
  const dataDirs = readdirSync(tmpdir())
    .filter((name) => name.startsWith('epiboard-test-'))
    .map((name) => join(tmpdir(), name))
    .filter((dir) => statSync(dir).mtimeMs >= RUN_STARTED - 1000);

  beforeAll(async () => {
    // Other workers may still be stopping their servers.
    for (let i = 0; i < 300 && testServersStillRunning() > 0; i++) await new Promise((r) => setTimeout(r, 100));
  }, 60_000);

  it('knows what to look for', () => {
    expect(phones.length).toBeGreaterThanOrEqual(5);
    expect(phones).toContain('987654321');
  });

  it('no test phone number is in any data folder or server log of this run, byte for byte', () => {
    let files = 0;
    for (const dir of dataDirs) {
      for (const file of filesUnder(dir)) {
        files++;
        const bytes = readFileSync(file);
        const hit = needles.find((n) => bytes.includes(Buffer.from(n)));
        expect({ file, hit }).toEqual({ file, hit: undefined });
      }
    }
    // Only meaningful when the other suites ran in this run.
    if (dataDirs.length > 0) expect(files).toBeGreaterThan(dataDirs.length);
  });

  it('no test phone number is in any ClickHouse row of any data folder of this run', async () => {
    for (const dir of dataDirs) {
      const path = join(dir, 'clickhouse');
      if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) continue;
      const client = createClient({ connection: createChdbConnection({ path }) as never });
      try {
        const tables = await (await client.query({ query: "SELECT name FROM system.tables WHERE database = 'default'", format: 'JSONEachRow' })).json<{ name: string }>();
        for (const { name } of tables) {
          const text = await (await client.query({ query: `SELECT * FROM ${name}`, format: 'JSONEachRow' })).text();
          const hit = needles.find((n) => text.includes(n));
          expect({ dir, table: name, hit }).toEqual({ dir, table: name, hit: undefined });
        }
      } finally {
        await client.close();
      }
    }
  }, 300_000);

  it('no test phone number is in the shared Redis', async () => {
    if (!TEST_REDIS_URL) return; // each server had its own Redis, whose AOF the folder sweep read
    const redis = new Redis(TEST_REDIS_URL);
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
        cursor = next;
        for (const key of keys) {
          // Values as Redis gives them back (DUMP would be compressed and could hide a number).
          const type = await redis.type(key);
          const value =
            type === 'string' ? await redis.get(key)
            : type === 'hash' ? JSON.stringify(await redis.hgetall(key))
            : type === 'list' ? JSON.stringify(await redis.lrange(key, 0, -1))
            : type === 'set' ? JSON.stringify(await redis.smembers(key))
            : type === 'zset' ? JSON.stringify(await redis.zrange(key, 0, -1))
            : type === 'stream' ? JSON.stringify(await redis.xrange(key, '-', '+'))
            : '';
          const hit = needles.find((n) => key.includes(n) || (value ?? '').includes(n));
          expect({ key, hit }).toEqual({ key, hit: undefined });
        }
      } while (cursor !== '0');
    } finally {
      await redis.quit();
    }
  }, 120_000);
});
