import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RedisConnection } from '../queue/redis-connection.js';
import { ClickHouseStore } from '../store/clickhouse-store.js';
import { partitionsToDrop, retentionCutoff, type PartitionInfo } from './retention.plan.js';

export interface RetentionRun {
  cutoff: string;
  dropped: Array<{ day: string; rows: number }>;
}

const MAINTENANCE_QUEUE = 'maintenance';
const RETENTION_JOB = 'checkin-retention';

/**
 * Deletes raw check-ins older than 28 days, whole day partitions at a time, and logs each day
 * deleted. Runs daily at 03:15 Taipei through a BullMQ job scheduler (once, however many
 * instances run), and once at start-up so a machine that was off catches up.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Retention');
  private queue: Queue | undefined;
  private worker: Worker | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RedisConnection) private readonly redis: RedisConnection,
    @Inject(ClickHouseStore) private readonly store: ClickHouseStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queue = new Queue(MAINTENANCE_QUEUE, { connection: this.redis.connect('command'), prefix: this.config.queuePrefix });
    this.worker = new Worker(MAINTENANCE_QUEUE, () => this.run(Date.now()), { connection: this.redis.connect('blocking'), prefix: this.config.queuePrefix });
    this.worker.on('failed', (_job, error) => this.logger.warn(`retention run failed: ${error.message}`));
    await this.queue.upsertJobScheduler(RETENTION_JOB, { pattern: '15 3 * * *', tz: 'Asia/Taipei' }, { name: RETENTION_JOB, opts: { removeOnComplete: 30, removeOnFail: 30 } });
    void this.run(Date.now()).catch((error: Error) => this.logger.warn(`retention at start-up failed: ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }

  /** One retention pass as of `now` (a drill may pass a later time). */
  async run(now: number): Promise<RetentionRun> {
    const cutoff = retentionCutoff(now);
    const partitions = await this.store.query<{ partition_id: string; rows: string }>(
      `SELECT partition_id, sum(rows) AS rows FROM system.parts
       WHERE database = currentDatabase() AND table = 'checkins' AND active GROUP BY partition_id`,
    );
    const plan = partitionsToDrop(partitions.map((p): PartitionInfo => ({ partitionId: p.partition_id, rows: Number(p.rows) })), cutoff);
    for (const p of plan) {
      await this.store.command(`ALTER TABLE checkins DROP PARTITION ID {id:String}`, { id: p.partitionId });
      await this.store.insert('retention_log', [{ deleted_at: Date.now(), table_name: 'checkins', day: p.day, rows_deleted: p.rows }]);
      this.logger.log(`deleted raw check-ins of ${p.day} (${p.rows} rows): older than 28 days`);
    }
    return { cutoff, dropped: plan.map((p) => ({ day: p.day, rows: p.rows })) };
  }

  async log(limit: number): Promise<Array<{ deletedAt: string; day: string; rowsDeleted: number }>> {
    const rows = await this.store.query<{ deleted_at: string; day: string; rows_deleted: string }>(
      `SELECT toString(deleted_at) AS deleted_at, toString(day) AS day, rows_deleted FROM retention_log
       WHERE table_name = 'checkins' ORDER BY deleted_at DESC, day DESC LIMIT {limit:UInt32}`,
      { limit },
    );
    return rows.map((r) => ({ deletedAt: `${r.deleted_at.replace(' ', 'T')}Z`, day: r.day, rowsDeleted: Number(r.rows_deleted) }));
  }
}
