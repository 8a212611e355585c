import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DIR } from '../places/reference-data.js';
import { parseCapacityPressCsv } from './capacity-press-csv.parser.js';
import { ResourceInputError } from './resource-snapshot.parser.js';

/** The real press-figure table shipped in pipelines/reference (each row cites its article). */
const PRESS_CSV = readFileSync(join(REFERENCE_DIR, 'tw_taipei_covid_capacity_press_2021.csv'), 'utf8');
const NOW = Date.parse('2021-07-01T12:00:00+08:00');
const HEADER = 'date,date_precision,geography,metric,value,unit,note,source_url';
const city = { facilityId: 'taipei-city-press', facilityName: '臺北市 (press figures)', facilityType: 'city', districtCode: '', stock: [] };

describe('parseCapacityPressCsv on the real press figures', () => {
  const { rows, rejected } = parseCapacityPressCsv(PRESS_CSV, NOW);

  it('turns the Taipei City totals into one city snapshot per date, at Taipei midnight', () => {
    expect(rows).toEqual([
      { ...city, time: Date.parse('2021-05-21T00:00:00+08:00'), capacity: [{ kind: 'quarantine_rooms', total: 6884, occupied: null }] },
      { ...city, time: Date.parse('2021-05-27T00:00:00+08:00'), capacity: [{ kind: 'isolation_beds', total: 1023, occupied: null }] },
      // Beds opened and patients admitted, reported together, make one capacity.
      { ...city, time: Date.parse('2021-05-28T00:00:00+08:00'), capacity: [{ kind: 'isolation_beds', total: 1092, occupied: 520 }] },
    ]);
  });

  it('keeps every other line as a dead letter with its reason, in line order', () => {
    expect(rejected).toHaveLength(27);
    expect(rows.length + rejected.length + 1).toBe(31); // the 05-28 pair is two lines, one snapshot
    expect(rejected.map((r) => r.position)).toEqual(['line 2', 'line 3', 'line 4', 'line 5', 'line 6', 'line 7', 'line 8', 'line 10', 'line 11', 'line 12', 'line 13', 'line 14', 'line 15', 'line 16', ...Array.from({ length: 13 }, (_, i) => `line ${20 + i}`)]);
    const reasonOf = (line: number) => rejected.find((r) => r.position === `line ${line}`)!.reason;
    expect(reasonOf(4)).toBe('metric dedicated_covid_beds_total_openable is not mapped: dedicated-ward (專責) beds only, without the isolation rooms, so not the city isolation_beds total');
    expect(reasonOf(6)).toBe('metric quarantine_hotel_backup_beds_added is not mapped: an increase, not a level');
    expect(reasonOf(8)).toBe('metric quarantine_hotels is not mapped: counts hotels, not rooms');
    expect(reasonOf(12)).toBe('geography "臺北市+新北市" is not Taipei City alone: only 臺北市 figures become city snapshots');
    expect(reasonOf(20)).toBe('geography "臺灣" is not Taipei City alone: only 臺北市 figures become city snapshots');
    expect(rejected[0]!.raw).toMatch(/^2021-05-15,day,臺北市,dedicated_covid_beds_tpech_planned,120,beds,/);
  });
});

describe('parseCapacityPressCsv checks', () => {
  const line = (fields: Partial<Record<'date' | 'precision' | 'geography' | 'metric' | 'value' | 'unit', string>>) => {
    const f = { date: '2021-05-21', precision: 'day', geography: '臺北市', metric: 'quarantine_hotel_rooms', value: '6884', unit: 'rooms', ...fields };
    return `${f.date},${f.precision},${f.geography},${f.metric},${f.value},${f.unit},note,https://example.org/a`;
  };
  const reasons = (...lines: string[]) => parseCapacityPressCsv([HEADER, ...lines].join('\n'), NOW).rejected.map((r) => r.reason);

  it('takes 台北市 as 臺北市 and columns in any order', () => {
    const reordered = 'value,unit,date,date_precision,geography,metric,note,source_url\n6884,rooms,2021-05-21,approx,台北市,quarantine_hotel_rooms,n,u\n';
    expect(parseCapacityPressCsv(reordered, NOW).rows).toEqual([{ ...city, time: Date.parse('2021-05-21T00:00:00+08:00'), capacity: [{ kind: 'quarantine_rooms', total: 6884, occupied: null }] }]);
  });

  it('refuses bad dates, values, units, metrics and field counts with their reason', () => {
    expect(
      reasons(
        line({ date: '2021-02-30' }),
        line({ date: '2021-07-02' }),
        line({ date: '2019-06-01' }),
        line({ precision: 'month' }),
        line({ value: '6,884' }),
        line({ value: '-3' }),
        line({ unit: 'beds' }),
        line({ metric: 'ventilators_in_use' }),
        '2021-05-21,day,臺北市',
      ),
    ).toEqual([
      'date "2021-02-30" is not a date YYYY-MM-DD',
      'date 2021-07-02 is in the future',
      'date 2019-06-01 is before 2019-12-01, earlier than the pandemic',
      'date_precision "month" is not day or approx',
      'expected 8 fields, found 9',
      'value "-3" is not a whole number from 0 to 100,000,000',
      'metric quarantine_hotel_rooms is counted in rooms, not "beds"',
      'unknown metric "ventilators_in_use"',
      'expected 8 fields, found 3',
    ]);
  });

  it('needs a total for an occupied figure, at most the total, and one figure per date and kind', () => {
    const opened = (value: string, date = '2021-05-28') => line({ date, metric: 'response_hospital_beds_opened', value, unit: 'beds' });
    const admitted = (value: string, date = '2021-05-28') => line({ date, metric: 'response_hospital_patients_admitted', value, unit: 'patients' });
    const result = parseCapacityPressCsv([HEADER, admitted('520', '2021-05-29'), opened('1092'), admitted('1200'), opened('1100')].join('\n'), NOW);
    expect(result.rejected.map((r) => [r.position, r.reason])).toEqual([
      ['line 2', 'an occupied isolation_beds figure for 2021-05-29 without the total of the same date'],
      ['line 4', 'isolation_beds occupied 1200 exceeds the total 1092 of the same date'],
      ['line 5', 'a second isolation_beds total for 2021-05-28 (line 3 has 1092)'],
    ]);
    expect(result.rows).toEqual([{ ...city, time: Date.parse('2021-05-28T00:00:00+08:00'), capacity: [{ kind: 'isolation_beds', total: 1092, occupied: null }] }]);
  });

  it('refuses a file without its columns as a whole', () => {
    expect(() => parseCapacityPressCsv('date,metric,value\n2021-05-21,quarantine_hotel_rooms,6884\n', NOW)).toThrow(ResourceInputError);
    expect(() => parseCapacityPressCsv('date,metric,value\n', NOW)).toThrow('CSV header lacks column(s) date_precision, geography, unit, note, source_url; expected date,date_precision,geography,metric,value,unit,note,source_url');
    expect(() => parseCapacityPressCsv('', NOW)).toThrow('empty CSV');
  });

  it('redacts a phone number in a dead letter', () => {
    const { rejected } = parseCapacityPressCsv(`${HEADER}\n2021-05-21,day,臺北市,hotline,1,rooms,call 0912-345-678,u\n`, NOW);
    expect(rejected[0]!.reason).toBe('unknown metric "hotline"');
    expect(rejected[0]!.raw).not.toMatch(/345/);
  });
});
