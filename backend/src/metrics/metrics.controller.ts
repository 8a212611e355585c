import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import type { CaseExposure, FootfallAnswer, HotspotsAnswer, IncidenceAnswer, Overview, ReliefMetricsAnswer, ResourceMetricsAnswer, RiskLevelsAnswer, RtPoint, VenueExposureAnswer } from '@epiboard/pipelines';
import { DEFAULT_ALPHA, DEFAULT_MIN_EXPECTED } from './hotspots/poisson-hotspots.js';
import { InvalidMetricsQuery, parseAsOf, parseDate, parseDistrict, parseMetricsQuery, parseNumber, taipeiDate } from './metrics-query.js';
import { MetricsService, InvalidRangeError } from './metrics.service.js';
import { addDays } from './overview.builder.js';
import { RiskMetricsService } from './risk-metrics.service.js';
import { DEFAULT_SERIAL_INTERVAL } from './rt/rt.series.js';

type Raw = Record<string, string | undefined>;

/** Exposure defaults: the infectious window opens 2 days before onset; ± 60 minutes around each visit. */
const EXPOSURE_MINUTES = 60;
const DAYS_BEFORE_ONSET = 2;

/** Every metric under /api/metrics, with `from`, `to`, `asOf` and `district` where they apply. */
@Controller('api/metrics')
export class MetricsController {
  constructor(
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(RiskMetricsService) private readonly risk: RiskMetricsService,
  ) {}

  private async answer<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof InvalidRangeError || error instanceof InvalidMetricsQuery) throw new BadRequestException(error.message);
      throw error;
    }
  }

  /** A case range: default the 90 days up to the newest case date known at asOf. */
  private async caseQuery(raw: Raw, defaultDays = 90) {
    const asOf = parseAsOf(raw.asOf, Date.now());
    const defaultTo = raw.to ? undefined : await this.risk.latestCaseDate(asOf);
    return parseMetricsQuery(raw, { now: Date.now(), defaultTo, defaultDays });
  }

  private exposureParams(raw: Raw) {
    return {
      asOf: parseAsOf(raw.asOf, Date.now()),
      minutes: parseNumber('minutes', raw.minutes, EXPOSURE_MINUTES, { min: 0, max: 24 * 60 }),
      daysBefore: parseNumber('daysBeforeOnset', raw.daysBeforeOnset, DAYS_BEFORE_ONSET, { min: 0, max: 14 }),
    };
  }

  /** City and the 12 districts: cases, 7-day averages, rates per 100k, check-ins per hour. */
  @Get('overview')
  overview(@Query() raw: Raw): Promise<Overview> {
    return this.answer(() => this.metrics.overview({ from: raw.from, to: raw.to, asOf: parseAsOf(raw.asOf, Date.now()) }));
  }

  @Get('incidence')
  incidence(@Query() raw: Raw): Promise<IncidenceAnswer> {
    return this.answer(async () => this.risk.incidence(await this.caseQuery(raw)));
  }

  @Get('rt')
  rt(@Query() raw: Raw): Promise<RtPoint[]> {
    return this.answer(async () => {
      const mean = parseNumber('siMean', raw.siMean, DEFAULT_SERIAL_INTERVAL.mean, { min: 1, max: 30, exclusiveMin: true });
      const sd = parseNumber('siSd', raw.siSd, DEFAULT_SERIAL_INTERVAL.sd, { min: 0, max: 30, exclusiveMin: true });
      return this.risk.rt(await this.caseQuery(raw), { mean, sd });
    });
  }

  @Get('exposure/cases/:caseId')
  caseExposure(@Param('caseId') caseId: string, @Query() raw: Raw): Promise<CaseExposure> {
    return this.answer(async () => {
      const found = await this.risk.caseExposure(caseId, this.exposureParams(raw));
      if (!found) throw new NotFoundException(`no active case ${caseId.slice(0, 100)} in the line list${raw.asOf ? ` as of ${raw.asOf}` : ''}`);
      return found;
    });
  }

  @Get('exposure/venues')
  venueExposure(@Query() raw: Raw): Promise<VenueExposureAnswer> {
    return this.answer(async () => {
      const q = parseMetricsQuery(raw, { now: Date.now(), defaultDays: 14 });
      const limit = parseNumber('limit', raw.limit, 50, { min: 1, max: 1000 });
      return this.risk.venueExposure(q.from, q.to, Math.floor(limit), this.exposureParams(raw));
    });
  }

  @Get('hotspots')
  hotspots(@Query() raw: Raw): Promise<HotspotsAnswer> {
    return this.answer(async () => {
      const q = await this.caseQuery(raw, 7);
      const alpha = parseNumber('alpha', raw.alpha, DEFAULT_ALPHA, { min: 0, max: 0.5, exclusiveMin: true });
      const minExpected = parseNumber('minExpected', raw.minExpected, DEFAULT_MIN_EXPECTED, { min: 0, max: 1000, exclusiveMin: true });
      return this.risk.hotspots(q.to, q.asOf, alpha, minExpected, this.exposureParams(raw));
    });
  }

  @Get('footfall')
  footfall(@Query() raw: Raw): Promise<FootfallAnswer> {
    return this.answer(async () => {
      // Check-ins are never revised, only added: asOf sets the default week, the counts are those landed.
      const to = parseDate('to', raw.to) ?? taipeiDate(parseAsOf(raw.asOf, Date.now()));
      const baselineFrom = parseDate('baselineFrom', raw.baselineFrom) ?? addDays(to, -34);
      if (addDays(baselineFrom, 6) >= addDays(to, -6)) throw new InvalidMetricsQuery('the baseline week must end before the current week starts');
      return this.risk.footfall(to, baselineFrom, parseDistrict(raw.district).districtCode);
    });
  }

  @Get('risk-levels')
  riskLevels(@Query() raw: Raw): Promise<RiskLevelsAnswer> {
    return this.answer(async () => {
      const asOf = parseAsOf(raw.asOf, Date.now());
      const date = parseDate('date', raw.date) ?? (await this.risk.latestCaseDate(asOf)) ?? taipeiDate(asOf);
      return this.risk.riskLevels(date, asOf);
    });
  }

  @Get('resources')
  resources(@Query() raw: Raw): Promise<ResourceMetricsAnswer> {
    return this.answer(async () => {
      const asOf = parseAsOf(raw.asOf, Date.now());
      return this.risk.resources(parseDistrict(raw.district).districtCode, parseDate('date', raw.date) ?? taipeiDate(asOf), asOf);
    });
  }

  @Get('relief')
  relief(@Query() raw: Raw): Promise<ReliefMetricsAnswer> {
    return this.answer(async () => {
      const q = parseMetricsQuery(raw, { now: Date.now(), defaultDays: 30 });
      return this.risk.reliefMetrics(q.from, q.to, q.districtCode, q.asOf);
    });
  }
}
