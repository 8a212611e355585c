import { readCsv } from '../csv/csv-reader.js';
import { accept, reject, type ParsedBatch, type StepResult } from '../ingest/step-result.js';
import { isEmptyPlace, normaliseCountyName } from '../places/place-names.js';
import { deadLetterJson, deadLetterText, quoteValue } from '../privacy/identifier-hasher.js';
import type { TownshipRegistry } from '../places/township-registry.js';

/**
 * Parser for the Taiwan CDC confirmed-case file (Day_Confirmation_Age_County_Gender_19CoV.csv)
 * exactly as published: aggregated rows, 台 spelling, 空值 for imported cases, YYYY/MM/DD dates.
 */
export const CDC_CASE_COLUMNS = ['確定病名', '個案研判日', '縣市', '鄉鎮', '性別', '是否為境外移入', '年齡層', '確定病例數'] as const;

/**
 * One aggregated row: `count` cases sharing date, place, sex, origin and age group. Like the
 * CDC file it comes from, a later row for the same key replaces (corrects) an earlier one.
 */
export interface CaseCountRow {
  /** 個案研判日, YYYY-MM-DD. */
  caseDate: string;
  /** Canonical county (臺北市), or '' when the source gives none (imported cases). */
  county: string;
  /** Canonical district (萬華區), or '' when unknown. */
  district: string;
  sex: 'F' | 'M' | '';
  imported: boolean;
  ageGroup: string;
  count: number;
}

/** The same record as JSON, with the CSV's Chinese keys or these English ones. */
export interface CaseCountInput {
  caseDate?: unknown;
  county?: unknown;
  district?: unknown;
  sex?: unknown;
  imported?: unknown;
  ageGroup?: unknown;
  count?: unknown;
  [key: string]: unknown;
}

export class CaseInputError extends Error {}

const SEX: Record<string, CaseCountRow['sex']> = { 女: 'F', 男: 'M', f: 'F', m: 'M', female: 'F', male: 'M', '': '' };
const YES_NO: Record<string, boolean> = { 是: true, 否: false, y: true, n: false, yes: true, no: false, true: true, false: false };
const AGE_GROUP = /^(\d{1,3}|\d{1,3}-\d{1,3}|\d{1,3}\+)$/;

/** Parses a whole CSV text. A missing or wrong header is an error for the whole input. */
export function parseCdcCaseCsv(text: string, towns: TownshipRegistry, now = Date.now()): ParsedBatch<CaseCountRow> {
  const records = readCsv(text);
  const header = records.shift();
  if (!header) throw new CaseInputError('empty CSV: expected the header ' + CDC_CASE_COLUMNS.join(','));
  const columns = header.fields.map((f) => f.trim());
  const missing = CDC_CASE_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new CaseInputError(`CSV header lacks column(s) ${missing.join(', ')}; expected ${CDC_CASE_COLUMNS.join(',')}`);
  }
  const index = CDC_CASE_COLUMNS.map((c) => columns.indexOf(c));
  const batch: ParsedBatch<CaseCountRow> = { rows: [], rejected: [] };
  for (const record of records) {
    const position = `line ${record.line}`;
    const result =
      record.fields.length !== columns.length
        ? reject<CaseCountRow>(`expected ${columns.length} fields, found ${record.fields.length}`)
        : parseCaseFields(index.map((i) => record.fields[i]!), towns, now);
    if (result.ok) batch.rows.push(result.row);
    else batch.rejected.push({ position, reason: result.reason, raw: deadLetterText(record.fields.join(',')) });
  }
  return batch;
}

/** Parses a JSON array of records, each keyed like the CSV header or in English. */
export function parseCaseRecords(items: unknown, towns: TownshipRegistry, now = Date.now()): ParsedBatch<CaseCountRow> {
  if (!Array.isArray(items)) throw new CaseInputError('expected a JSON array of case records');
  const batch: ParsedBatch<CaseCountRow> = { rows: [], rejected: [] };
  items.forEach((item, i) => {
    const result = caseFieldsFromJson(item);
    const parsed = typeof result === 'string' ? reject<CaseCountRow>(result) : parseCaseFields(result, towns, now);
    if (parsed.ok) batch.rows.push(parsed.row);
    else batch.rejected.push({ position: `item ${i}`, reason: parsed.reason, raw: deadLetterJson(item) });
  });
  return batch;
}

