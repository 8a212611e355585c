import { readCsv } from '../csv/csv-reader.js';
import { isCalendarDate, taipeiMidnight, taipeiToday } from '../ingest/event-time.js';
import type { ParsedBatch, RejectedRecord } from '../ingest/step-result.js';
import { normaliseCountyName } from '../places/place-names.js';
import { deadLetterText, quoteValue } from '../privacy/identifier-hasher.js';
import { EARLIEST_SNAPSHOT_DATE, MAX_RESOURCE_COUNT, ResourceInputError, type CapacityKind, type ResourceSnapshotRow } from './resource-snapshot.parser.js';

/**
 * Capacity figures as the press reported them (tw_taipei_covid_capacity_press_2021.csv, compiled
 * from news reports quoting the city, the CECC and the Executive Yuan). Taipei City's figures
 * become city-level snapshots; everything else is dead-lettered with the reason it cannot be mapped.
 */
export const CAPACITY_PRESS_COLUMNS = ['date', 'date_precision', 'geography', 'metric', 'value', 'unit', 'note', 'source_url'] as const;

/** The one facility press figures are filed under: the city as a whole. */
export const TAIPEI_PRESS_FACILITY = { facilityId: 'taipei-city-press', facilityName: '臺北市 (press figures)', facilityType: 'city' } as const;

/**
 * Metrics that are the city's whole figure for one resource kind. isolation_beds means every bed
 * a COVID-19 patient is isolated and treated in: negative-pressure, general isolation and
 * dedicated-ward (專責) beds together, which is what the response hospitals opened.
 */
const MAPPED_METRICS: Record<string, { kind: CapacityKind; field: 'total' | 'occupied'; unit: string }> = {
  negative_pressure_general_isolation_and_dedicated_beds_total: { kind: 'isolation_beds', field: 'total', unit: 'beds' },
  response_hospital_beds_opened: { kind: 'isolation_beds', field: 'total', unit: 'beds' },
  response_hospital_patients_admitted: { kind: 'isolation_beds', field: 'occupied', unit: 'patients' },
  quarantine_hotel_rooms: { kind: 'quarantine_rooms', field: 'total', unit: 'rooms' },
};

/** Taipei metrics that are real figures but not a whole city-level total of any kind: why each is left out. */
const UNMAPPED_METRICS: Record<string, string> = {
  dedicated_covid_beds_tpech_planned: "Taipei City Hospital's dedicated beds alone, a part of the city's, and planned rather than open",
  dedicated_covid_beds_other_hospitals_planned: "the other hospitals' dedicated beds alone, a part of the city's, and planned rather than open",
  dedicated_covid_beds_total_openable: 'dedicated-ward (專責) beds only, without the isolation rooms, so not the city isolation_beds total',
  negative_pressure_and_general_isolation_beds: 'isolation-room beds only, without the dedicated wards, so not the city isolation_beds total',
  dedicated_covid_rooms: 'counts rooms of dedicated wards (up to two beds each from late May 2021), not beds',
  quarantine_hotel_backup_beds_added: 'an increase, not a level',
  quarantine_hotels: 'counts hotels, not rooms',
  enhanced_quarantine_hotels: 'counts hotels, not rooms',
  enhanced_quarantine_hotel_rooms: 'one tier of the city quarantine hotels; quarantine_hotel_rooms is the total',
};

/** A line that maps onto a snapshot: the figure and where it came from. */
interface MappedLine {
  line: number;
  raw: string;
  date: string;
  kind: CapacityKind;
  field: 'total' | 'occupied';
  value: number;
}

