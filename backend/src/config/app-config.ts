import { resolve } from 'node:path';

/** Every setting Epiboard reads, validated in one place at start-up. */
export interface AppConfig {
  port: number;
  /** Embedded data: chDB files, the embedded Redis's AOF, the hashing secret. */
  dataDir: string;
  /** External Redis; without it an embedded redis-server is started. */
  redisUrl: string | undefined;
  /** External ClickHouse server; without it chDB runs in-process under dataDir. */
  clickhouseUrl: string | undefined;
  demo: boolean;
  /** Wall-clock milliseconds per replayed day in the demo. */
  demoDayMs: number;
  /** HMAC key for phone numbers and app ids; when unset one is created under dataDir. */
  hashSecret: Buffer | undefined;
  /** Prefix of every BullMQ key, so several instances (or tests) can share one Redis. */
  queuePrefix: string;
  maxBodyBytes: number;
  /** Milliseconds between live pushes to one client, at most. */
  livePushIntervalMs: number;
}

export class ConfigError extends Error {}

const DEFAULTS = {
  PORT: '3000',
  DATA_DIR: './data',
  DEMO: 'on',
  DEMO_DAY_MS: '1000',
  QUEUE_PREFIX: 'epiboard',
  INGEST_MAX_BODY_MB: '20',
  LIVE_PUSH_INTERVAL_MS: '1000',
};

/** The documented settings; anything else starting with these prefixes is probably a typo. */
export const CONFIG_KEYS = ['PORT', 'DATA_DIR', 'REDIS_URL', 'CLICKHOUSE_URL', 'DEMO', 'DEMO_DAY_MS', 'HASH_SECRET', 'QUEUE_PREFIX', 'INGEST_MAX_BODY_MB', 'LIVE_PUSH_INTERVAL_MS'] as const;

/** Reads the environment; collects every problem and throws one error that lists them all. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const problems: string[] = [];
  const get = (key: keyof typeof DEFAULTS) => (env[key]?.trim() || DEFAULTS[key]);

  const int = (key: keyof typeof DEFAULTS, min: number, max: number): number => {
    const raw = get(key);
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(`${key}=${JSON.stringify(raw)}: expected a whole number from ${min} to ${max}`);
      return Number(DEFAULTS[key]);
    }
    return n;
  };

  const url = (key: 'REDIS_URL' | 'CLICKHOUSE_URL', protocols: string[]): string | undefined => {
    const raw = env[key]?.trim();
    if (!raw) return undefined;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) throw new Error();
      return raw;
    } catch {
      problems.push(`${key}=${JSON.stringify(raw)}: expected a URL starting with ${protocols.map((p) => p + '//').join(' or ')}`);
      return undefined;
    }
  };

  const demoRaw = get('DEMO').toLowerCase();
  const demo = ['on', 'true', '1', 'yes'].includes(demoRaw);
  if (!demo && !['off', 'false', '0', 'no'].includes(demoRaw)) problems.push(`DEMO=${JSON.stringify(demoRaw)}: expected on or off`);

  let hashSecret: Buffer | undefined;
  const secretRaw = env.HASH_SECRET?.trim();
  if (secretRaw) {
    hashSecret = /^[0-9a-f]+$/i.test(secretRaw) && secretRaw.length % 2 === 0 ? Buffer.from(secretRaw, 'hex') : Buffer.from(secretRaw, 'utf8');
    // Never echo a secret back, not even in an error.
    if (hashSecret.length < 16) problems.push('HASH_SECRET: must be at least 16 bytes (32 hex digits)');
  }

  const queuePrefix = get('QUEUE_PREFIX');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(queuePrefix)) problems.push(`QUEUE_PREFIX=${JSON.stringify(queuePrefix)}: letters, digits, _ . - only`);

  const config: AppConfig = {
    port: int('PORT', 0, 65535),
    dataDir: resolve(get('DATA_DIR')),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    clickhouseUrl: url('CLICKHOUSE_URL', ['http:', 'https:']),
    demo,
    demoDayMs: int('DEMO_DAY_MS', 50, 3_600_000),
    hashSecret,
    queuePrefix,
    maxBodyBytes: int('INGEST_MAX_BODY_MB', 1, 512) * 1024 * 1024,
    livePushIntervalMs: int('LIVE_PUSH_INTERVAL_MS', 100, 60_000),
  };
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
