import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { caseFromVisit, REFERENCE_DIR, seededRandom, simulateCheckinsForHour, simulateVenues, toChannelMessages, simulateReliefEvents, simulateResourceSnapshots, type CheckinInput, type SimulatedVenue } from '@epiboard/pipelines';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { IngestService } from '../ingest/ingest.service.js';
import { ClickHouseStore } from '../store/clickhouse-store.js';
import { planCaseReplay, type ReplayDay } from './demo-replay.plan.js';

const CDC_FILE = 'tw_cdc_confirmed_by_date_county_township_2020-2021.csv';
const HOUR = 3_600_000;
/** City-wide check-ins in the busiest hour; scaled down from the real scheme so the demo stays light. */
const PEAK_CHECKINS_PER_HOUR = 1200;
const VENUE_COUNT = 400;
const LIVE_TICK_MS = 2000;
/** A simulated line-list case every this many ticks (and a first few from the back-filled week), so venue exposure has cases to trace. */
const CASE_EVERY_TICKS = 5;
const CASES_AT_START = 12;

interface DemoState {
  /** Last case date sent; the replay resumes after it. */
  casesThrough?: string;
  venuesSeeded?: boolean;
  /** Epoch ms up to which simulated check-ins were sent. */
  checkinsThrough?: number;
}

/**
 * The demo: replays the real CDC case file (2021 wave one day per DEMO_DAY_MS) and streams
 * simulated 1922/TaipeiPASS check-ins, all through the same ingest path as real feeds.
 * Progress is kept in DATA_DIR/demo-state.json, so a restart resumes instead of doubling.
 */
