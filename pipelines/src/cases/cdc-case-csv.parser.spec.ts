import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCaseDate, parseCaseRecords, parseCdcCaseCsv, CaseInputError } from './cdc-case-csv.parser.js';
import { loadTownshipRegistry } from '../places/reference-data.js';

const REAL = fileURLToPath(new URL('../../../../shared/data/real/', import.meta.url));
const towns = loadTownshipRegistry();
const HEADER = '確定病名,個案研判日,縣市,鄉鎮,性別,是否為境外移入,年齡層,確定病例數';

describe('parseCdcCaseCsv on the real CDC file', () => {
  const text = readFileSync(REAL + 'tw_cdc_confirmed_by_date_county_township_2020-2021.csv', 'utf8');
  const { rows, rejected } = parseCdcCaseCsv(text, towns);

  it('accepts every row and keeps the published total of 17,049 cases', () => {
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(12222);
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(17049);
  });

  it('folds 台北市 to 臺北市 and keeps imported cases whose place is 空值', () => {
    expect(rows.some((r) => r.county === '台北市')).toBe(false);
    const taipei2021 = rows.filter((r) => r.county === '臺北市' && r.caseDate.startsWith('2021'));
    expect(taipei2021.reduce((s, r) => s + r.count, 0)).toBe(4863);
    const unlocated = rows.filter((r) => r.county === '');
    expect(unlocated.length).toBeGreaterThan(0);
    expect(unlocated.every((r) => r.imported && r.district === '')).toBe(true);
  });

  it('keeps single-year and banded age groups and ISO dates', () => {
    const ages = new Set(rows.map((r) => r.ageGroup));
    for (const a of ['0', '4', '5-9', '65-69', '70+']) expect(ages).toContain(a);
    expect(rows[0]!.caseDate).toBe('2020-01-22');
  });
});

describe('parseCdcCaseCsv on broken input', () => {
  it('rejects a wrong header for the whole file, naming the missing column', () => {
    expect(() => parseCdcCaseCsv('date,county\n2021/05/01,台北市\n', towns)).toThrow(CaseInputError);
    expect(() => parseCdcCaseCsv('date,county\n', towns)).toThrow(/個案研判日/);
    expect(() => parseCdcCaseCsv('', towns)).toThrow(/empty CSV/);
  });

  it('dead-letters bad rows with a reason and keeps the good ones', () => {
    const csv = [
      HEADER,
      '嚴重特殊傳染性肺炎,2021/05/15,台北市,萬華區,男,否,60-64,3',
      '嚴重特殊傳染性肺炎,2021/02/30,台北市,萬華區,男,否,60-64,1',
      '嚴重特殊傳染性肺炎,2021/05/15,台北市,火星區,男,否,60-64,1',
      '嚴重特殊傳染性肺炎,2021/05/15,台北市,萬華區,男,否,60-64,-2',
      '嚴重特殊傳染性肺炎,2021/05/15,台北市,萬華區,男',
      '嚴重特殊傳染性肺炎,2021/05/15,台北市,萬華區,X,否,60-64,1',
      '嚴重特殊傳染性肺炎,2021/05/15,高雄市,萬華區,男,否,60-64,1',
    ].join('\r\n');
    const { rows, rejected } = parseCdcCaseCsv(csv, towns);
    expect(rows).toEqual([{ caseDate: '2021-05-15', county: '臺北市', district: '萬華區', sex: 'M', imported: false, ageGroup: '60-64', count: 3 }]);
    expect(rejected.map((r) => [r.position, r.reason])).toEqual([
      ['line 3', '個案研判日 "2021/02/30" is not a date (YYYY/MM/DD or YYYY-MM-DD)'],
      ['line 4', 'unknown district "火星區" in 臺北市'],
      ['line 5', '確定病例數 "-2" is not a whole number from 0 to 100000'],
      ['line 6', 'expected 8 fields, found 5'],
      ['line 7', '性別 "X" is not 男 or 女'],
      ['line 8', 'unknown district "萬華區" in 高雄市'],
    ]);
  });

  it('accepts district names with or without 區, in English, and 臺 or 台', () => {
    const csv = [HEADER, ...['萬華', 'Wanhua', 'Wanhua District', '萬華區'].map((d, i) => `嚴重特殊傳染性肺炎,2021/05/15,${i % 2 ? '臺北市' : '台北市'},${d},女,否,70+,1`)].join('\n');
    const { rows, rejected } = parseCdcCaseCsv(csv, towns);
    expect(rejected).toEqual([]);
    expect(rows.map((r) => `${r.county}/${r.district}`)).toEqual(Array(4).fill('臺北市/萬華區'));
  });

  it('keeps an imported case with no district and counts it for its county', () => {
    const { rows } = parseCdcCaseCsv(`${HEADER}\n嚴重特殊傳染性肺炎,2021/05/15,Taipei City,,女,是,30-34,1\n`, towns);
    expect(rows).toEqual([{ caseDate: '2021-05-15', county: '臺北市', district: '', sex: 'F', imported: true, ageGroup: '30-34', count: 1 }]);
  });
});

describe('parseCaseRecords (JSON)', () => {
  it('takes the CSV keys or English keys', () => {
    const { rows, rejected } = parseCaseRecords(
      [
        { 個案研判日: '2021/05/15', 縣市: '台北市', 鄉鎮: '萬華區', 性別: '男', 是否為境外移入: '否', 年齡層: '60-64', 確定病例數: 2 },
        { caseDate: '2021-05-16', county: 'Taipei', district: "Da'an", sex: 'F', imported: false, ageGroup: '20-24', count: 1 },
        'nonsense',
      ],
      towns,
    );
    expect(rows.map((r) => [r.caseDate, r.district, r.count])).toEqual([
      ['2021-05-15', '萬華區', 2],
      ['2021-05-16', '大安區', 1],
    ]);
    expect(rejected).toEqual([{ position: 'item 2', reason: 'record is not a JSON object', raw: '"nonsense"' }]);
  });

  it('refuses a body that is not an array', () => {
    expect(() => parseCaseRecords({ a: 1 }, towns)).toThrow(/JSON array/);
  });
});

describe('parseCaseDate', () => {
  it.each([
    ['2021/05/01', '2021-05-01'],
    ['2021-5-1', '2021-05-01'],
    ['2020/02/29', '2020-02-29'],
    ['2021/02/29', undefined],
    ['01/05/2021', undefined],
    ['', undefined],
  ])('%s -> %s', (raw, expected) => expect(parseCaseDate(raw)).toBe(expected));
});
