import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { batchDone, eventually, postCsv, postJson, REAL_DATA, startEpiboard, type RunningEpiboard } from './helpers/epiboard-process.js';
import { registerVenues, scans, venueStats, VENUE_A } from './helpers/feeds.js';

/** Posts until the service takes it (retrying 429/503 as told), returning the batch id. */
async function postUntilAccepted(url: string, body: unknown, headers: Record<string, string> = {}): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).catch(() => undefined);
    if (res?.status === 202) return (await res.json()).batchId;
    if (res && res.status !== 503 && res.status !== 429) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('never accepted');
}

describe('duplicates count once', () => {
  let app: RunningEpiboard;
  beforeAll(async () => {
    app = await startEpiboard();
    await registerVenues(app.url);
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('the same SMS delivered twice, in one request or two, counts once', async () => {
    const now = Date.now();
    const sms = (id: string, phone: string, body: string, at = now - 60_000) => ({ messageId: id, from: phone, receivedAt: new Date(at).toISOString(), body });
    const first = await postJson(`${app.url}/api/ingest/sms`, [
      sms('m-1', '0911000001', '場所代碼：2770 2513 6512 291\n本次簡訊實聯限防疫目的使用。'),
      sms('m-2', '0911000002', '場所代碼：277025136512291 +2 本次實聯簡訊限防疫目的使用。'),
      sms('m-2', '0911000002', '場所代碼：277025136512291 +2 本次實聯簡訊限防疫目的使用。'),
    ]);
    expect(await batchDone(app.url, first.json.batchId)).toMatchObject({ accepted: 3, rejected: 0, duplicates: 1 });
    // The carrier redelivers m-1 a minute later: same message id, later receivedAt.
    const again = await postJson(`${app.url}/api/ingest/sms`, sms('m-1', '0911000001', '場所代碼：2770 2513 6512 291\n本次簡訊實聯限防疫目的使用。', now - 1000));
    expect(await batchDone(app.url, again.json.batchId)).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(await venueStats(app.url)).toMatchObject({ checkins: 2, people: 4, persons: 2 });
  }, 30_000);

  it('the same batch posted twice counts once: scans by id, plain check-ins by Idempotency-Key, the CDC file by its keys', async () => {
    const before = await venueStats(app.url);
    const body = scans('dup', 50);
    for (let i = 0; i < 2; i++) await batchDone(app.url, (await postJson(`${app.url}/api/ingest/scans`, body)).json.batchId);
    const afterScans = await venueStats(app.url);
    expect(afterScans.checkins - before.checkins).toBe(50);
    expect(afterScans.people - before.people).toBe(body.reduce((s: number, b: any) => s + 1 + b.familyMembers, 0));

    const checkins = [{ venueCode: VENUE_A, time: new Date(Date.now() - 5000).toISOString(), channel: 'app', appUserId: 'idem-user', partySize: 2 }];
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'upload-2026-12-03-001' };
    const one = await (await fetch(`${app.url}/api/ingest/checkins`, { method: 'POST', headers, body: JSON.stringify(checkins) })).json();
    await batchDone(app.url, one.batchId);
    const two = await (await fetch(`${app.url}/api/ingest/checkins`, { method: 'POST', headers, body: JSON.stringify(checkins) })).json();
    expect(two).toMatchObject({ batchId: one.batchId, replayed: true });
    expect((await venueStats(app.url)).checkins - afterScans.checkins).toBe(1);

    const csv = readFileSync(join(REAL_DATA, 'tw_cdc_confirmed_taipei_newtaipei_2021.csv'), 'utf8');
    for (let i = 0; i < 2; i++) await batchDone(app.url, (await postCsv(`${app.url}/api/ingest/cases`, csv)).json.batchId);
    const overview = await (await fetch(`${app.url}/api/metrics/overview?from=2021-01-01&to=2021-12-31`)).json();
    expect(overview.city.totalCases).toBe(4863);
  }, 60_000);
});

describe('failures lose nothing and double nothing', () => {
  it('a worker process killed with SIGKILL mid-batch: after restart the counts equal the unique input', async () => {
    const env = { QUEUE_PREFIX: `kill-${process.pid}-${Date.now()}`, INGEST_LOCK_MS: '2000' };
    let app = await startEpiboard(env);
    const dataDir = app.dataDir;
    await registerVenues(app.url);
    const ids: string[] = [];
    for (let b = 0; b < 4; b++) ids.push((await postJson(`${app.url}/api/ingest/scans`, scans(`kill-${b}`, 20_000))).json.batchId);
    // Kill while a batch is being written.
    await eventually(async () => {
      const states = await Promise.all(ids.map(async (id) => (await (await fetch(`${app.url}/api/ingest/batches/${id}`)).json()).state));
      return states.includes('running') ? true : undefined;
    }, 20_000, 'a running batch');
    app.child.kill('SIGKILL');
    await app.stop();

    app = await startEpiboard(env, { dataDir });
    try {
      for (const id of ids) await batchDone(app.url, id);
      expect(await venueStats(app.url)).toMatchObject({ checkins: 80_000, persons: 5000 });
      expect((await venueStats(app.url)).people).toBe(4 * scans('x', 20_000).reduce((s: number, b: any) => s + 1 + b.familyMembers, 0));
    } finally {
      await app.stop();
    }
  }, 120_000);

  it('Redis restarted during ingest: every batch answered 202 lands exactly once', async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'redis-restart-'));
    const startRedis = () => spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
    let redis: ChildProcess = startRedis();
    const url = `redis://127.0.0.1:${port}`;
    await eventually(async () => ((await new Redis(url, { lazyConnect: true, retryStrategy: () => null }).ping().catch(() => undefined)) ? true : undefined), 10_000, 'redis');
    const app = await startEpiboard({ REDIS_URL: url });
    try {
      await registerVenues(app.url);
      const ids: string[] = [];
      for (let b = 0; b < 30; b++) {
        if (b === 10) {
          // A clean restart: SHUTDOWN writes the AOF, as a managed Redis restart does.
          const admin = new Redis(url);
          await admin.call('SHUTDOWN').catch(() => undefined);
          admin.disconnect();
          if (redis.exitCode === null && redis.signalCode === null) await new Promise((r) => redis.once('exit', r));
          setTimeout(() => (redis = startRedis()), 1500);
        }
        ids.push(await postUntilAccepted(`${app.url}/api/ingest/scans`, scans(`restart-${b}`, 500)));
      }
      for (const id of ids) await batchDone(app.url, id);
      expect(await venueStats(app.url)).toMatchObject({ checkins: 15_000 });
    } finally {
      await app.stop();
      redis.kill('SIGTERM');
    }
  }, 120_000);

  it('ClickHouse failing for 30 s: batches queue up, retry with backoff, and all land once it is back', async () => {
    const app = await startEpiboard({ FAULT_INJECTION: 'on' });
    try {
      await registerVenues(app.url);
      const before = await postJson(`${app.url}/api/ingest/scans`, scans('ch-before', 1000));
      await batchDone(app.url, before.json.batchId);
      expect((await postJson(`${app.url}/api/faults/store`, { failForMs: 30_000 })).status).toBe(202);
      const during: string[] = [];
      for (let b = 0; b < 5; b++) during.push(await postUntilAccepted(`${app.url}/api/ingest/scans`, scans(`ch-during-${b}`, 1000)));
      await new Promise((r) => setTimeout(r, 2000));
      const states = await Promise.all(during.map(async (id) => (await (await fetch(`${app.url}/api/ingest/batches/${id}`)).json()).state));
      expect(states.every((s) => s === 'queued' || s === 'running')).toBe(true);
      expect((await fetch(`${app.url}/api/health`)).status).toBe(503);
      for (const id of during) await eventually(async () => ((await (await fetch(`${app.url}/api/ingest/batches/${id}`)).json()).state === 'done' ? true : undefined), 90_000, `batch ${id}`);
      expect(await venueStats(app.url)).toMatchObject({ checkins: 6000 });
      expect(app.output()).toMatch(/attempt 1 failed: ClickHouse unavailable/);
    } finally {
      await app.stop();
    }
  }, 150_000);

  it('a batch that fails every attempt keeps its payload, is listed, and a replay lands it once', async () => {
    const app = await startEpiboard({ FAULT_INJECTION: 'on', INGEST_ATTEMPTS: '2', INGEST_BACKOFF_MS: '100', INGEST_MAX_QUEUE_DEPTH: '3' });
    try {
      await registerVenues(app.url);
      await postJson(`${app.url}/api/faults/store`, { failForMs: 4000 });
      const id = await postUntilAccepted(`${app.url}/api/ingest/scans`, scans('perm', 700));
      const failed = await eventually(async () => {
        const list = await (await fetch(`${app.url}/api/ingest/failed`)).json();
        return list.find((f: any) => f.batchId === id);
      }, 10_000, 'the batch to fail');
      expect(failed).toMatchObject({ rows: 700, attempts: 2, source: 'taipeipass' });
      expect((await (await fetch(`${app.url}/api/ingest/batches/${id}`)).json()).state).toBe('failed');
      await new Promise((r) => setTimeout(r, 4000));
      const replay = await fetch(`${app.url}/api/ingest/failed/${id}/replay`, { method: 'POST' });
      expect(replay.status).toBe(202);
      await batchDone(app.url, id);
      expect(await venueStats(app.url)).toMatchObject({ checkins: 700 });
      expect((await fetch(`${app.url}/api/ingest/failed/${id}/replay`, { method: 'POST' })).status).toBe(409);
    } finally {
      await app.stop();
    }
  }, 60_000);

  it('beyond the configured queue depth, ingest answers 429 with Retry-After and accepts nothing', async () => {
    const app = await startEpiboard({ FAULT_INJECTION: 'on', INGEST_MAX_QUEUE_DEPTH: '2' });
    try {
      await registerVenues(app.url);
      await postJson(`${app.url}/api/faults/store`, { failForMs: 20_000 });
      const answers: number[] = [];
      for (let b = 0; b < 4; b++) answers.push((await postJson(`${app.url}/api/ingest/scans`, scans(`bp-${b}`, 10))).status);
      expect(answers).toEqual([202, 202, 429, 429]);
      const res = await fetch(`${app.url}/api/ingest/scans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scans('bp-x', 1)) });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('5');
      expect((await res.json()).message).toMatch(/the ingest queue holds 2 batches, its limit is 2/);
    } finally {
      await app.stop();
    }
  }, 60_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
