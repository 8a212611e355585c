import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/app-config.js';
import { CaseReportsModule } from './case-reports/case-reports.module.js';
import { ConfigModule } from './config/config.module.js';
import { DemoModule } from './demo/demo.module.js';
import { DocsModule } from './docs/docs.module.js';
import { FaultsController } from './faults/faults.controller.js';
import { HealthModule } from './health/health.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import { LiveModule } from './live/live.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { QueueModule } from './queue/queue.module.js';
import { ReliefModule } from './relief/relief.module.js';
import { ResourcesModule } from './resources/resources.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { StoreModule } from './store/store.module.js';
import { VenuesModule } from './venues/venues.module.js';

/** One module per capability; the embedded default runs the API and the workers in one process. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), StoreModule, QueueModule, IngestModule, MetricsModule, VenuesModule, CaseReportsModule, ResourcesModule, ReliefModule, RetentionModule, LiveModule, HealthModule, DemoModule, DocsModule],
      // Fault drills exist only when asked for; a production process has no such route.
      controllers: config.faultInjection ? [FaultsController] : [],
    };
  }
}
