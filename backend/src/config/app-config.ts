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
  ingest: {
    /** Tries per batch before it is kept as failed (listed, replayable). */
    attempts: number;
    /** First retry delay; doubles each time. */
    backoffMs: number;
    /** A worker that dies holding a batch loses it to another worker after this long. */
    lockMs: number;
    /** Batches waiting beyond this: ingest answers 429 with Retry-After. */
    maxQueueDepth: number;
  };
  /** Test and drill only: allow POST /api/faults/store to make ClickHouse fail for a while. */
  faultInjection: boolean;
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
  INGEST_ATTEMPTS: '8',
  INGEST_BACKOFF_MS: '500',
  INGEST_LOCK_MS: '30000',
  INGEST_MAX_QUEUE_DEPTH: '2000',
  FAULT_INJECTION: 'off',
};

/** The documented settings; anything else starting with these prefixes is probably a typo. */
export const CONFIG_KEYS = ['PORT', 'DATA_DIR', 'REDIS_URL', 'CLICKHOUSE_URL', 'DEMO', 'DEMO_DAY_MS', 'HASH_SECRET', 'QUEUE_PREFIX', 'INGEST_MAX_BODY_MB', 'LIVE_PUSH_INTERVAL_MS', 'INGEST_ATTEMPTS', 'INGEST_BACKOFF_MS', 'INGEST_LOCK_MS', 'INGEST_MAX_QUEUE_DEPTH', 'FAULT_INJECTION'] as const;

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

  const onOff = (key: 'DEMO' | 'FAULT_INJECTION'): boolean => {
    const raw = get(key).toLowerCase();
    if (['on', 'true', '1', 'yes'].includes(raw)) return true;
    if (!['off', 'false', '0', 'no'].includes(raw)) problems.push(`${key}=${JSON.stringify(raw)}: expected on or off`);
    return false;
  };
  const demo = onOff('DEMO');

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
    ingest: {
      attempts: int('INGEST_ATTEMPTS', 1, 100),
      backoffMs: int('INGEST_BACKOFF_MS', 10, 600_000),
      lockMs: int('INGEST_LOCK_MS', 1000, 600_000),
      maxQueueDepth: int('INGEST_MAX_QUEUE_DEPTH', 1, 1_000_000),
    },
    faultInjection: onOff('FAULT_INJECTION'),
  };
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}

/** Settings that look like Epiboard's but are not (a typo such as DEMO_DAYMS): warned about, not fatal. */
export function unknownSettings(env: Record<string, string | undefined>): string[] {
  const known = new Set<string>(CONFIG_KEYS);
  return Object.keys(env)
    .filter((key) => /^(DEMO|INGEST|LIVE|QUEUE|HASH|FAULT|EPIBOARD|CLICKHOUSE|REDIS|DATA)_?/.test(key) && !known.has(key) && key !== 'EPIBOARD_URL')
    .map((key) => {
      const near = CONFIG_KEYS.find((k) => k.replace(/_/g, '') === key.replace(/_/g, '') || k.startsWith(key) || key.startsWith(k));
      return `warning: ${key} is not an Epiboard setting${near ? `; did you mean ${near}?` : ''} (see the README's configuration table)`;
    });
}
