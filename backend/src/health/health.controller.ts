import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IngestWorker } from '../ingest/ingest.worker.js';
import { RedisConnection } from '../queue/redis-connection.js';
import { ClickHouseStore } from '../store/clickhouse-store.js';

type Check = 'up' | 'down';

@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(ClickHouseStore) private readonly store: ClickHouseStore,
    @Inject(RedisConnection) private readonly redis: RedisConnection,
    @Inject(IngestWorker) private readonly worker: IngestWorker,
  ) {}

  /** 200 when the store, the queue and the workers are all ready; 503 naming what is down. */
  @Get()
  async health(@Res() res: Response): Promise<void> {
    const [store, queue] = await Promise.all([this.store.ping(), this.redis.ping()]);
    const checks: Record<string, Check> = { store: store ? 'up' : 'down', queue: queue ? 'up' : 'down', workers: this.worker.running ? 'up' : 'down' };
    const down = Object.keys(checks).filter((k) => checks[k] === 'down');
    res.status(down.length ? 503 : 200).json({
      status: down.length ? 'down' : 'up',
      ...(down.length ? { down, message: `not ready: ${down.join(', ')} down` } : {}),
      checks,
      store: this.store.location,
      queue: this.redis.description,
    });
  }
}
