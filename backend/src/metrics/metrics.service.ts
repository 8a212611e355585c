import { Inject, Injectable } from '@nestjs/common';
import type { Overview } from '@epiboard/pipelines';
import { MetricsRepository } from './metrics.repository.js';
import { addDays, buildOverview, daysBetween } from './overview.builder.js';

export class InvalidRangeError extends Error {}

/** Longest range one overview answers, in days: a bound on payload and query cost. */
export const MAX_RANGE_DAYS = 1100;
export const DEFAULT_RANGE_DAYS = 90;
const HOUR = 3_600_000;

@Injectable()
export class MetricsService {
  constructor(@Inject(MetricsRepository) private readonly repository: MetricsRepository) {}

  /** The default range is the last 90 days of case data (today's when there is none). */
  async resolveRange(from?: string, to?: string, asOf = Date.now()): Promise<{ from: string; to: string }> {
    for (const [name, value] of [['from', from], ['to', to]] as const) {
      if (value !== undefined && !isIsoDate(value)) throw new InvalidRangeError(`${name} must be a date YYYY-MM-DD, got "${String(value).slice(0, 20)}"`);
    }
    const end = to ?? (from ? addDays(from, DEFAULT_RANGE_DAYS - 1) : (await this.repository.latestCaseDate(asOf)) ?? taipeiToday());
    const start = from ?? addDays(end, -(DEFAULT_RANGE_DAYS - 1));
    if (start > end) throw new InvalidRangeError(`from (${start}) is after to (${end})`);
    if (daysBetween(start, end) >= MAX_RANGE_DAYS) throw new InvalidRangeError(`the range may span at most ${MAX_RANGE_DAYS} days`);
    return { from: start, to: end };
  }

  async overview(range: { from?: string; to?: string; asOf?: number }, version = Date.now()): Promise<Overview> {
    const asOf = range.asOf ?? Date.now();
    const { from, to } = await this.resolveRange(range.from, range.to, asOf);
    const latestCheckin = await this.repository.latestCheckinTime();
    // The check-in window ends with the hour of the newest check-in.
    const checkinsTo = Math.floor((latestCheckin ?? Date.now()) / HOUR) * HOUR + HOUR;
    const checkinsFrom = checkinsTo - 7 * 24 * HOUR;
    const [dailyCases, populations, hourlyCheckins, dataAsOf, unlocatedImportedCases] = await Promise.all([
      this.repository.dailyCases(addDays(from, -6), to, asOf),
      this.repository.populations(),
      this.repository.hourlyCheckins(checkinsFrom, checkinsTo),
      this.repository.dataAsOf(),
      this.repository.unlocatedImportedCases(from, to, asOf),
    ]);
    return buildOverview({
      from,
      to,
      dailyCases,
      populations,
      hourlyCheckins,
      checkinsFrom: new Date(checkinsFrom).toISOString(),
      checkinsTo: new Date(checkinsTo).toISOString(),
      dataAsOf,
      unlocatedImportedCases,
      version,
    });
  }
}

export { isIsoDate } from './metrics-query.js';
import { isIsoDate } from './metrics-query.js';

function taipeiToday(): string {
  return new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
}
