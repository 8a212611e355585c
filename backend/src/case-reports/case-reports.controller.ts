import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ClickHouseStore } from '../store/clickhouse-store.js';
import { isIsoDate } from '../metrics/metrics.service.js';
import { lineListConfirmedBetween } from '../metrics/case-counts.repository.js';

/** "As of" a time: an ISO timestamp, or now. What was known then is what had been reported by then. */
function asOfMs(raw: string | undefined): number {
  if (raw === undefined) return Date.now();
  const t = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(raw) ? Date.parse(raw) : NaN;
  if (!Number.isFinite(t)) throw new BadRequestException('asOf must be an ISO 8601 timestamp with its offset');
  return t;
}

@Controller('api/case-reports')
export class CaseReportsController {
  constructor(@Inject(ClickHouseStore) private readonly store: ClickHouseStore) {}

  /** Line-list cases per confirmed date and district, as known at `asOf` (default now). */
  @Get()
  async counts(@Query('from') from?: string, @Query('to') to?: string, @Query('asOf') asOf?: string) {
    for (const [name, v] of [['from', from], ['to', to]] as const) {
      if (v === undefined || !isIsoDate(v)) throw new BadRequestException(`${name} must be a real date YYYY-MM-DD`);
    }
    if (from! > to!) throw new BadRequestException(`from (${from}) is after to (${to})`);
    const rows = await this.store.query<{ date: string; district_code: string; cases: string }>(
      `SELECT toString(latest.2) AS date, latest.3 AS district_code, count() AS cases
       FROM (${lineListConfirmedBetween()})
       GROUP BY date, district_code ORDER BY date, district_code`,
      { asOf: asOfMs(asOf), from, to },
    );
    return { from, to, asOf: new Date(asOfMs(asOf)).toISOString(), counts: rows.map((r) => ({ date: r.date, districtCode: r.district_code, cases: Number(r.cases) })) };
  }

  /** One case as known at `asOf`, with the times it was reported, revised or retracted (no identifiers). */
  @Get(':caseId')
  async one(@Param('caseId') caseId: string, @Query('asOf') asOf?: string) {
    // Aliases differ from column names: in ClickHouse an alias would shadow the column in WHERE.
    const versions = await this.store.query<Record<string, string | number | null>>(
      `SELECT toString(reported_at) AS reported, retracted, toString(onset_date) AS onset, toString(confirmed_date) AS confirmed,
              district_code, village, age_group, sex, imported, cluster, length(phone_hashes) AS phones, length(app_hashes) AS app_ids
       FROM case_reports FINAL
       WHERE case_id = {caseId:String} AND reported_at <= fromUnixTimestamp64Milli({asOf:Int64})
       ORDER BY reported_at`,
      { caseId, asOf: asOfMs(asOf) },
    );
    if (versions.length === 0) throw new NotFoundException(`no report of case ${caseId.slice(0, 100)}${asOf ? ` as of ${asOf}` : ''}`);
    const shaped = versions.map((v) => ({
      reportedAt: `${String(v.reported).replace(' ', 'T')}Z`,
      retracted: Number(v.retracted) === 1,
      onsetDate: v.onset,
      confirmedDate: v.confirmed,
      districtCode: v.district_code,
      village: v.village,
      ageGroup: v.age_group,
      sex: v.sex,
      imported: Number(v.imported) === 1,
      cluster: v.cluster,
      linkedPhones: Number(v.phones),
      linkedAppIds: Number(v.app_ids),
    }));
    const current = shaped.at(-1)!;
    return { caseId, state: current.retracted ? 'retracted' : 'active', current, versions: shaped };
  }
}
