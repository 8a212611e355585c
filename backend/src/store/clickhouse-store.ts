import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client';

/**
 * Every setting any call here changes, at its neutral value, sent with every call. chDB keeps
 * a per-query setting in its session afterwards (an insert's deduplication token silently
 * deduplicated the next, unrelated inserts), so nothing may rely on a setting's default.
 */
const BASE_SETTINGS: ClickHouseSettings = {
  insert_deduplicate: 0,
  insert_deduplication_token: '',
  // A retried insert reaches materialized views again (checkins_daily): with a token they drop it too.
  deduplicate_blocks_in_dependent_materialized_views: 0,
  max_query_size: '262144' as never,
  // A batch may span many days (check-ins) or months (cases); the default of 100 would refuse it after 202.
  max_partitions_per_insert_block: '1000' as never,
};

/**
 * The one door to ClickHouse. Embedded: chDB in this process, data under DATA_DIR/clickhouse.
 * At scale: a ClickHouse server by URL. Same client API and SQL either way.
 */
export class ClickHouseStore {
  /** Fault drill: until this time every call fails as if ClickHouse were down. */
  private outageUntil = 0;

  private constructor(
    readonly client: ClickHouseClient,
    /** Human-readable location for logs and health. */
    readonly location: string,
  ) {}

  static async open(options: { url?: string; dataDir: string }): Promise<ClickHouseStore> {
    if (options.url) return new ClickHouseStore(createClient({ url: options.url, request_timeout: 30_000 }), redactUrl(options.url));
    // Loaded only when embedded: libchdb costs ~200 MB of memory, which a server deployment need not pay.
    const { createChdbConnection } = await import('chdb/connection');
    const path = join(options.dataDir, 'clickhouse');
    mkdirSync(path, { recursive: true });
    // chdb types the Connection against @clickhouse/client-common, the client against its own
    // copy of the same interface; the shapes are identical, TypeScript just sees two declarations.
    const connection = createChdbConnection({ path }) as unknown as NonNullable<Parameters<typeof createClient>[0]>['connection'];
    return new ClickHouseStore(createClient({ connection }), `chDB at ${path}`);
  }

  /** Makes every call fail for `ms` (FAULT_INJECTION=on only): drills the retry and replay paths on real data. */
  injectOutage(ms: number): void {
    this.outageUntil = Date.now() + ms;
  }

  private checkOutage(): void {
    if (Date.now() < this.outageUntil) throw new Error(`ClickHouse unavailable (injected fault, ${this.outageUntil - Date.now()} ms left)`);
  }

  async query<T>(query: string, params: Record<string, unknown> = {}, settings?: ClickHouseSettings): Promise<T[]> {
    this.checkOutage();
    const rs = await this.client.query({ query, query_params: params, format: 'JSONEachRow', clickhouse_settings: { ...BASE_SETTINGS, ...settings } });
    return rs.json<T>();
  }

  async command(query: string, params: Record<string, unknown> = {}): Promise<void> {
    this.checkOutage();
    await this.client.command({ query, query_params: params, clickhouse_settings: BASE_SETTINGS });
  }

  /**
   * Inserts rows in one statement. `dedupToken` makes a retried insert a no-op: ClickHouse
   * remembers the token (non_replicated_deduplication_window on the table).
   */
  async insert<T>(table: string, values: T[], dedupToken?: string): Promise<void> {
    if (values.length === 0) return;
    this.checkOutage();
    await this.client.insert({
      table,
      values,
      format: 'JSONEachRow',
      clickhouse_settings: dedupToken ? { ...BASE_SETTINGS, insert_deduplication_token: dedupToken, insert_deduplicate: 1, deduplicate_blocks_in_dependent_materialized_views: 1 } : BASE_SETTINGS,
    });
  }

  async ping(): Promise<boolean> {
    try {
      await this.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
