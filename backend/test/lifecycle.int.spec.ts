import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { batchDone, eventually, postJson, startEpiboard } from './helpers/epiboard-process.js';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('start-up, restart and shutdown', () => {
  it('embedded default: starts its own redis-server with AOF under DATA_DIR, keeps data across a restart, applies no migration twice, stops the child', async () => {
    const first = await startEpiboard({ REDIS_URL: undefined });
    const posted = await postJson(`${first.url}/api/ingest/cases`, [{ caseDate: '2021-05-20', county: '臺北市', district: '中正區', sex: '女', imported: '否', ageGroup: '40-44', count: 3 }]);
    await batchDone(first.url, posted.json.batchId);
    const pid = Number(readFileSync(join(first.dataDir, 'redis', 'redis.pid'), 'utf8'));
    expect(isAlive(pid)).toBe(true);
    expect(first.output()).toMatch(/applied migrations 1, 2/);
    expect(await first.stop()).toBe(0);
    await eventually(async () => (isAlive(pid) ? undefined : true), 10_000, 'redis-server to stop');
    expect(existsSync(join(first.dataDir, 'redis', 'appendonlydir'))).toBe(true);

    const second = await startEpiboard({ REDIS_URL: undefined }, { dataDir: first.dataDir });
    try {
      expect(second.output()).toMatch(/schema up to date/);
      const overview = await (await fetch(`${second.url}/api/metrics/overview?from=2021-05-20&to=2021-05-20`)).json();
      expect(overview.districts.find((d: any) => d.name === '中正區').totalCases).toBe(3);
      // The batch is still known after the restart (from the AOF-backed queue or the store).
      expect(await (await fetch(`${second.url}/api/ingest/batches/${posted.json.batchId}`)).json()).toMatchObject({ state: 'done', accepted: 1 });
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('answers 503 on health and on ingest when Redis dies, never a 2xx for data it could not queue', async () => {
    const app = await startEpiboard({ REDIS_URL: undefined });
    try {
      const pid = Number(readFileSync(join(app.dataDir, 'redis', 'redis.pid'), 'utf8'));
      process.kill(pid, 'SIGKILL');
      const health = await eventually(async () => {
        const res = await fetch(`${app.url}/api/health`);
        return res.status === 503 ? res.json() : undefined;
      }, 10_000, 'health to report the queue down');
      expect(health).toMatchObject({ status: 'down', down: ['queue'] });
      const started = Date.now();
      const res = await fetch(`${app.url}/api/ingest/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ caseDate: '2021-05-20', county: '臺北市', district: '中正區', sex: '女', imported: '否', ageGroup: '40-44', count: 1 }]),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect((await res.json()).message).toMatch(/ingest queue did not (take the batch|answer)/);
      expect(Date.now() - started).toBeLessThan(5000);
      // Reading a batch's state needs the queue too: 503, not 500.
      expect((await fetch(`${app.url}/api/ingest/batches/00000000-0000-0000-0000-000000000000`)).status).toBe(503);
    } finally {
      await app.stop();
    }
  }, 60_000);

  it('without redis-server and without REDIS_URL, fails with one message that says what to do', async () => {
    const app = await startEpiboard({ REDIS_URL: undefined, PATH: '/nonexistent' }, { waitHealthy: false });
    const code = await new Promise((resolve) => (app.child.exitCode !== null ? resolve(app.child.exitCode) : app.child.once('exit', resolve)));
    expect(code).toBe(1);
    expect(app.output()).toMatch(/Epiboard could not start: redis-server was not found\./);
    expect(app.output()).toMatch(/apt-get install redis-server/);
    expect(app.output()).toMatch(/REDIS_URL=redis:\/\/127\.0\.0\.1:6379/);
  }, 30_000);

  it('never prints a Redis password', async () => {
    const app = await startEpiboard({ REDIS_URL: 'redis://:s3cretpw@127.0.0.1:1' }, { waitHealthy: false });
    await new Promise((resolve) => (app.child.exitCode !== null ? resolve(app.child.exitCode) : app.child.once('exit', resolve)));
    expect(app.output()).toContain('redis://:***@127.0.0.1:1');
    expect(app.output()).not.toContain('s3cretpw');
  }, 30_000);

  it('refuses a bad setting at start-up with a clear message', async () => {
    const app = await startEpiboard({ PORT: 'eighty', DEMO: 'sometimes' }, { waitHealthy: false });
    const code = await new Promise((resolve) => (app.child.exitCode !== null ? resolve(app.child.exitCode) : app.child.once('exit', resolve)));
    expect(code).toBe(2);
    expect(app.output()).toContain('PORT="eighty": expected a whole number from 0 to 65535');
    expect(app.output()).toContain('DEMO="sometimes": expected on or off');
  }, 30_000);
});
