import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The HMAC key for identifiers: HASH_SECRET when configured, else a random key made on first
 * start and kept (mode 0600) under DATA_DIR, so the same phone hashes the same across restarts.
 */
export function loadIdentifierSecret(dataDir: string, configured: Buffer | undefined): Buffer {
  if (configured) return configured;
  const dir = join(dataDir, 'secrets');
  const file = join(dir, 'identifier-hmac.key');
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    if (key.length < 16) throw new Error(`${file} is damaged: expected at least 32 hex digits`);
    return key;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
