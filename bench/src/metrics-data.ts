import { TAIPEI_CITY, TAIPEI_DISTRICTS } from '@epiboard/pipelines';

/**
 * The metrics benchmark's data, written once as SQL for two dialects (ClickHouse and
 * PostgreSQL) so both stores get byte-identical rows in one run: every value is plain integer
 * arithmetic on the row number (+ * % and integer division on 64-bit signed integers, never
 * above 2^62), string concatenation, array look-ups and MD5, which both engines compute alike.
 *
 * - check-ins: `checkinRows` over 28 Taipei days ending now, a daily rhythm (85 % between 06:00
 *   and 22:00, peaking at 14:00), ~2.6 million distinct persons (person = row × 2654435761 mod
 *   2.6 M, a permutation of each block of 2.6 M rows), 20,000 venues with skewed popularity,
 *   venue v in district v mod 12; person_hash = md5 hex of the person number.
 * - line list (`case_reports`): 200,000 cases over 121 days; the last 1,000 are "new",
 *   confirmed yesterday or today, each phone hash that of the person of a check-in row chosen
 *   3 days ago (inside every new case's infectious window), so exposure has trails to follow.
 *   Older cases point at arbitrary persons (those of the last 28 days have check-ins too).
 * - CDC aggregate (`cases`): the line list grouped by date, district, sex, origin and age
 *   group, plus an earlier, since corrected version of one key in ten.
 * - venues: 20,000, codes of 15 digits, 8 categories.
 */

export const PERSONS = 2_600_000;
export const VENUES = 20_000;
export const DAYS = 28;
export const CASES = 200_000;
export const NEW_CASES = 1_000;
/** Line-list cases span the 121 Taipei days ending today; the new ones are on the last two. */
export const CASE_DAYS = 121;
/** The check-in day (0 = 27 days ago, 27 = today) whose rows give the new cases their persons. */
const NEW_CASE_CHECKIN_DAY = 25;

const DAY_S = 86_400;
const CATEGORIES = ['餐廳', '市場', '便利商店', '捷運站', '百貨商場', '醫療院所', '學校', '辦公大樓'];
const SEXES = ['男', '女'];
const AGE_GROUPS = ['0', '1', '2', '3', '4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70+'];

