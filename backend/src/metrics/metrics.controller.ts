import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import type { Overview } from '@epiboard/pipelines';
import { MetricsService, InvalidRangeError } from './metrics.service.js';

@Controller('api/metrics')
export class MetricsController {
  constructor(@Inject(MetricsService) private readonly metrics: MetricsService) {}

  /** City and the 12 districts: cases, 7-day averages, rates per 100k, check-ins per hour. */
  @Get('overview')
  async overview(@Query('from') from?: string, @Query('to') to?: string): Promise<Overview> {
    try {
      return await this.metrics.overview({ from, to });
    } catch (error) {
      if (error instanceof InvalidRangeError) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
