import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, demo: true, redisUrl: undefined, clickhouseUrl: undefined, queuePrefix: 'epiboard', maxBodyBytes: 20 * 1024 * 1024 });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('reads every documented setting', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/tmp/x', REDIS_URL: 'redis://h:6380', CLICKHOUSE_URL: 'http://ch:8123', DEMO: 'off', HASH_SECRET: 'a'.repeat(32) });
    expect(config).toMatchObject({ port: 8080, dataDir: '/tmp/x', redisUrl: 'redis://h:6380', clickhouseUrl: 'http://ch:8123', demo: false });
    expect(config.hashSecret).toEqual(Buffer.from('a'.repeat(32), 'hex'));
  });

  it('lists every bad value in one error, and never echoes the secret', () => {
    let error: Error | undefined;
    try {
      loadConfig({ PORT: 'abc', REDIS_URL: 'localhost:6379', CLICKHOUSE_URL: 'ftp://x', DEMO: 'maybe', HASH_SECRET: 'short-secret' });
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toContain('PORT="abc": expected a whole number from 0 to 65535');
    expect(error!.message).toContain('REDIS_URL="localhost:6379": expected a URL starting with redis:// or rediss://');
    expect(error!.message).toContain('CLICKHOUSE_URL="ftp://x"');
    expect(error!.message).toContain('DEMO="maybe": expected on or off');
    expect(error!.message).toContain('HASH_SECRET: must be at least 16 bytes');
    expect(error!.message).not.toContain('short-secret');
  });
});
