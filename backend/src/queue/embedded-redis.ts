import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export class RedisUnavailableError extends Error {}

const HOW_TO_GET_REDIS =
  'Epiboard needs Redis 6.2 or newer for its ingest queue. Either install it so that `redis-server` is on the PATH ' +
  '(Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) and Epiboard starts its own, ' +
  'or point REDIS_URL at a running server (REDIS_URL=redis://127.0.0.1:6379).';

/**
 * The embedded default: a redis-server child on a free loopback port, with AOF persistence
 * under DATA_DIR/redis, `noeviction` (BullMQ must never lose keys), stopped on exit.
 */
export class EmbeddedRedis {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedRedis> {
    const dir = join(dataDir, 'redis');
    mkdirSync(dir, { recursive: true });
    if (spawnSync('redis-server', ['--version']).error) throw new RedisUnavailableError(`redis-server was not found. ${HOW_TO_GET_REDIS}`);
    await stopStaleServer(dir);
    const port = await freePort();
    const child = spawn(
      'redis-server',
      ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec',
        '--save', '', '--maxmemory-policy', 'noeviction', '--pidfile', join(dir, 'redis.pid'), '--logfile', join(dir, 'redis.log'), '--daemonize', 'no'],
      { stdio: 'ignore' },
    );
    // The child must not outlive us, even when start-up fails or we leave without a clean shutdown.
    const killChild = () => child.kill('SIGTERM');
    process.once('exit', killChild);
    const url = `redis://127.0.0.1:${port}`;
    const redis = new EmbeddedRedis(child, url);
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new RedisUnavailableError(`redis-server exited with code ${code}; see ${join(dir, 'redis.log')}. ${HOW_TO_GET_REDIS}`))));
    exited.catch(() => undefined);
    try {
      await Promise.race([waitForPing(url, 10_000), exited]);
    } catch (error) {
      killChild();
      throw error;
    }
    return redis;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
}

/**
 * A redis-server left behind by a killed Epiboard still holds the AOF: stop it (it writes its
 * AOF on the way out) and wait, so two servers never share the folder. DATA_DIR's lock makes
 * sure this is never another live Epiboard's Redis.
 */
async function stopStaleServer(dir: string): Promise<void> {
  const pidFile = join(dir, 'redis.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  const isRedis = () => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('redis-server');
    } catch {
      return false;
    }
  };
  if (!pid || !isRedis()) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && isRedis(); i++) await new Promise((r) => setTimeout(r, 50));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitForPing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
    let reported: Error | undefined;
    client.on('error', (error: Error) => (reported = error));
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      return;
    } catch (error) {
      lastError = reported ?? error;
      client.disconnect();
      // A refused password will not get better by waiting.
      if (/WRONGPASS|NOAUTH|invalid password|invalid username/i.test(String((lastError as Error)?.message))) {
        throw new RedisUnavailableError(`Redis at ${redactUrlPassword(url)} refused the credentials in REDIS_URL (${(lastError as Error).message})`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new RedisUnavailableError(`Redis at ${redactUrlPassword(url)} did not answer within ${timeoutMs} ms (${(lastError as Error)?.message}). ${HOW_TO_GET_REDIS}`);
}

export { HOW_TO_GET_REDIS };

/** redis://user:secret@host → redis://user:***@host, for messages and logs. */
export function redactUrlPassword(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}
