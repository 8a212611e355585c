import { BadRequestException, Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ClickHouseStore } from '../store/clickhouse-store.js';

/** Fault drills (FAULT_INJECTION=on only): make ClickHouse fail for a while, then watch retries land everything. */
@Controller('api/faults')
export class FaultsController {
  constructor(@Inject(ClickHouseStore) private readonly store: ClickHouseStore) {}

  @Post('store')
  @HttpCode(202)
  storeOutage(@Body() body: { failForMs?: unknown }) {
    const ms = body?.failForMs;
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > 600_000) throw new BadRequestException('failForMs must be a whole number of milliseconds up to 600000');
    this.store.injectOutage(ms);
    return { store: 'failing', forMs: ms };
  }
}