@Injectable()
export class DemoService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Demo');
  private readonly stateFile: string;
  private state: DemoState;
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;
  private lastResourceHour = 0;
  private readonly venues: SimulatedVenue[] = simulateVenues(VENUE_COUNT);
  private readonly random = seededRandom(Date.now() % 2 ** 31);
  private readonly venueByCode = new Map(this.venues.map((v) => [v.code, v]));
  private recentVisits: CheckinInput[] = [];
  private ticks = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(IngestService) private readonly ingest: IngestService,
    @Inject(ClickHouseStore) private readonly store: ClickHouseStore,
  ) {
    this.stateFile = join(config.dataDir, 'demo-state.json');
    this.state = existsSync(this.stateFile) ? (JSON.parse(readFileSync(this.stateFile, 'utf8')) as DemoState) : {};
  }

  onApplicationBootstrap(): void {
    if (!this.config.demo) return;
    void this.start().catch((error: Error) => this.logger.error(`demo stopped: ${error.message}`));
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.timers.forEach(clearTimeout);
  }

  private async start(): Promise<void> {
    // The demo fills an empty store; it never mixes simulated data into real data.
    if (Object.keys(this.state).length === 0) {
      const [row] = await this.store.query<{ n: string }>("SELECT count() AS n FROM ingest_batches WHERE source NOT LIKE 'demo%'");
      if (Number(row?.n ?? 0) > 0) {
        this.logger.log('the store already holds imported data: demo not started (DEMO=off silences this)');
        return;
      }
    }
    if (!this.state.venuesSeeded) {
      const { batchId } = await this.ingest.submitVenues(this.venues.map((v) => ({ ...v })), { source: 'demo-venues' });
      await this.waitForBatch(batchId);
      this.save({ venuesSeeded: true });
    }
    const days = planCaseReplay(readFileSync(join(REFERENCE_DIR, CDC_FILE), 'utf8')).filter((d) => !this.state.casesThrough || d.through > this.state.casesThrough);
    this.logger.log(`replaying ${days.length} day(s) of CDC cases, one per ${this.config.demoDayMs} ms, with simulated check-ins`);
    void this.replayCases(days);
    await this.sendResourcesAndRelief(true);
    await this.sendCheckins();
  }

  private async replayCases(days: ReplayDay[]): Promise<void> {
    for (const day of days) {
      if (this.stopped) return;
      await this.ingest.submitCaseCsv(day.csv, { source: 'demo-cdc-replay', idempotencyKey: `demo-cases-through-${day.through}` });
      this.save({ casesThrough: day.through });
      await this.sleep(this.config.demoDayMs);
    }
    this.logger.log('case replay finished; check-ins go on');
  }

  /** Check-ins from where the last run stopped (at most 7 days back) up to now, then every tick. */
  private async sendCheckins(): Promise<void> {
    while (!this.stopped) {
      const now = Date.now();
      const from = Math.max(this.state.checkinsThrough ?? 0, now - 7 * 24 * HOUR);
      const checkins: CheckinInput[] = [];
      // Whole hours at the simulated rate; the current partial hour in proportion to its elapsed share.
      for (let t = Math.floor(from / HOUR) * HOUR; t < now; t += HOUR) {
        const share = (Math.min(now, t + HOUR) - Math.max(from, t)) / HOUR;
        const hour = simulateCheckinsForHour(this.venues, new Date(t), PEAK_CHECKINS_PER_HOUR * share, this.random);
        checkins.push(...hour.filter((c) => Date.parse(c.time) < now && Date.parse(c.time) >= from));
        if (checkins.length > 20_000) await this.sendVisits(checkins.splice(0), t);
      }
      if (checkins.length > 0) await this.sendVisits(checkins, now);
      this.save({ checkinsThrough: now });
      if (this.ticks++ % CASE_EVERY_TICKS === 0) await this.reportCases(this.ticks === 1 ? CASES_AT_START : 1, now);
      await this.sendResourcesAndRelief(false);
      await this.sleep(LIVE_TICK_MS);
    }
  }

  /**
   * Capacity snapshots once an hour per facility, and relief applications moving through review.
   * Keyed by the hour, so a restart within the hour sends nothing twice.
   */
  private async sendResourcesAndRelief(atStart: boolean): Promise<void> {
    const hour = Math.floor(Date.now() / HOUR) * HOUR;
    if (!atStart && hour === this.lastResourceHour) return;
    this.lastResourceHour = hour;
    const hours = atStart ? 24 : 1;
    const snapshots = Array.from({ length: hours }, (_, h) => simulateResourceSnapshots(new Date(hour - h * HOUR), this.random)).flat();
    await this.ingest.submitResources(snapshots, { source: 'demo-resources', idempotencyKey: `demo-resources-${hour}-${hours}` });
    const relief = simulateReliefEvents(new Date(), seededRandom(Math.floor(hour / HOUR)), { applications: atStart ? 300 : 10, days: atStart ? 30 : 1 });
    if (relief.length) await this.ingest.submitRelief(relief, { source: 'demo-relief', idempotencyKey: `demo-relief-${hour}-${atStart}` });
  }

  /** Some of the people who just checked in turn out to be cases: the line list reports them. */
  private async reportCases(count: number, now: number): Promise<void> {
    const reports = [];
    for (let i = 0; i < count && this.recentVisits.length > 0; i++) {
      const visit = this.recentVisits[Math.floor(this.random() * this.recentVisits.length)]!;
      const venue = this.venueByCode.get(visit.venueCode.replace(/\s/g, ''));
      if (venue) reports.push(caseFromVisit(visit, venue, now, this.random, `DEMO-${now}-${i}`));
    }
    if (reports.length) await this.ingest.submitCaseReports(reports, { source: 'demo-case-reports', idempotencyKey: `demo-case-reports-${now}` });
  }

  /** Visits go in as the real channels deliver them: 1922 SMS bodies and TaipeiPASS scans. */
  private async sendVisits(visits: CheckinInput[], tick: number): Promise<void> {
    // Keep a sample of recent visits for the simulated cases.
    this.recentVisits = [...this.recentVisits, ...visits.filter(() => this.random() < 0.05)].slice(-2000);
    const { sms, scans } = toChannelMessages(visits, this.random, `demo-${tick}`);
    if (sms.length) await this.ingest.submitSms(sms, { source: 'demo-sms-1922' });
    if (scans.length) await this.ingest.submitScans(scans, { source: 'demo-taipeipass' });
  }

  private async waitForBatch(batchId: string): Promise<void> {
    for (let i = 0; i < 600 && !this.stopped; i++) {
      const status = await this.ingest.status(batchId);
      if (status?.state === 'done') return;
      if (status?.state === 'failed') throw new Error(`demo batch ${batchId} failed: ${status.error}`);
      await this.sleep(100);
    }
  }

  private save(patch: DemoState): void {
    this.state = { ...this.state, ...patch };
    writeFileSync(this.stateFile, JSON.stringify(this.state, null, 2));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.timers.push(setTimeout(resolve, ms)));
  }
}
