import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ClickHouseStore } from './clickhouse-store.js';
import { applyMigrations } from './migrations.js';

@Global()
@Module({
  providers: [
    {
      provide: ClickHouseStore,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const logger = new Logger('Store');
        const store = await ClickHouseStore.open({ url: config.clickhouseUrl, dataDir: config.dataDir });
        try {
          const applied = await applyMigrations(store);
          logger.log(`${store.location}: ${applied.length ? `applied migrations ${applied.map((m) => m.version).join(', ')}` : 'schema up to date'}`);
        } catch (error) {
          await store.close();
          throw new Error(`ClickHouse (${store.location}) could not be prepared: ${(error as Error).message}`);
        }
        return store;
      },
    },
  ],
  exports: [ClickHouseStore],
})
export class StoreModule implements OnApplicationShutdown {
  constructor(@Inject(ClickHouseStore) private readonly store: ClickHouseStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
