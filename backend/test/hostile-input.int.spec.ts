import { batchDone, postJson, startEpiboard, type RunningEpiboard } from './helpers/epiboard-process.js';

/** Bugs found by trying to break the service; each answer here is the right one. */
describe('hostile input', () => {
  let app: RunningEpiboard;
  beforeAll(async () => {
    app = await startEpiboard();
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('a lone surrogate in one venue does not lose the batch', async () => {
    const res = await postJson(`${app.url}/api/ingest/venues`, [
      { code: '111122223333444', name: 'e\u0301\u202e\ud800', category: '餐廳', district: '萬華區' },
      { code: '111122223333445', name: '正常', category: '餐廳', district: '萬華區' },
      { code: '111122223333446', name: 'x', category: '餐廳', district: '\ud800' },
    ]);
    expect(await batchDone(app.url, res.json.batchId)).toMatchObject({ accepted: 2, rejected: 1 });
  }, 30_000);

  it('a batch of cases spanning six years of monthly partitions lands', async () => {
    const rows = [];
    for (let y = 2020; y <= 2025; y++) for (let m = 1; m <= 12; m++) rows.push({ caseDate: `${y}-${String(m).padStart(2, '0')}-15`, county: '臺北市', district: '松山區', sex: '女', imported: '否', ageGroup: '50-54', count: 1 });
    const res = await postJson(`${app.url}/api/ingest/cases`, rows);
    expect(await batchDone(app.url, res.json.batchId)).toMatchObject({ accepted: 72, rejected: 0 });
    let total = 0;
    for (const [from, to] of [['2020-01-01', '2022-12-31'], ['2023-01-01', '2025-12-31']]) {
      const overview = await (await fetch(`${app.url}/api/metrics/overview?from=${from}&to=${to}`)).json();
      total += overview.districts.find((d: any) => d.name === '松山區').totalCases;
    }
    expect(total).toBe(72);
  }, 30_000);

  it('a future-dated case is dead-lettered and does not move the default range', async () => {
    const res = await postJson(`${app.url}/api/ingest/cases`, [{ caseDate: '2099-06-03', county: '台北市', district: '中山區', sex: '男', imported: false, ageGroup: '40', count: 1 }]);
    expect(await batchDone(app.url, res.json.batchId)).toMatchObject({ accepted: 0, rejected: 1 });
    const overview = await (await fetch(`${app.url}/api/metrics/overview`)).json();
    expect(overview.to < '2099-01-01').toBe(true);
  }, 30_000);

  it('JSON nested 100,000 deep gets a 4xx or a dead letter, never a 500', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const res = await fetch(`${app.url}/api/ingest/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `[${deep}]` });
    expect(res.status).toBeLessThan(500);
    const obj = await fetch(`${app.url}/api/ingest/venues`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[' + '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000) + ']' });
    expect(obj.status).toBeLessThan(500);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  }, 30_000);

  it('a body in another charset gets 415, a bare JSON value a clear 400', async () => {
    const latin1 = await fetch(`${app.url}/api/ingest/cases`, { method: 'POST', headers: { 'content-type': 'text/csv; charset=latin1' }, body: 'a,b\n' });
    expect(latin1.status).toBe(415);
    expect((await latin1.json()).message).toBe('the body must be UTF-8, not latin1');
    const bare = await postJson(`${app.url}/api/ingest/checkins`, 42);
    expect(bare.status).toBe(400);
    expect(bare.json.message).toBe('expected a JSON array of check-ins');
  }, 30_000);

  it('more than 100,000 records in one request get 413 before anything is queued', async () => {
    const res = await fetch(`${app.url}/api/ingest/checkins`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `[${Array(100_001).fill('1').join(',')}]` });
    expect(res.status).toBe(413);
    expect((await res.json()).message).toBe('the body holds 100001 records; send at most 100000 per request');
  }, 30_000);

  it('batch ids are read in any case; the rejections of an unknown batch are a 404', async () => {
    const res = await postJson(`${app.url}/api/ingest/cases`, [{ caseDate: '2021-05-15', county: '臺北市', district: '萬華區', sex: '男', imported: '否', ageGroup: '30-34', count: 1 }]);
    await batchDone(app.url, res.json.batchId);
    expect((await fetch(`${app.url}/api/ingest/batches/${res.json.batchId.toUpperCase()}`)).status).toBe(200);
    expect((await fetch(`${app.url}/api/ingest/batches/00000000-0000-0000-0000-000000000000/rejected`)).status).toBe(404);
  }, 30_000);
});

describe('one data folder, one Epiboard', () => {
  it('a second instance on the same DATA_DIR refuses to start and leaves the first working', async () => {
    const first = await startEpiboard({ REDIS_URL: undefined });
    try {
      const second = await startEpiboard({ REDIS_URL: undefined }, { dataDir: first.dataDir, waitHealthy: false });
      const code = await new Promise((resolve) => (second.child.exitCode !== null ? resolve(second.child.exitCode) : second.child.once('exit', resolve)));
      expect(code).toBe(1);
      expect(second.output()).toContain(`DATA_DIR ${first.dataDir} is in use by another Epiboard (process ${first.child.pid})`);
      await new Promise((r) => setTimeout(r, 500));
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    } finally {
      await first.stop();
    }
  }, 60_000);

  it('the demo does not start on a store that already holds imported data', async () => {
    const first = await startEpiboard();
    const res = await postJson(`${first.url}/api/ingest/cases`, [{ caseDate: '2021-05-15', county: '臺北市', district: '萬華區', sex: '男', imported: '否', ageGroup: '30-34', count: 3 }]);
    await batchDone(first.url, res.json.batchId);
    await first.stop();
    const second = await startEpiboard({ DEMO: 'on' }, { dataDir: first.dataDir });
    try {
      await new Promise((r) => setTimeout(r, 1500));
      expect(second.output()).toContain('the store already holds imported data: demo not started');
      const overview = await (await fetch(`${second.url}/api/metrics/overview?from=2021-05-15&to=2021-05-15`)).json();
      expect(overview.city.totalCases).toBe(3);
    } finally {
      await second.stop();
    }
  }, 60_000);
});

describe('second trial', () => {
  let app: RunningEpiboard;
  beforeAll(async () => {
    app = await startEpiboard({ REDIS_URL: undefined });
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('an empty JSON body is a 400 on every JSON feed', async () => {
    for (const feed of ['sms', 'scans', 'case-reports', 'resources', 'relief', 'checkins', 'venues']) {
      const res = await fetch(`${app.url}/api/ingest/${feed}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' });
      expect({ feed, status: res.status }).toEqual({ feed, status: 400 });
    }
  });

  it('impossible dates in queries are refused', async () => {
    expect((await fetch(`${app.url}/api/case-reports?from=2021-02-30&to=2021-03-01`)).status).toBe(400);
    expect((await fetch(`${app.url}/api/venues/277025136512291/stats?from=2021-02-30`)).status).toBe(400);
  });

  it('the failed-batch endpoints answer 503, not 500, when Redis is down', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const pid = Number(readFileSync(join(app.dataDir, 'redis', 'redis.pid'), 'utf8'));
    process.kill(pid, 'SIGSTOP');
    try {
      expect((await fetch(`${app.url}/api/ingest/failed`)).status).toBe(503);
      expect((await fetch(`${app.url}/api/ingest/failed/00000000-0000-0000-0000-000000000000/replay`, { method: 'POST' })).status).toBe(503);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  }, 30_000);
});
