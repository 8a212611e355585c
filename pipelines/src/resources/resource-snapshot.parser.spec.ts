import { parseResourceSnapshots, ResourceInputError } from './resource-snapshot.parser.js';

const NOW = Date.parse('2021-05-28T12:00:00+08:00');
/** A hospital's report as a hospital information system would send it. */
const heping = {
  facilityId: 'tpech-heping',
  facilityName: '臺北市立聯合醫院和平婦幼院區',
  facilityType: 'hospital',
  district: '中正區',
  time: '2021-05-28T09:00:00+08:00',
  capacity: { isolation_beds: { total: 150, occupied: 131 }, icu_beds: { total: 24, occupied: 24 }, negative_pressure_rooms: { total: 20, occupied: 18 } },
  stock: { rapid_tests: 1200, ppe_sets: 640 },
};

describe('parseResourceSnapshots', () => {
  it('takes one snapshot or an array, in long form with the district code', () => {
    const row = {
      facilityId: 'tpech-heping',
      facilityName: '臺北市立聯合醫院和平婦幼院區',
      facilityType: 'hospital',
      districtCode: '63000050',
      time: Date.parse('2021-05-28T01:00:00Z'),
      capacity: [
        { kind: 'isolation_beds', total: 150, occupied: 131 },
        { kind: 'icu_beds', total: 24, occupied: 24 },
        { kind: 'negative_pressure_rooms', total: 20, occupied: 18 },
      ],
      stock: [
        { item: 'rapid_tests', quantity: 1200 },
        { item: 'ppe_sets', quantity: 640 },
      ],
    };
    expect(parseResourceSnapshots(heping, NOW)).toEqual({ rows: [row], rejected: [] });
    expect(parseResourceSnapshots([heping, heping], NOW).rows).toEqual([row, row]);
  });

  it('takes a quarantine hotel without stock, a city without district, and district spellings', () => {
    const { rows, rejected } = parseResourceSnapshots(
      [
        { facilityId: 'qh-1', facilityName: '防疫旅館 A', facilityType: 'quarantine_hotel', district: 'Wanhua', time: '2021-05-28T00:00:00Z', capacity: { quarantine_rooms: { total: 180, occupied: 0 } } },
        { facilityId: 'taipei-doh', facilityName: '臺北市政府衛生局', facilityType: 'city', time: '2021-05-28T08:00:00+08:00', stock: { vaccine_doses: 52_000 } },
        { facilityId: 'tsgh', facilityName: '三軍總醫院', facilityType: 'hospital', district: '內湖', time: '2021-05-28T08:00:00+08:00', capacity: { ventilators: { total: 45, occupied: 12 } } },
      ],
      NOW,
    );
    expect(rejected).toEqual([]);
    expect(rows.map((r) => [r.districtCode, r.capacity.length, r.stock.length])).toEqual([
      ['63000070', 1, 0],
      ['', 0, 1],
      ['63000100', 1, 0],
    ]);
  });

  it('refuses every bad record with its reason and keeps the good ones', () => {
    const bad: Array<[unknown, string]> = [
      ['tpech-heping', 'snapshot is not a JSON object'],
      [{ ...heping, beds: 3 }, 'unknown field "beds"'],
      [{ ...heping, facilityId: 'tpech heping' }, 'facilityId must be an id of 1 to 100 letters, digits or ._:/-'],
      [{ ...heping, facilityName: ' ' }, 'facilityName must be a non-empty string of at most 200 characters'],
      [{ ...heping, facilityType: 'clinic' }, 'facilityType must be one of hospital, quarantine_hotel, quarantine_station, city'],
      [{ ...heping, district: '板橋區' }, 'unknown Taipei district "板橋區"'],
      [{ ...heping, facilityType: 'city' }, 'a city-level snapshot has no district'],
      [{ ...heping, time: '2021-05-28 09:00' }, 'time must be an ISO 8601 timestamp with its offset, such as 2021-05-17T12:30:00+08:00'],
      [{ ...heping, time: '2021-05-28T09:00:00' }, 'time must be an ISO 8601 timestamp with its offset, such as 2021-05-17T12:30:00+08:00'],
      [{ ...heping, time: '2021-02-29T09:00:00+08:00' }, 'time 2021-02-29T09:00:00+08:00 is not a real date and time'],
      [{ ...heping, time: '2021-05-29T09:00:00+08:00' }, 'time 2021-05-29T09:00:00+08:00 is in the future'],
      [{ ...heping, time: '2019-11-30T09:00:00+08:00' }, 'time 2019-11-30T09:00:00+08:00 is before 2019-12-01, earlier than the pandemic'],
      [{ ...heping, capacity: [] }, 'capacity must be an object of kinds, such as {"icu_beds": {"total": 30, "occupied": 12}}'],
      [{ ...heping, capacity: { oxygen_tanks: { total: 1, occupied: 0 } } }, 'unknown capacity kind "oxygen_tanks" (known: isolation_beds, icu_beds, negative_pressure_rooms, quarantine_rooms, ventilators)'],
      [{ ...heping, capacity: { icu_beds: 24 } }, 'capacity.icu_beds must be {"total": n, "occupied": n}'],
      [{ ...heping, capacity: { icu_beds: { total: 24, occupied: 3, free: 21 } } }, 'capacity.icu_beds must be {"total": n, "occupied": n}'],
      [{ ...heping, capacity: { icu_beds: { total: 24.5, occupied: 3 } } }, 'capacity.icu_beds.total must be a whole number from 0 to 100,000,000'],
      [{ ...heping, capacity: { icu_beds: { total: 24 } } }, 'capacity.icu_beds.occupied must be a whole number from 0 to 100,000,000'],
      [{ ...heping, capacity: { icu_beds: { total: 24, occupied: '3' } } }, 'capacity.icu_beds.occupied must be a whole number from 0 to 100,000,000'],
      [{ ...heping, capacity: { icu_beds: { total: 24, occupied: -1 } } }, 'capacity.icu_beds.occupied must be a whole number from 0 to 100,000,000'],
      [{ ...heping, capacity: { icu_beds: { total: 24, occupied: 25 } } }, 'capacity.icu_beds: occupied 25 exceeds total 24'],
      [{ ...heping, stock: { masks: 10 } }, 'unknown stock item "masks" (known: vaccine_doses, rapid_tests, ppe_sets)'],
      [{ ...heping, stock: { rapid_tests: 1e9 } }, 'stock.rapid_tests must be a whole number from 0 to 100,000,000'],
      [{ ...heping, capacity: {}, stock: {} }, 'a snapshot needs at least one capacity or stock figure'],
    ];
    const { rows, rejected } = parseResourceSnapshots([...bad.map(([item]) => item), heping], NOW);
    expect(rejected.map((r) => r.reason)).toEqual(bad.map(([, reason]) => reason));
    expect(rejected.map((r) => r.position)).toEqual(bad.map((_, i) => `item ${i}`));
    expect(rows).toHaveLength(1);
  });

  it('does not take __proto__ as a kind or an item', () => {
    const { rejected } = parseResourceSnapshots(JSON.parse('[{"facilityId":"x","facilityName":"x","facilityType":"hospital","time":"2021-05-28T09:00:00+08:00","capacity":{"__proto__":{"total":1,"occupied":0}}}]'), NOW);
    expect(rejected[0]!.reason).toBe('unknown capacity kind "__proto__" (known: isolation_beds, icu_beds, negative_pressure_rooms, quarantine_rooms, ventilators)');
  });

  it('redacts a phone number in a name and in a dead letter', () => {
    const { rows, rejected } = parseResourceSnapshots([{ ...heping, facilityName: '和平院區 專線 02-2388-9595' }, { ...heping, contact: '0912 345 678' }], NOW);
    expect(rows[0]!.facilityName).toBe('和平院區 專線 [redacted]');
    expect(rejected[0]!.raw).not.toMatch(/345/);
  });

  it('refuses a body that is not a snapshot or an array as a whole', () => {
    expect(() => parseResourceSnapshots('tpech-heping', NOW)).toThrow(ResourceInputError);
    expect(() => parseResourceSnapshots(null, NOW)).toThrow('expected a resource snapshot object or a JSON array of them');
  });
});
