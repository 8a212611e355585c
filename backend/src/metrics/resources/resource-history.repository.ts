import { Inject, Injectable } from '@nestjs/common';
import { ClickHouseStore } from '../../store/clickhouse-store.js';

export interface FacilityDay {
  facilityId: string;
  districtCode: string;
  /** capacity kind or stock item */
  key: string;
  day: string;
  total: number;
  occupied: number | null;
}

/** Each facility's last figure of each Taipei day from `since` to `until`, as known at asOf (landed by then). */
@Injectable()
export class ResourceHistoryRepository {
  constructor(@Inject(ClickHouseStore) private readonly store: ClickHouseStore) {}

  async capacityDays(since: string, until: string, asOf: number): Promise<FacilityDay[]> {
    const rows = await this.store.query<{ facility_id: string; district_code: string; kind: string; day: string; latest: [number, number | null] }>(
      `SELECT facility_id, district_code, kind, toString(toDate(time)) AS day, argMax(tuple(total, occupied), time) AS latest
       FROM resource_capacity FINAL
       WHERE toDate(time) BETWEEN {since:Date} AND {until:Date} AND ingested_at <= fromUnixTimestamp64Milli({asOf:Int64})
       GROUP BY facility_id, district_code, kind, day`,
      { since, until, asOf },
    );
    return rows.map((r) => ({ facilityId: r.facility_id, districtCode: r.district_code, key: r.kind, day: r.day, total: Number(r.latest[0]), occupied: r.latest[1] === null ? null : Number(r.latest[1]) }));
  }

  async stockDays(since: string, until: string, asOf: number): Promise<FacilityDay[]> {
    const rows = await this.store.query<{ facility_id: string; district_code: string; item: string; day: string; quantity: string }>(
      `SELECT facility_id, district_code, item, toString(toDate(time)) AS day, argMax(quantity, time) AS quantity
       FROM resource_stock FINAL
       WHERE toDate(time) BETWEEN {since:Date} AND {until:Date} AND ingested_at <= fromUnixTimestamp64Milli({asOf:Int64})
       GROUP BY facility_id, district_code, item, day`,
      { since, until, asOf },
    );
    return rows.map((r) => ({ facilityId: r.facility_id, districtCode: r.district_code, key: r.item, day: r.day, total: Number(r.quantity), occupied: null }));
  }
}

/**
 * Per key, daily sums over facilities, each facility carrying its latest figure forward (a
 * facility that reported yesterday still has its beds today). Days `from`..`to`, oldest first.
 */
export function carryForwardTotals(rows: FacilityDay[], from: string, to: string): Map<string, { facilities: number; days: Array<{ date: string; total: number; occupied: number | null }> }> {
  const byKey = new Map<string, Map<string, FacilityDay[]>>();
  for (const r of rows) {
    const facilities = byKey.get(r.key) ?? new Map<string, FacilityDay[]>();
    const list = facilities.get(r.facilityId) ?? [];
    list.push(r);
    facilities.set(r.facilityId, list);
    byKey.set(r.key, facilities);
  }
  const out = new Map<string, { facilities: number; days: Array<{ date: string; total: number; occupied: number | null }> }>();
  for (const [key, facilities] of byKey) {
    for (const list of facilities.values()) list.sort((a, b) => a.day.localeCompare(b.day));
    const days: Array<{ date: string; total: number; occupied: number | null }> = [];
    for (let day = from; day <= to; day = nextDay(day)) {
      let total = 0;
      let occupied: number | null = null;
      let any = false;
      for (const list of facilities.values()) {
        const latest = list.filter((r) => r.day <= day).at(-1);
        if (!latest) continue;
        any = true;
        total += latest.total;
        if (latest.occupied !== null) occupied = (occupied ?? 0) + latest.occupied;
      }
      if (any) days.push({ date: day, total, occupied });
    }
    out.set(key, { facilities: facilities.size, days });
  }
  return out;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
