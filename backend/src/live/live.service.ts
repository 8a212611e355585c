import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { QueueEvents } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { INGEST_QUEUE_EVENTS } from '../queue/queue.module.js';
import { Coalescer } from './coalescer.js';
import { LiveGateway } from './live.gateway.js';

/**
 * When a batch lands (a `completed` event on the ingest queue, from whichever process ran it),
 * recompute the overview once and push it to every dashboard, at most once per interval.
 */
@Injectable()
export class LiveService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LiveService');
  private readonly coalescer: Coalescer;
  private lastVersion = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(INGEST_QUEUE_EVENTS) private readonly queueEvents: QueueEvents,
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(LiveGateway) private readonly gateway: LiveGateway,
  ) {
    this.coalescer = new Coalescer(config.livePushIntervalMs, () => this.push());
  }

  onApplicationBootstrap(): void {
    this.queueEvents.on('completed', () => this.coalescer.trigger());
  }

  onModuleDestroy(): void {
    this.coalescer.stop();
  }

  private async push(): Promise<void> {
    try {
      // Versions must grow even if two pushes fall in one millisecond.
      const version = Math.max(Date.now(), this.lastVersion + 1);
      this.lastVersion = version;
      const overview = await this.metrics.overview({}, version);
      this.gateway.publish({ version, dataAsOf: overview.dataAsOf, overview });
    } catch (error) {
      this.logger.warn(`live push failed: ${(error as Error).message}`);
    }
  }
}