export interface Dialect {
  name: 'clickhouse' | 'postgres';
  /** A subquery of integer row numbers from `start` (inclusive), `count` of them, as column `alias`. */
  rows(alias: string, start: number, count: number): string;
  div(a: string, b: string | number): string;
  iff(cond: string, a: string, b: string): string;
  str(x: string): string;
  concat(...parts: string[]): string;
  md5hex(x: string): string;
  /** Element `idx0` (0-based) of a literal array of strings. */
  pick(values: readonly string[], idx0: string): string;
  /** A date `k` days after an ISO date. */
  dateAdd(isoDate: string, k: string): string;
  /** A timestamp from Unix seconds, in the column's time zone. */
  seconds(x: string, tz: 'Asia/Taipei' | 'UTC'): string;
  nullDate: string;
  array1(x: string): string;
  emptyArray: string;
  least(a: string, b: string): string;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const CLICKHOUSE: Dialect = {
  name: 'clickhouse',
  rows: (alias, start, count) => `(SELECT toInt64(number) AS ${alias} FROM numbers_mt(${start}, ${count}))`,
  div: (a, b) => `intDiv(${a}, ${b})`,
  iff: (c, a, b) => `if(${c}, ${a}, ${b})`,
  str: (x) => `toString(${x})`,
  concat: (...p) => `concat(${p.join(', ')})`,
  md5hex: (x) => `lower(hex(MD5(toString(${x}))))`,
  pick: (values, i) => `[${values.map(quote).join(', ')}][(${i}) + 1]`,
  dateAdd: (d, k) => `addDays(toDate('${d}'), ${k})`,
  seconds: (x, tz) => `fromUnixTimestamp64Milli(toInt64(${x}) * 1000, '${tz}')`,
  nullDate: 'CAST(NULL AS Nullable(Date))',
  array1: (x) => `[${x}]`,
  emptyArray: 'CAST([], \'Array(String)\')',
  least: (a, b) => `least(${a}, ${b})`,
};

export const POSTGRES: Dialect = {
  name: 'postgres',
  rows: (alias, start, count) => `(SELECT g::bigint AS ${alias} FROM generate_series(${start}::bigint, ${start + count - 1}::bigint) AS g)`,
  div: (a, b) => `((${a}) / (${b}))`,
  iff: (c, a, b) => `(CASE WHEN ${c} THEN ${a} ELSE ${b} END)`,
  str: (x) => `(${x})::text`,
  concat: (...p) => `(${p.join(' || ')})`,
  md5hex: (x) => `md5((${x})::text)`,
  pick: (values, i) => `(ARRAY[${values.map(quote).join(', ')}])[(${i}) + 1]`,
  dateAdd: (d, k) => `(DATE '${d}' + (${k})::int)`,
  seconds: (x) => `to_timestamp(${x})`,
  nullDate: 'NULL::date',
  array1: (x) => `ARRAY[${x}]::text[]`,
  emptyArray: `'{}'::text[]`,
  least: (a, b) => `LEAST(${a}, ${b})`,
};

/** Eight independent-looking integer hashes in [0, 10^9 + 7): two multiply-mod rounds on different primes. */
const MIX_A = [979_573_421, 715_827_883, 843_314_857, 612_345_679, 901_234_567, 777_767_777, 654_321_011, 888_888_877];
const MIX_B = [912_367_421, 603_979_769, 738_912_319, 571_428_571, 823_543_211, 699_999_953, 922_337_201, 531_441_011];
const mix = (x: string, k: number) => `(((((${x}) * ${MIX_A[k]}) % 2147483647) * ${MIX_B[k]} + ${k * 1_000_003 + 12_345}) % 1000000007)`;

const personOfRow = (n: string) => `((${n}) * 2654435761) % ${PERSONS}`;
export const venueCode = (d: Dialect, v: string) => d.str(`270000000000000 + (${v}) * 104729`);
const districtCodeOf = (d: Dialect, idx: string) => d.str(`63000010 + 10 * (${idx})`);

/** The fixed instants of one run, whole seconds, shared by both stores. */
export interface Clock {
  nowSec: number;
  /** Taipei midnight today, Unix seconds. */
  todaySec: number;
  /** Taipei date today, YYYY-MM-DD. */
  today: string;
}

export function clockAt(nowMs: number): Clock {
  const nowSec = Math.floor(nowMs / 1000);
  const today = new Date(nowSec * 1000 + 8 * 3_600_000).toISOString().slice(0, 10);
  return { nowSec, todaySec: Date.parse(`${today}T00:00:00+08:00`) / 1000, today };
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** First row number of check-in day `day` (0..DAYS): rows are spread evenly over the days in order. */
export const dayStartRow = (day: number, total: number) => Math.ceil((day * total) / DAYS);

export function venuesSql(d: Dialect, clock: Clock): string {
  const v = 'v';
  const category = d.pick(CATEGORIES, `${d.div(v, 12)} % 8`);
  return `SELECT ${venueCode(d, v)} AS code, '' AS venue_id, ${d.concat(category, "' '", d.str(v))} AS name, ${category} AS category,
            ${districtCodeOf(d, `${v} % 12`)} AS district_code, '' AS village, '' AS address, NULL AS lat, NULL AS lon, ${d.seconds(String(clock.nowSec), 'UTC')} AS updated_at
          FROM ${d.rows(v, 0, VENUES)} AS s0`;
}

/** Check-in rows [start, start + count) of `total`, in the column order of the checkins table. */
export function checkinsSql(d: Dialect, clock: Clock, total: number, start: number, count: number): string {
  const day0 = clock.todaySec - (DAYS - 1) * DAY_S;
  // s1: day index, person and hashes; s2: venue and second of the day; s3: the time, moved back 28 days when it would lie after now.
  const s1 = `SELECT n, ${d.div(`n * ${DAYS}`, total)} AS day, ${personOfRow('n')} AS p, ${mix('n', 0)} AS h1, ${mix('n', 1)} AS h2, ${mix('n', 2)} AS h3, ${mix('n', 3)} AS h4, ${mix('n', 4)} AS h5
              FROM ${d.rows('n', start, count)} AS s0`;
  const s2 = `SELECT n, day, p, h5, ${d.div(`(h1 % ${VENUES}) * (h2 % ${VENUES})`, VENUES)} AS v,
                     ${d.iff('h5 % 100 < 15', 'h4 % 86400', `21600 + (h3 % 28801) + (${d.div('h4', 28801)} % 28801)`)} AS sec
              FROM (${s1}) AS s1`;
  const s3 = `SELECT n, p, h5, v, ${day0} + day * ${DAY_S} + sec AS t0 FROM (${s2}) AS s2`;
  const t = `t0 - ${d.iff(`t0 >= ${clock.nowSec}`, String(DAYS * DAY_S), '0')}`;
  const party = `1 + ${d.iff(`${d.div('h5', 10000)} % 10 < 2`, '1', '0')} + ${d.iff(`${d.div('h5', 100000)} % 10 < 1`, '2', '0')}`;
  return `SELECT ${d.seconds(t, 'Asia/Taipei')} AS time, ${venueCode(d, 'v')} AS venue_code, ${districtCodeOf(d, 'v % 12')} AS district_code,
                 ${d.iff(`${d.div('h5', 100)} % 100 < 35`, "'sms'", "'app'")} AS channel, ${d.md5hex('p')} AS person_hash,
                 ${party} AS party_size, '' AS dedup_key, 'bench-metrics' AS batch_id, ${d.seconds(String(clock.nowSec), 'UTC')} AS ingested_at
          FROM (${s3}) AS s3`;
}

/** The line list's cases as integer columns (the shared source of `case_reports` and `cases`). */
function caseLinesSql(d: Dialect, totalCheckins: number): string {
  const oldCases = CASES - NEW_CASES;
  const dayStart = dayStartRow(NEW_CASE_CHECKIN_DAY, totalCheckins);
  const dayRows = dayStartRow(NEW_CASE_CHECKIN_DAY + 1, totalCheckins) - dayStart;
  const s1 = `SELECT i, ${d.iff(`i >= ${oldCases}`, '1', '0')} AS isnew, i - ${oldCases} AS j,
                     ${mix('i', 5)} AS g1, ${mix('i', 6)} AS g2, ${mix('i', 7)} AS g3, ${mix('i + 7777777', 0)} AS g4, ${mix('i + 7777777', 1)} AS g5
              FROM ${d.rows('i', 0, CASES)} AS s0`;
  // Old cases: 60 % a wave (sum of two uniforms over 50 days) and 40 % spread evenly over days 0..118; new: days 119 and 120.
  const off = d.iff('isnew = 1', `${CASE_DAYS - 2} + (j % 2)`, d.iff('g1 % 100 < 60', `(g2 % 50) + (${d.div('g2', 50)} % 50)`, `g3 % ${CASE_DAYS - 2}`));
  const person = d.iff('isnew = 1', personOfRow(`${dayStart} + ((j * 7919) % ${dayRows})`), `(i * 7919 + 13) % ${PERSONS}`);
  return `SELECT i, isnew, ${off} AS off, g4 % 12 AS dist, ${d.div('g4', 12)} % 2 AS sexi, ${d.iff(`${d.div('g4', 24)} % 20 = 0`, '1', '0')} AS imp,
                 ${d.div('g4', 480)} % ${AGE_GROUPS.length} AS age, g5, ${person} AS person
          FROM (${s1}) AS s1`;
}

export function caseReportsSql(d: Dialect, clock: Clock, totalCheckins: number): string {
  const base = addDays(clock.today, -(CASE_DAYS - 1));
  const baseSec = clock.todaySec - (CASE_DAYS - 1) * DAY_S;
  const confirmed = d.dateAdd(base, 'off');
  return `SELECT ${d.concat("'BM'", d.str(`1000000 + i`))} AS case_id,
                 ${d.seconds(d.least(`${baseSec} + off * ${DAY_S} + 72000`, String(clock.nowSec - 60)), 'UTC')} AS reported_at,
                 0 AS retracted,
                 ${d.iff('g5 % 10 = 0', d.nullDate, d.dateAdd(base, 'off - 2'))} AS onset_date,
                 ${confirmed} AS confirmed_date,
                 ${districtCodeOf(d, 'dist')} AS district_code,
                 ${d.concat("'第'", d.str(`${d.div('g5', 10)} % 20 + 1`), "'里'")} AS village,
                 ${d.pick(AGE_GROUPS, 'age')} AS age_group, ${d.pick(SEXES, 'sexi')} AS sex, imp AS imported,
                 ${d.iff('g5 % 3 = 0', "''", d.concat("'群聚'", d.str(`${d.div('g5', 30)} % 50`)))} AS cluster,
                 ${d.array1(d.md5hex('person'))} AS phone_hashes, ${d.emptyArray} AS app_hashes,
                 'bench-metrics' AS batch_id, ${d.seconds(String(clock.nowSec), 'UTC')} AS ingested_at
          FROM (${caseLinesSql(d, totalCheckins)}) AS lines`;
}

/**
 * CDC aggregate rows: the line list per key; `corrected` gives, for one key in ten, the earlier
 * version (one case more, landed a day before) that the current one replaced.
 */
export function casesSql(d: Dialect, clock: Clock, totalCheckins: number, corrected: boolean): string {
  const base = addDays(clock.today, -(CASE_DAYS - 1));
  const names = TAIPEI_DISTRICTS.map((x) => x.name);
  const key = 'off, dist, sexi, imp, age';
  return `SELECT ${d.dateAdd(base, 'off')} AS case_date, '${TAIPEI_CITY.name}' AS county, ${d.pick(names, 'dist')} AS district, ${d.pick(SEXES, 'sexi')} AS sex,
                 imp AS imported, ${d.pick(AGE_GROUPS, 'age')} AS age_group, count(*) + ${corrected ? 1 : 0} AS cases, 'bench' AS source,
                 '${corrected ? 'bench-metrics-0' : 'bench-metrics'}' AS batch_id, ${d.seconds(String(clock.nowSec - (corrected ? DAY_S : 0)), 'UTC')} AS ingested_at
          FROM (${caseLinesSql(d, totalCheckins)}) AS lines
          GROUP BY ${key}
          ${corrected ? 'HAVING (off * 31 + dist * 7 + sexi * 3 + imp * 5 + age) % 10 = 0' : ''}`;
}

/** Ids of the new cases (confirmed yesterday or today). */
export const newCaseIds = (): string[] => Array.from({ length: NEW_CASES }, (_, j) => `BM${1_000_000 + CASES - NEW_CASES + j}`);