function caseFieldsFromJson(item: unknown): string[] | string {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return 'record is not a JSON object';
  const o = item as CaseCountInput;
  let invalid: string | undefined;
  const pick = (zh: string, en: string, fallback?: string): string => {
    const v = Object.hasOwn(o, zh) ? o[zh] : Object.hasOwn(o, en) ? o[en] : undefined;
    if (v === undefined || v === null) return fallback ?? '';
    if (typeof v === 'boolean') return v ? '是' : '否';
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    invalid ??= `${en} must be text or a number`;
    return '';
  };
  const fields = [
    pick('確定病名', 'disease', '嚴重特殊傳染性肺炎'),
    pick('個案研判日', 'caseDate'),
    pick('縣市', 'county'),
    pick('鄉鎮', 'district'),
    pick('性別', 'sex'),
    pick('是否為境外移入', 'imported'),
    pick('年齡層', 'ageGroup'),
    pick('確定病例數', 'count', '1'),
  ];
  return invalid ?? fields;
}

/** The disease names that mean COVID-19; the CDC's shared file format also carries others. */
const COVID_NAMES = new Set(['嚴重特殊傳染性肺炎', 'covid-19', 'covid19', 'sars-cov-2']);
/** The first Taiwanese case was confirmed in January 2020. */
const EARLIEST_CASE_DATE = '2019-12-01';

const lookup = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** Fields in CDC_CASE_COLUMNS order. */
function parseCaseFields(f: string[], towns: TownshipRegistry, now: number): StepResult<CaseCountRow> {
  const [rawDisease, rawDate, rawCounty, rawDistrict, rawSex, rawImported, rawAge, rawCount] = f.map((x) => (x ?? '').trim());
  if (!COVID_NAMES.has(rawDisease!.toLowerCase())) return reject(`確定病名 ${quoteValue(rawDisease)} is not COVID-19 (嚴重特殊傳染性肺炎)`);

  const caseDate = parseCaseDate(rawDate!);
  if (!caseDate) return reject(`個案研判日 ${quoteValue(rawDate)} is not a date (YYYY/MM/DD or YYYY-MM-DD)`);
  // A case date after today (Taipei) is a typo, and would move every dashboard's default range.
  const taipeiToday = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  if (caseDate > taipeiToday) return reject(`個案研判日 ${caseDate} is in the future`);
  if (caseDate < EARLIEST_CASE_DATE) return reject(`個案研判日 ${caseDate} is before COVID-19 (${EARLIEST_CASE_DATE})`);

  const imported = lookup(YES_NO, rawImported!.toLowerCase());
  if (imported === undefined) return reject(`是否為境外移入 ${quoteValue(rawImported)} is not 是 or 否`);

  const sex = lookup(SEX, rawSex!.toLowerCase());
  if (sex === undefined) return reject(`性別 ${quoteValue(rawSex)} is not 男 or 女`);

  if (!AGE_GROUP.test(rawAge!)) return reject(`年齡層 ${quoteValue(rawAge)} is not an age or age band`);

  // 0 is allowed: a correction that withdraws an earlier count for the same key.
  if (!/^\d+$/.test(rawCount!) || Number(rawCount) > 100_000) {
    return reject(`確定病例數 ${quoteValue(rawCount)} is not a whole number from 0 to 100000`);
  }

  let county = '';
  let district = '';
  if (!isEmptyPlace(rawCounty)) {
    const c = normaliseCountyName(rawCounty!);
    if (!c || !towns.hasCounty(c)) return reject(`unknown county ${quoteValue(rawCounty)}`);
    county = c;
    if (!isEmptyPlace(rawDistrict)) {
      const d = towns.findTownship(c, rawDistrict!);
      if (!d) return reject(`unknown district ${quoteValue(rawDistrict)} in ${c}`);
      district = d;
    }
  } else if (!isEmptyPlace(rawDistrict)) {
    return reject(`district ${quoteValue(rawDistrict)} given without a county`);
  } else if (!imported) {
    // Local cases always carry a place in the CDC file; one without is a broken row.
    return reject('local case without county or district');
  }

  return accept({ caseDate, county, district, sex, imported, ageGroup: rawAge!, count: Number(rawCount) });
}

/** YYYY/MM/DD or YYYY-MM-DD, a real calendar day. */
export function parseCaseDate(raw: string): string | undefined {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(raw);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  if (y < 2019 || y > 2100) return undefined;
  return date.toISOString().slice(0, 10);
}
