import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RetentionService } from './retention.service.js';

@Controller('api/retention')
export class RetentionController {
  constructor(
    @Inject(RetentionService) private readonly retention: RetentionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every deletion of raw check-ins: the day and how many rows. Public: it holds no personal data. */
  @Get('log')
  log(@Query('limit') limit = '100') {
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new BadRequestException('limit must be a whole number from 1 to 10000');
    return this.retention.log(n);
  }

  /** Runs retention now. A drill (FAULT_INJECTION=on) may pass `asOf` to run it as of a later time. */
  @Post('run')
  @HttpCode(200)
  run(@Body() body: { asOf?: unknown } | undefined) {
    let now = Date.now();
    if (body?.asOf !== undefined) {
      if (!this.config.faultInjection) throw new BadRequestException('asOf is only accepted in a drill (FAULT_INJECTION=on)');
      now = typeof body.asOf === 'string' ? Date.parse(body.asOf) : NaN;
      if (!Number.isFinite(now)) throw new BadRequestException('asOf must be an ISO 8601 time');
    }
    return this.retention.run(now);
  }
}
