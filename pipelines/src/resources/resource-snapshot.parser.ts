import { parseEventTime } from '../ingest/event-time.js';
import { accept, reject, type ParsedBatch, type StepResult } from '../ingest/step-result.js';
import { findTaipeiDistrict } from '../places/place-names.js';
import { deadLetterJson, quoteValue, redactPhoneLike } from '../privacy/identifier-hasher.js';
import { containsPhoneLike } from '../privacy/identifier-hasher.js';

/**
 * Resource snapshots: what a hospital, a quarantine hotel or station, or the city as a whole
 * reported at one time: capacities (total and occupied) and stock on hand. A snapshot is
 * identified by facility, kind (or item) and time, so the same one sent again counts once.
 */

export const FACILITY_TYPES = ['hospital', 'quarantine_hotel', 'quarantine_station', 'city'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

/** Capacities, each counted as a total and how much of it is occupied. */
export const CAPACITY_KINDS = ['isolation_beds', 'icu_beds', 'negative_pressure_rooms', 'quarantine_rooms', 'ventilators'] as const;
export type CapacityKind = (typeof CAPACITY_KINDS)[number];

/** Stock on hand, each a quantity. */
export const STOCK_ITEMS = ['vaccine_doses', 'rapid_tests', 'ppe_sets'] as const;
export type StockItem = (typeof STOCK_ITEMS)[number];

/** Above any Taipei facility's or the city's figure, and inside the store's UInt32. */
export const MAX_RESOURCE_COUNT = 100_000_000;
/** Same floor as case dates: nothing was reported for COVID-19 before it. */
export const EARLIEST_SNAPSHOT_DATE = '2019-12-01';

export interface CapacityFigure {
  kind: CapacityKind;
  total: number;
  /** null when the source gave only the total (press figures); the JSON feed always has it. */
  occupied: number | null;
}

export interface StockFigure {
  item: StockItem;
  quantity: number;
}

/** A validated snapshot; the store keeps it in long format (one row per kind or item). */
export interface ResourceSnapshotRow {
  facilityId: string;
  facilityName: string;
  facilityType: FacilityType;
  /** MOI code of the Taipei district, '' for the city or when not given. */
  districtCode: string;
  /** Epoch ms the figures refer to. */
  time: number;
  capacity: CapacityFigure[];
  stock: StockFigure[];
}

/** A snapshot as the API takes it. */
export interface ResourceSnapshotInput {
  facilityId: string;
  facilityName: string;
  facilityType: FacilityType;
  district?: string;
  time: string;
  capacity?: Partial<Record<CapacityKind, { total: number; occupied: number }>>;
  stock?: Partial<Record<StockItem, number>>;
}

export class ResourceInputError extends Error {}

const KEYS = new Set(['facilityId', 'facilityName', 'facilityType', 'district', 'time', 'capacity', 'stock']);
const FACILITY_ID = /^[\w.:/-]{1,100}$/;
const WHOLE = `a whole number from 0 to ${MAX_RESOURCE_COUNT.toLocaleString("en-US")}`;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isResourceCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_RESOURCE_COUNT;
const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/** One snapshot object or a JSON array of them. */
export function parseResourceSnapshots(body: unknown, now: number): ParsedBatch<ResourceSnapshotRow> {
  const items = Array.isArray(body) ? body : isRecord(body) ? [body] : undefined;
  if (!items) throw new ResourceInputError('expected a resource snapshot object or a JSON array of them');
  const batch: ParsedBatch<ResourceSnapshotRow> = { rows: [], rejected: [] };
  items.forEach((item, i) => {
    const result = isRecord(item) ? parseSnapshot(item, now) : reject<ResourceSnapshotRow>('snapshot is not a JSON object');
    if (result.ok) batch.rows.push(result.row);
    else batch.rejected.push({ position: `item ${i}`, reason: result.reason, raw: deadLetterJson(item) });
  });
  return batch;
}

function parseSnapshot(o: Record<string, unknown>, now: number): StepResult<ResourceSnapshotRow> {
  const unknown = Object.keys(o).find((k) => !KEYS.has(k));
  if (unknown) return reject(`unknown field ${quoteValue(unknown)}`);
  if (typeof o.facilityId !== 'string' || !FACILITY_ID.test(o.facilityId)) return reject('facilityId must be an id of 1 to 100 letters, digits or ._:/-');
  if (containsPhoneLike(o.facilityId)) return reject('facilityId must not contain a phone number');
  // A facility's name is public, but a number typed into it could be a person's: redact it, as for venues.
  const facilityName = typeof o.facilityName === 'string' && o.facilityName.trim() !== '' && o.facilityName.length <= 200 ? redactPhoneLike(o.facilityName.trim().toWellFormed()) : undefined;
  if (!facilityName) return reject('facilityName must be a non-empty string of at most 200 characters');
  if (!isOneOf(FACILITY_TYPES, o.facilityType)) return reject(`facilityType must be one of ${FACILITY_TYPES.join(', ')}`);

  let districtCode = '';
  if (o.district !== undefined && o.district !== null && o.district !== '') {
    if (o.facilityType === 'city') return reject('a city-level snapshot has no district');
    const district = typeof o.district === 'string' ? findTaipeiDistrict(o.district) : undefined;
    if (!district) return reject(`unknown Taipei district ${quoteValue(o.district)}`);
    districtCode = district.code;
  }

  const time = parseEventTime(o.time, now, 'time', EARLIEST_SNAPSHOT_DATE);
  if (typeof time === 'string') return reject(time);

  const capacity = parseCapacity(o.capacity);
  if (typeof capacity === 'string') return reject(capacity);
  const stock = parseStock(o.stock);
  if (typeof stock === 'string') return reject(stock);
  if (capacity.length === 0 && stock.length === 0) return reject('a snapshot needs at least one capacity or stock figure');

  return accept({ facilityId: o.facilityId, facilityName, facilityType: o.facilityType, districtCode, time, capacity, stock });
}

function parseCapacity(value: unknown): CapacityFigure[] | string {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) return 'capacity must be an object of kinds, such as {"icu_beds": {"total": 30, "occupied": 12}}';
  const figures: CapacityFigure[] = [];
  for (const [kind, figure] of Object.entries(value)) {
    if (!isOneOf(CAPACITY_KINDS, kind)) return `unknown capacity kind ${quoteValue(kind)} (known: ${CAPACITY_KINDS.join(', ')})`;
    if (!isRecord(figure) || Object.keys(figure).some((k) => k !== 'total' && k !== 'occupied')) return `capacity.${kind} must be {"total": n, "occupied": n}`;
    if (!isResourceCount(figure.total)) return `capacity.${kind}.total must be ${WHOLE}`;
    if (!isResourceCount(figure.occupied)) return `capacity.${kind}.occupied must be ${WHOLE}`;
    if (figure.occupied > figure.total) return `capacity.${kind}: occupied ${figure.occupied} exceeds total ${figure.total}`;
    figures.push({ kind, total: figure.total, occupied: figure.occupied });
  }
  return figures;
}

function parseStock(value: unknown): StockFigure[] | string {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) return 'stock must be an object of items, such as {"rapid_tests": 1200}';
  const figures: StockFigure[] = [];
  for (const [item, quantity] of Object.entries(value)) {
    if (!isOneOf(STOCK_ITEMS, item)) return `unknown stock item ${quoteValue(item)} (known: ${STOCK_ITEMS.join(', ')})`;
    if (!isResourceCount(quantity)) return `stock.${item} must be ${WHOLE}`;
    figures.push({ item, quantity });
  }
  return figures;
}
