import { accept, reject, type ParsedBatch, type StepResult } from '../ingest/step-result.js';
import { findTaipeiDistrict } from '../places/place-names.js';
import { parseVenueCode } from '../checkins/venue-code.js';
import { deadLetterJson, quoteValue, redactPhoneLike } from '../privacy/identifier-hasher.js';

/** A venue registry record: one per 15-digit code; several codes of one venue share `venueId`. */
export interface VenueRow {
  code: string;
  name: string;
  category: string;
  /** MOI code of the Taipei district (63000070). */
  districtCode: string;
  address: string;
  village: string;
  lat: number | null;
  lon: number | null;
  venueId: string;
}

export class VenueInputError extends Error {}

export function parseVenues(items: unknown): ParsedBatch<VenueRow> {
  if (!Array.isArray(items)) throw new VenueInputError('expected a JSON array of venues');
  const batch: ParsedBatch<VenueRow> = { rows: [], rejected: [] };
  items.forEach((item, i) => {
    const result = parseVenue(item);
    if (result.ok) batch.rows.push(result.row);
    else batch.rejected.push({ position: `item ${i}`, reason: result.reason, raw: deadLetterJson(item) });
  });
  return batch;
}

/** Registry text is business information, but a number typed into it could be a person's: redact it. */
const text = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.trim() !== '' && v.length <= max ? redactPhoneLike(v.trim().toWellFormed()) : undefined;

function parseVenue(item: unknown): StepResult<VenueRow> {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return reject('venue is not a JSON object');
  const o = item as Record<string, unknown>;
  const code = typeof o.code === 'string' ? parseVenueCode(o.code) : undefined;
  if (!code) return reject('code must be a 15-digit 1922 venue code');
  const name = text(o.name, 200);
  if (!name) return reject('name must be a non-empty string of at most 200 characters');
  const category = text(o.category, 60);
  if (!category) return reject('category must be a non-empty string');
  const district = typeof o.district === 'string' ? findTaipeiDistrict(o.district) : undefined;
  if (!district) return reject(`unknown Taipei district ${quoteValue(o.district)}`);
  const coordinate = (v: unknown, lo: number, hi: number) => (v == null ? null : typeof v === 'number' && v >= lo && v <= hi ? v : NaN);
  const lat = coordinate(o.lat, 21, 27);
  const lon = coordinate(o.lon, 118, 123);
  if (Number.isNaN(lat) || Number.isNaN(lon)) return reject('lat/lon must be numbers inside Taiwan');
  return accept({
    code,
    name,
    category,
    districtCode: district.code,
    address: text(o.address, 300) ?? '',
    village: text(o.village, 40) ?? '',
    lat,
    lon,
    venueId: text(o.venueId, 80) ?? code,
  });
}
