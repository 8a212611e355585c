import { Module } from '@nestjs/common';
import { ReliefModule } from '../relief/relief.module.js';
import { CaseCountsRepository } from './case-counts.repository.js';
import { ExposureRepository } from './exposure/exposure.repository.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsRepository } from './metrics.repository.js';
import { MetricsService } from './metrics.service.js';
import { ResourceHistoryRepository } from './resources/resource-history.repository.js';
import { RiskMetricsService } from './risk-metrics.service.js';

@Module({
  imports: [ReliefModule],
  controllers: [MetricsController],
  providers: [MetricsRepository, MetricsService, CaseCountsRepository, ExposureRepository, ResourceHistoryRepository, RiskMetricsService],
  exports: [MetricsService, RiskMetricsService],
})
export class MetricsModule {}
