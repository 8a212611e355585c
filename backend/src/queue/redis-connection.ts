import { Logger } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { EmbeddedRedis, redactUrlPassword, waitForPing } from './embedded-redis.js';

/**
 * Where Redis is (REDIS_URL, or the embedded child) and the connections made to it, so all
 * are closed together at shutdown.
 */
export class RedisConnection {
  private readonly clients: Redis[] = [];
  private readonly logger = new Logger('Redis');

  private constructor(
    readonly url: string,
    private readonly embedded: EmbeddedRedis | undefined,
  ) {}

  static async open(options: { url?: string; dataDir: string }): Promise<RedisConnection> {
    if (options.url) {
      await waitForPing(options.url, 5000);
      return new RedisConnection(options.url, undefined);
    }
    const embedded = await EmbeddedRedis.start(options.dataDir);
    return new RedisConnection(embedded.url, embedded);
  }

  get description(): string {
    return this.embedded ? `embedded redis-server at ${this.url}` : redactUrlPassword(this.url);
  }

  /**
   * `blocking` connections (workers, queue events) wait for Redis forever; others fail fast
   * so an HTTP request never hangs on a Redis that is down.
   */
  connect(kind: 'blocking' | 'command'): Redis {
    const options: RedisOptions =
      kind === 'blocking'
        ? { maxRetriesPerRequest: null }
        : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, commandTimeout: 4000 };
    const client = new Redis(this.url, options);
    let lastError = '';
    client.on('error', (error: Error) => {
      // One line per distinct failure, not one per reconnect attempt.
      if (error.message !== lastError) this.logger.warn(`${kind} connection: ${error.message}`);
      lastError = error.message;
    });
    client.on('ready', () => (lastError = ''));
    this.clients.push(client);
    return client;
  }

  async ping(): Promise<boolean> {
    const client = this.clients[0];
    if (!client) return false;
    try {
      return (await Promise.race([client.ping(), new Promise((r) => setTimeout(() => r('timeout'), 1000))])) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.quit().catch(() => c.disconnect())));
    await this.embedded?.stop();
  }
}
