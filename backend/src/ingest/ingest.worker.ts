import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { INGEST_QUEUE, IngestJob, type IngestBatch, type IngestResult } from '../queue/ingest-queue.js';
import { RedisConnection } from '../queue/redis-connection.js';
import { IngestWriter } from './ingest.writer.js';

/** BullMQ shell around IngestWriter: takes jobs off the `ingest` queue and runs their handler. */
@Injectable()
export class IngestWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('IngestWorker');
  private worker: Worker<IngestBatch, IngestResult, IngestJob> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RedisConnection) private readonly redis: RedisConnection,
    @Inject(IngestWriter) private readonly writer: IngestWriter,
  ) {
    const missing = Object.values(IngestJob).filter((job) => typeof writer.handlers[job] !== 'function');
    if (missing.length > 0) throw new Error(`ingest jobs without a handler: ${missing.join(', ')}`);
  }

  get running(): boolean {
    return this.worker?.isRunning() ?? false;
  }

  onApplicationBootstrap(): void {
    this.worker = new Worker<IngestBatch, IngestResult, IngestJob>(
      INGEST_QUEUE,
      async (job) => {
        const handler = this.writer.handlers[job.name];
        if (!handler) throw new Error(`no handler for ingest job "${job.name}"`);
        // attemptsStarted counts every start, stalled restarts after a crash included.
        return handler(job.data, { firstRun: (job.attemptsStarted ?? 1) <= 1 });
      },
      // chDB serialises writes in-process anyway; two jobs at once keep Redis round-trips overlapped.
      {
        connection: this.redis.connect('blocking'),
        prefix: this.config.queuePrefix,
        // Several batches in hand let the check-in write buffer group them into one insert.
        concurrency: 64,
        lockDuration: this.config.ingest.lockMs,
        stalledInterval: Math.max(500, Math.floor(this.config.ingest.lockMs / 2)),
      },
    );
    this.worker.on('failed', (job, error) => {
      this.logger.warn(`batch ${job?.id} (${job?.name}) attempt ${job?.attemptsMade} failed: ${error.message}`);
    });
    this.worker.on('error', (error) => this.logger.warn(`worker: ${error.message}`));
  }

  /** Finishes the jobs in hand (bounded), or leaves them to be picked up again after a restart. */
  async onModuleDestroy(): Promise<void> {
    if (!this.worker) return;
    const closing = this.worker.close();
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref());
    if ((await Promise.race([closing, timeout])) === 'timeout') {
      this.logger.warn('jobs still running after 10 s: leaving them to be retried after restart');
      await this.worker.close(true);
    }
  }
}
