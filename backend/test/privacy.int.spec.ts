import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import { Redis } from 'ioredis';
import { batchDone, postJson, startEpiboard } from './helpers/epiboard-process.js';

const PHONE_DIGITS = '987654321';
const PHONE_FORMS = ['+886 987-654-321', '0987654321', '0987 654 321'];
const APP_USER = 'taipeipass-user-secret-4711';
/** What must not appear anywhere: the digits in the spellings sent, and the app id. */
const NEEDLES = [PHONE_DIGITS, '987-654-321', '987 654 321', APP_USER];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every value of every key in Redis, as text. */
async function dumpRedis(url: string): Promise<string> {
  const redis = new Redis(url);
  const parts: string[] = [];
  for (const key of await redis.keys('*')) {
    const type = await redis.type(key);
    parts.push(key);
    if (type === 'string') parts.push((await redis.get(key)) ?? '');
    else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
    else if (type === 'list') parts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
    else if (type === 'set') parts.push(JSON.stringify(await redis.smembers(key)));
    else if (type === 'zset') parts.push(JSON.stringify(await redis.zrange(key, 0, -1)));
    else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
  }
  await redis.quit();
  return parts.join('\n');
}

describe('privacy: a phone number posted with a check-in leaves no trace', () => {
  it('is not in Redis, ClickHouse, the data folder or the logs, and the check-in still counts', async () => {
    // Embedded Redis, so its AOF lives in the data folder we search.
    const app = await startEpiboard({ REDIS_URL: undefined });
    let redisUrl = '';
    try {
      redisUrl = (await (await fetch(`${app.url}/api/health`)).json()).queue.replace('embedded redis-server at ', '');
      const venue = await postJson(`${app.url}/api/ingest/venues`, [{ code: '2770 2513 6512 291', name: '全家台中汝川店', category: '便利商店', district: '萬華區' }]);
      await batchDone(app.url, venue.json.batchId);

      const time = new Date(Date.now() - 60_000).toISOString();
      const posted = await postJson(`${app.url}/api/ingest/checkins`, [
        ...PHONE_FORMS.map((phone) => ({ venueCode: '277025136512291', time, channel: 'sms', phone, partySize: 2 })),
        { venueCode: '277025136512291', time, channel: 'app', appUserId: APP_USER, partySize: 3 },
        // Rejected at the edge and by the worker: the dead letters must be redacted too.
        { venueCode: 'nope', time, channel: 'sms', phone: PHONE_FORMS[0], partySize: 1 },
        { venueCode: '111121314151617', time, channel: 'sms', phone: PHONE_FORMS[1], partySize: 1 },
        { venueCode: '277025136512291', time, channel: 'sms', phone: PHONE_FORMS[1], partySize: 1, note: `call ${PHONE_FORMS[1]}` },
      ]);
      expect(posted.status).toBe(202);
      expect(JSON.stringify(posted.json)).not.toContain(PHONE_DIGITS);
      expect(await batchDone(app.url, posted.json.batchId)).toMatchObject({ accepted: 4, rejected: 3 });

      const rejected = await (await fetch(`${app.url}/api/ingest/batches/${posted.json.batchId}/rejected`)).json();
      expect(rejected.map((r: any) => r.reason).sort()).toEqual([
        'unknown field "note"',
        'unknown venue code 111121314151617 (register it with POST /api/ingest/venues first)',
        'venueCode must be a 15-digit 1922 venue code',
      ]);

      const overview = await (await fetch(`${app.url}/api/metrics/overview`)).json();
      const wanhua = overview.districts.find((d: any) => d.name === '萬華區');
      expect(wanhua.checkinsHourly.reduce((s: number, h: any) => s + h.checkins, 0)).toBe(4);
      expect(wanhua.checkinsHourly.reduce((s: number, h: any) => s + h.people, 0)).toBe(9);
      expect(wanhua).toMatchObject({ checkins: 4, people: 9 });

      const redisText = await dumpRedis(redisUrl);
      expect(redisText.length).toBeGreaterThan(100);
      for (const needle of NEEDLES) expect(redisText).not.toContain(needle);
    } finally {
      await app.stop();
    }

    // ClickHouse: every row of every table, read back with chDB once the server has let go.
    const client = createClient({ connection: createChdbConnection({ path: join(app.dataDir, 'clickhouse') }) as never });
    try {
      const tables = await (await client.query({ query: "SELECT name FROM system.tables WHERE database = 'default'", format: 'JSONEachRow' })).json<{ name: string }>();
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['checkins', 'ingest_dead_letter', 'cases', 'venues']));
      let allRows = '';
      for (const { name } of tables) allRows += await (await client.query({ query: `SELECT * FROM ${name}`, format: 'JSONEachRow' })).text();
      expect(allRows).toContain('277025136512291');
      for (const needle of NEEDLES) expect(allRows).not.toContain(needle);
    } finally {
      await client.close();
    }

    // The data folder, byte for byte (Redis AOF, chDB parts, secrets, the process log).
    const files = filesUnder(app.dataDir);
    expect(files.some((f) => f.endsWith('.aof'))).toBe(true);
    expect(files.some((f) => f.endsWith('process-output.log'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of NEEDLES) expect({ file, found: bytes.includes(Buffer.from(needle)) }).toEqual({ file, found: false });
    }
    for (const needle of NEEDLES) expect(app.output()).not.toContain(needle);
  }, 90_000);
});
