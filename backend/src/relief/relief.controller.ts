import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { isCalendarDate, taipeiToday } from '@epiboard/pipelines';
import { ReliefRepository, type ReliefSummaryRow } from './relief.repository.js';

/** Before any relief program: a `from` left out counts from the start. */
const EARLIEST = '2020-01-01';

export interface ReliefSummary {
  /** null: from the first event. */
  from: string | null;
  to: string;
  byProgramAndDistrict: ReliefSummaryRow[];
}

/** Relief applications for the offices that pay them: flow per status, and what waits for a decision. */
@Controller('api/relief')
export class ReliefController {
  constructor(@Inject(ReliefRepository) private readonly relief: ReliefRepository) {}

  /** Per program and district over Taipei dates `from`..`to` (both included; `to` defaults to today). */
  @Get('summary')
  async summary(@Query('from') from?: string, @Query('to') to?: string): Promise<ReliefSummary> {
    for (const [name, v] of [['from', from], ['to', to]] as const) {
      if (v !== undefined && (typeof v !== 'string' || !isCalendarDate(v))) throw new BadRequestException(`${name} must be a date YYYY-MM-DD`);
    }
    const end = to ?? taipeiToday(Date.now());
    if (from && from > end) throw new BadRequestException(`from (${from}) is after to (${end})`);
    return { from: from ?? null, to: end, byProgramAndDistrict: await this.relief.summary(from ?? EARLIEST, end) };
  }
}
