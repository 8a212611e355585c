import { accept, reject, type ParsedBatch, type StepResult } from '../ingest/step-result.js';
import { findTaipeiDistrict } from '../places/place-names.js';
import { canonicalPhone, containsPhoneLike, deadLetterJson, quoteValue, redactPhoneLike, type IdentifierHasher } from '../privacy/identifier-hasher.js';
import { parseCaseDate } from './cdc-case-csv.parser.js';

/**
 * The city's case line list: one record per case, revised over time. A later report of a case
 * id replaces the earlier one, a retraction withdraws it, and every version is kept so what was
 * known at any past time can be asked. The case's phone numbers and app ids are hashed here.
 */
export interface CaseReportRow {
  caseId: string;
  /** Epoch ms the report was made: versions of a case are ordered by it. */
  reportedAt: number;
  retracted: boolean;
  onsetDate: string | null;
  confirmedDate: string;
  /** MOI code of the Taipei district, '' when not known. */
  districtCode: string;
  village: string;
  ageGroup: string;
  sex: 'F' | 'M' | '';
  imported: boolean;
  cluster: string;
  phoneHashes: string[];
  appHashes: string[];
}

export class CaseReportInputError extends Error {}

const KEYS = new Set(['caseId', 'reportedAt', 'onsetDate', 'confirmedDate', 'district', 'village', 'ageGroup', 'sex', 'imported', 'cluster', 'phones', 'appUserIds', 'retracted']);
const ID = /^[\w.:/-]{1,100}$/;
const AGE_GROUP = /^(\d{1,3}|\d{1,3}-\d{1,3}|\d{1,3}\+)$/;
const SEX: Record<string, CaseReportRow['sex']> = { 女: 'F', 男: 'M', f: 'F', m: 'M', female: 'F', male: 'M' };

export function parseCaseReports(body: unknown, hasher: IdentifierHasher, now: number): ParsedBatch<CaseReportRow> {
  const items = Array.isArray(body) ? body : body !== null && typeof body === 'object' ? [body] : undefined;
  if (!items) throw new CaseReportInputError('expected a case report object or a JSON array of them');
  const batch: ParsedBatch<CaseReportRow> = { rows: [], rejected: [] };
  items.forEach((item, i) => {
    const result = item !== null && typeof item === 'object' && !Array.isArray(item) ? parseReport(item as Record<string, unknown>, hasher, now) : reject<CaseReportRow>('record is not a JSON object');
    if (result.ok) batch.rows.push(result.row);
    else batch.rejected.push({ position: `item ${i}`, reason: result.reason, raw: deadLetterJson(redactReport(item, hasher)) });
  });
  return batch;
}