/** Parses the whole CSV text. A missing column is an error for the whole input. */
export function parseCapacityPressCsv(text: string, now: number): ParsedBatch<ResourceSnapshotRow> {
  const records = readCsv(text);
  const header = records.shift();
  if (!header) throw new ResourceInputError(`empty CSV: expected the header ${CAPACITY_PRESS_COLUMNS.join(',')}`);
  const columns = header.fields.map((f) => f.trim());
  const missing = CAPACITY_PRESS_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new ResourceInputError(`CSV header lacks column(s) ${missing.join(', ')}; expected ${CAPACITY_PRESS_COLUMNS.join(',')}`);
  const index = CAPACITY_PRESS_COLUMNS.map((c) => columns.indexOf(c));

  const rejected: Array<RejectedRecord & { line: number }> = [];
  const mapped: MappedLine[] = [];
  for (const record of records) {
    const raw = deadLetterText(record.fields.join(','));
    const result = record.fields.length !== columns.length ? `expected ${columns.length} fields, found ${record.fields.length}` : mapLine(index.map((i) => record.fields[i]!.trim()), now);
    if (typeof result === 'string') rejected.push({ line: record.line, position: `line ${record.line}`, reason: result, raw });
    else mapped.push({ ...result, line: record.line, raw });
  }

  const rows = combineByDate(mapped, (line, reason) => rejected.push({ line: line.line, position: `line ${line.line}`, reason, raw: line.raw }));
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected: rejected.map(({ line: _, ...r }) => r) };
}

/** Fields in CAPACITY_PRESS_COLUMNS order. */
function mapLine(fields: string[], now: number): Omit<MappedLine, 'line' | 'raw'> | string {
  const [date, precision, geography, metric, value, unit] = fields as [string, string, string, string, string, string];
  if (!isCalendarDate(date)) return `date ${quoteValue(date)} is not a date YYYY-MM-DD`;
  if (date > taipeiToday(now)) return `date ${date} is in the future`;
  if (date < EARLIEST_SNAPSHOT_DATE) return `date ${date} is before ${EARLIEST_SNAPSHOT_DATE}, earlier than the pandemic`;
  // approx: the article's own date is not shown; the figure still belongs to that day or the one before.
  if (precision !== 'day' && precision !== 'approx') return `date_precision ${quoteValue(precision)} is not day or approx`;
  if (normaliseCountyName(geography) !== '臺北市') return `geography ${quoteValue(geography)} is not Taipei City alone: only 臺北市 figures become city snapshots`;
  const why = Object.hasOwn(UNMAPPED_METRICS, metric) ? UNMAPPED_METRICS[metric] : undefined;
  if (why) return `metric ${metric} is not mapped: ${why}`;
  const target = Object.hasOwn(MAPPED_METRICS, metric) ? MAPPED_METRICS[metric] : undefined;
  if (!target) return `unknown metric ${quoteValue(metric)}`;
  if (unit !== target.unit) return `metric ${metric} is counted in ${target.unit}, not ${quoteValue(unit)}`;
  if (!/^\d+$/.test(value) || Number(value) > MAX_RESOURCE_COUNT) return `value ${quoteValue(value)} is not a whole number from 0 to ${MAX_RESOURCE_COUNT.toLocaleString("en-US")}`;
  return { date, kind: target.kind, field: target.field, value: Number(value) };
}

/**
 * One snapshot per date. A total and an occupied figure of one kind on one date (beds opened,
 * patients admitted) make one capacity; an occupied figure needs its total.
 */
function combineByDate(lines: MappedLine[], refuse: (line: MappedLine, reason: string) => void): ResourceSnapshotRow[] {
  const byDate = new Map<string, Map<CapacityKind, { total?: MappedLine; occupied?: MappedLine }>>();
  for (const line of lines) {
    const kinds = byDate.get(line.date) ?? byDate.set(line.date, new Map()).get(line.date)!;
    const figure = kinds.get(line.kind) ?? kinds.set(line.kind, {}).get(line.kind)!;
    const earlier = figure[line.field];
    if (earlier) refuse(line, `a second ${line.kind} ${line.field} for ${line.date} (line ${earlier.line} has ${earlier.value})`);
    else figure[line.field] = line;
  }
  const rows: ResourceSnapshotRow[] = [];
  for (const [date, kinds] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    const capacity: ResourceSnapshotRow['capacity'] = [];
    for (const [kind, { total, occupied }] of kinds) {
      if (occupied && !total) refuse(occupied, `an occupied ${kind} figure for ${date} without the total of the same date`);
      else if (occupied && total && occupied.value > total.value) refuse(occupied, `${kind} occupied ${occupied.value} exceeds the total ${total.value} of the same date`);
      if (total) capacity.push({ kind, total: total.value, occupied: occupied && occupied.value <= total.value ? occupied.value : null });
    }
    if (capacity.length > 0) rows.push({ ...TAIPEI_PRESS_FACILITY, districtCode: '', time: taipeiMidnight(date), capacity, stock: [] });
  }
  return rows;
}
