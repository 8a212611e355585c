import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClickHouseStore } from './clickhouse-store.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../clickhouse/migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/** `NNNN_name.sql` files in version order; a gap or a duplicate number is an error. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return files.map((file, i) => {
    const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new Error(`migration file ${file} is not named NNNN_name.sql`);
    const version = Number(m[1]);
    if (version !== i + 1) throw new Error(`migration ${file} is out of sequence: expected number ${String(i + 1).padStart(4, '0')}`);
    const sql = readFileSync(dir + file, 'utf8');
    return { version, name: m[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

/** Statements of one file, split on `;` at line ends; comments dropped. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}

/**
 * Applies the migrations not yet recorded in schema_migrations, in order. An applied file
 * that was edited afterwards stops start-up: migrations are never edited, only added.
 */
export async function applyMigrations(store: ClickHouseStore, migrations = readMigrations()): Promise<Migration[]> {
  await store.command(`CREATE TABLE IF NOT EXISTS schema_migrations
    (version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC'))
    ENGINE = MergeTree ORDER BY version`);
  const applied = new Map(
    (await store.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations')).map((r) => [Number(r.version), r.checksum]),
  );
  const done: Migration[] = [];
  for (const migration of migrations) {
    const recorded = applied.get(migration.version);
    if (recorded !== undefined) {
      if (recorded !== migration.checksum) {
        throw new Error(`migration ${migration.version} (${migration.name}) was edited after it was applied; add a new migration instead`);
      }
      continue;
    }
    for (const statement of splitStatements(migration.sql)) await store.command(statement);
    await store.insert('schema_migrations', [{ version: migration.version, name: migration.name, checksum: migration.checksum, applied_at: Date.now() }]);
    done.push(migration);
  }
  return done;
}