function parseReport(o: Record<string, unknown>, hasher: IdentifierHasher, now: number): StepResult<CaseReportRow> {
  const unknown = Object.keys(o).find((k) => !KEYS.has(k));
  if (unknown) return reject(`unknown field ${quoteValue(unknown)}`);
  if (typeof o.caseId !== 'string' || !ID.test(o.caseId)) return reject('caseId must be an id of 1 to 100 letters, digits or ._:/-');
  if (containsPhoneLike(o.caseId)) return reject('caseId must not contain a phone number');
  const reportedAt = typeof o.reportedAt === 'string' && /T.*(Z|[+-]\d{2}:?\d{2})$/.test(o.reportedAt) ? Date.parse(o.reportedAt) : NaN;
  if (!Number.isFinite(reportedAt)) return reject('reportedAt must be an ISO 8601 timestamp with its offset, such as 2021-05-17T12:30:00+08:00');
  if (reportedAt > now + 5 * 60_000) return reject('reportedAt is in the future');

  const base = { caseId: o.caseId, reportedAt, phoneHashes: [] as string[], appHashes: [] as string[] };
  if (o.retracted === true) {
    // A retraction needs only the id and the time: it withdraws the case from that time on.
    return accept({ ...base, retracted: true, onsetDate: null, confirmedDate: '1970-01-01', districtCode: '', village: '', ageGroup: '', sex: '', imported: false, cluster: '' });
  }
  if (o.retracted !== undefined && o.retracted !== false) return reject('retracted must be true or false');

  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  const confirmedDate = typeof o.confirmedDate === 'string' ? parseCaseDate(o.confirmedDate) : undefined;
  if (!confirmedDate) return reject('confirmedDate must be a date YYYY-MM-DD (Taipei)');
  if (confirmedDate > today) return reject(`confirmedDate ${confirmedDate} is in the future`);
  let onsetDate: string | null = null;
  if (o.onsetDate !== undefined && o.onsetDate !== null) {
    onsetDate = typeof o.onsetDate === 'string' ? (parseCaseDate(o.onsetDate) ?? null) : null;
    if (!onsetDate) return reject('onsetDate must be a date YYYY-MM-DD (Taipei)');
    if (onsetDate > confirmedDate) return reject(`onsetDate ${onsetDate} is after confirmedDate ${confirmedDate}`);
  }
  let districtCode = '';
  if (o.district !== undefined && o.district !== null && o.district !== '') {
    const district = typeof o.district === 'string' ? findTaipeiDistrict(o.district) : undefined;
    if (!district) return reject(`unknown Taipei district ${quoteValue(o.district)}`);
    districtCode = district.code;
  }
  if (typeof o.imported !== 'boolean') return reject('imported must be true or false');
  if (!o.imported && !districtCode) return reject('a local case needs its district');
  const ageGroup = o.ageGroup === undefined ? '' : String(o.ageGroup);
  if (ageGroup && !AGE_GROUP.test(ageGroup)) return reject(`ageGroup ${quoteValue(o.ageGroup)} is not an age or age band`);
  const sexKey = typeof o.sex === 'string' ? o.sex.toLowerCase() : '';
  const sex = o.sex === undefined ? '' : Object.hasOwn(SEX, sexKey) ? SEX[sexKey]! : undefined;
  if (sex === undefined) return reject(`sex ${quoteValue(o.sex)} is not 男 or 女`);

  const phones = o.phones ?? [];
  if (!Array.isArray(phones) || phones.length > 20) return reject('phones must be a list of at most 20 phone numbers');
  const phoneHashes: string[] = [];
  for (const p of phones) {
    const phone = typeof p === 'string' ? canonicalPhone(p) : undefined;
    if (!phone) return reject('phones holds something that is not a phone number');
    phoneHashes.push(hasher.hashPhone(phone));
  }
  const apps = o.appUserIds ?? [];
  if (!Array.isArray(apps) || apps.length > 20 || apps.some((a) => typeof a !== 'string' || a.trim() === '' || a.length > 200)) {
    return reject('appUserIds must be a list of at most 20 non-empty ids');
  }
  // Free text is kept, but never a number someone typed into it.
  const text = (v: unknown, max: number) => (typeof v === 'string' ? redactPhoneLike(v.trim().slice(0, max).toWellFormed()) : '');
  return accept({
    ...base,
    retracted: false,
    onsetDate,
    confirmedDate,
    districtCode,
    village: text(o.village, 40),
    ageGroup,
    sex,
    imported: o.imported,
    cluster: text(o.cluster, 100),
    phoneHashes: [...new Set(phoneHashes)],
    appHashes: [...new Set((apps as string[]).map((a) => hasher.hashAppUserId(a)))],
  });
}

function redactReport(item: unknown, hasher: IdentifierHasher): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return typeof item === 'string' ? '[redacted string]' : item;
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  if (Array.isArray(copy.phones)) copy.phones = copy.phones.map((p) => (typeof p === 'string' && canonicalPhone(p) ? `hmac:${hasher.hashPhone(canonicalPhone(p)!)}` : '[redacted]'));
  else if ('phones' in copy) copy.phones = '[redacted]';
  if (Array.isArray(copy.appUserIds)) copy.appUserIds = copy.appUserIds.map((a) => (typeof a === 'string' ? `hmac:${hasher.hashAppUserId(a)}` : '[redacted]'));
  else if ('appUserIds' in copy) copy.appUserIds = '[redacted]';
  for (const key of Object.keys(copy)) if (!KEYS.has(key)) copy[key] = '[redacted]';
  return copy;
}
