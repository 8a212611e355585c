import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const REAL_DATA = join(REPO_ROOT, '..', 'shared', 'data', 'real');
/** A shared Redis when REDIS_URL is set (CI); otherwise each product under test starts its own redis-server. */
export const TEST_REDIS_URL = process.env.REDIS_URL;

export interface RunningEpiboard {
  url: string;
  dataDir: string;
  /** Everything the process printed, stdout and stderr. */
  output(): string;
  stop(): Promise<number | null>;
  child: ChildProcess;
}

/**
 * Starts the built product (`node backend/dist/main.js`) as a user would, on a free port,
 * with its own data folder and queue prefix, and waits until /api/health answers 200.
 */
export async function startEpiboard(env: Record<string, string | undefined> = {}, options: { dataDir?: string; waitHealthy?: boolean } = {}): Promise<RunningEpiboard> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'epiboard-test-'));
  let output = '';
  const child = spawn(process.execPath, [join(REPO_ROOT, 'backend/dist/main.js')], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: '0',
      DEMO: 'off',
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `test-${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
      NO_COLOR: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), 20_000)))]);
    clearTimeout(timer);
    if (code === 'hung') {
      child.kill('SIGKILL');
      return exited;
    }
    writeFileSync(join(dataDir, 'process-output.log'), output);
    return code;
  };

  const deadline = Date.now() + 60_000;
  let url: string | undefined;
  while (Date.now() < deadline) {
    const m = /dashboard at (http:\/\/localhost:\d+)/.exec(output);
    if (m) url = m[1];
    if (child.exitCode !== null) break;
    if (url && options.waitHealthy === false) break;
    if (url && (await fetch(`${url}/api/health`).then((r) => r.status === 200, () => false))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!url && options.waitHealthy !== false) {
    await stop();
    throw new Error(`Epiboard did not start:\n${output}`);
  }
  return { url: url ?? '', dataDir, output: () => output, stop, child };
}

/** Polls until `check` returns a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

export async function postCsv(url: string, csv: string): Promise<{ status: number; json: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
  return { status: res.status, json: await res.json() };
}

/** Waits until a batch is done and returns its final status. */
export function batchDone(base: string, batchId: string): Promise<{ state: string; accepted: number; rejected: number }> {
  return eventually(async () => {
    const status = await (await fetch(`${base}/api/ingest/batches/${batchId}`)).json();
    if (status.state === 'failed') throw new Error(`batch failed: ${status.error}`);
    return status.state === 'done' ? status : undefined;
  }, 30_000, `batch ${batchId}`);
}
