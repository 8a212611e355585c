import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { INGEST_QUEUE, type IngestQueue } from './ingest-queue.js';
import { RedisConnection } from './redis-connection.js';

export const INGEST_QUEUE_TOKEN = Symbol('IngestQueue');
export const INGEST_QUEUE_EVENTS = Symbol('IngestQueueEvents');

@Global()
@Module({
  providers: [
    {
      provide: RedisConnection,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => RedisConnection.open({ url: config.redisUrl, dataDir: config.dataDir }),
    },
    {
      provide: INGEST_QUEUE_TOKEN,
      inject: [APP_CONFIG, RedisConnection],
      useFactory: (config: AppConfig, redis: RedisConnection): IngestQueue =>
        new Queue(INGEST_QUEUE, { connection: redis.connect('command'), prefix: config.queuePrefix }),
    },
    {
      provide: INGEST_QUEUE_EVENTS,
      inject: [APP_CONFIG, RedisConnection],
      useFactory: (config: AppConfig, redis: RedisConnection) =>
        new QueueEvents(INGEST_QUEUE, { connection: redis.connect('blocking'), prefix: config.queuePrefix }),
    },
  ],
  exports: [RedisConnection, INGEST_QUEUE_TOKEN, INGEST_QUEUE_EVENTS],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(
    @Inject(RedisConnection) private readonly redis: RedisConnection,
    @Inject(INGEST_QUEUE_TOKEN) private readonly queue: IngestQueue,
    @Inject(INGEST_QUEUE_EVENTS) private readonly events: QueueEvents,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.events.close();
    await this.queue.close();
    await this.redis.close();
  }
}
