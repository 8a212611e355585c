import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module.js';
import { LiveGateway } from './live.gateway.js';
import { LiveService } from './live.service.js';

@Module({
  imports: [MetricsModule],
  providers: [LiveGateway, LiveService],
})
export class LiveModule {}
