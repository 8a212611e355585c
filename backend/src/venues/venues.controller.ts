import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { parseVenueCode } from '@epiboard/pipelines';
import { ClickHouseStore } from '../store/clickhouse-store.js';
import { isIsoDate } from '../metrics/metrics.service.js';
import { addDays } from '../metrics/overview.builder.js';


export interface VenueStats {
  code: string;
  name: string;
  districtCode: string;
  from: string | null;
  to: string | null;
  /** Check-in records (one per SMS or scan). */
  checkins: number;
  /** People, companions (+N) and registered family members included. */
  people: number;
  /** Distinct people by their hashed phone number or app id. */
  persons: number;
}

/** Drill-down for a district health bureau: who came through one venue. */
@Controller('api/venues')
export class VenuesController {
  constructor(@Inject(ClickHouseStore) private readonly store: ClickHouseStore) {}

  @Get(':code/stats')
  async stats(@Param('code') rawCode: string, @Query('from') from?: string, @Query('to') to?: string): Promise<VenueStats> {
    const code = parseVenueCode(rawCode);
    if (!code) throw new BadRequestException('a venue code is 15 digits');
    for (const [name, v] of [['from', from], ['to', to]] as const) {
      if (v !== undefined && !isIsoDate(v)) throw new BadRequestException(`${name} must be a real date YYYY-MM-DD`);
    }
    if (from && to && from > to) throw new BadRequestException(`from (${from}) is after to (${to})`);
    const [venue] = await this.store.query<{ name: string; district_code: string }>(
      'SELECT argMax(name, updated_at) AS name, argMax(district_code, updated_at) AS district_code FROM venues WHERE code = {code:String} GROUP BY code',
      { code },
    );
    if (!venue) throw new NotFoundException(`no venue ${code} in the registry`);
    // Dates are Taipei days: the column's time zone.
    const [row] = await this.store.query<{ checkins: string; people: string; persons: string }>(
      `SELECT count() AS checkins, sum(party_size) AS people, uniqExact(person_hash) AS persons
       FROM checkins
       WHERE venue_code = {code:String}
         AND time >= toDateTime64({from:String}, 3, 'Asia/Taipei') AND time < toDateTime64({to:String}, 3, 'Asia/Taipei')`,
      { code, from: from ?? '2000-01-01', to: addDays(to ?? '2099-12-30', 1) },
    );
    return {
      code,
      name: venue.name,
      districtCode: venue.district_code,
      from: from ?? null,
      to: to ?? null,
      checkins: Number(row?.checkins ?? 0),
      people: Number(row?.people ?? 0),
      persons: Number(row?.persons ?? 0),
    };
  }
}
