import { Inject, Injectable } from '@nestjs/common';
import type { CapacityKind, FacilityType, StockItem } from '@epiboard/pipelines';
import { ClickHouseStore } from '../store/clickhouse-store.js';

interface Facility {
  facilityId: string;
  facilityName: string;
  facilityType: FacilityType;
  /** MOI town code, '' for the city or when not given. */
  districtCode: string;
  /** When the figures were reported, Taipei time with its offset. */
  time: string;
}

export interface LatestCapacity extends Facility {
  kind: CapacityKind;
  total: number;
  /** null when the source gave only the total (press figures). */
  occupied: number | null;
}

export interface LatestStock extends Facility {
  item: StockItem;
  quantity: number;
}

interface StoredFacility {
  facility_id: string;
  facility_name: string;
  facility_type: FacilityType;
  district_code: string;
  /** Int64: a string in JSON. */
  time_ms: string;
}

/** Epoch ms as Taipei local time with its offset (UTC+8, no daylight saving): what a Taipei reader expects. */
const taipeiIso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

const facility = (r: StoredFacility): Facility => ({ facilityId: r.facility_id, facilityName: r.facility_name, facilityType: r.facility_type, districtCode: r.district_code, time: taipeiIso(Number(r.time_ms)) });

/**
 * The latest snapshot of each facility and kind (or item). FINAL merges resends of one snapshot;
 * LIMIT 1 BY keeps the latest time, and keeps its occupied figure even when that is NULL.
 */
@Injectable()
export class ResourcesRepository {
  constructor(@Inject(ClickHouseStore) private readonly store: ClickHouseStore) {}

  async latestCapacity(): Promise<LatestCapacity[]> {
    const rows = await this.store.query<StoredFacility & { kind: CapacityKind; total: number; occupied: number | null }>(
      `SELECT facility_id, facility_name, facility_type, district_code, toUnixTimestamp64Milli(time) AS time_ms, kind, total, occupied
       FROM resource_capacity FINAL
       ORDER BY facility_id, kind, time DESC
       LIMIT 1 BY facility_id, kind`,
    );
    return rows.map((r) => ({ ...facility(r), kind: r.kind, total: Number(r.total), occupied: r.occupied === null ? null : Number(r.occupied) }));
  }

  async latestStock(): Promise<LatestStock[]> {
    const rows = await this.store.query<StoredFacility & { item: StockItem; quantity: number }>(
      `SELECT facility_id, facility_name, facility_type, district_code, toUnixTimestamp64Milli(time) AS time_ms, item, quantity
       FROM resource_stock FINAL
       ORDER BY facility_id, item, time DESC
       LIMIT 1 BY facility_id, item`,
    );
    return rows.map((r) => ({ ...facility(r), item: r.item, quantity: Number(r.quantity) }));
  }
}
