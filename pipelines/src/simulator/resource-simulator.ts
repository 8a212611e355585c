import type { ResourceSnapshotInput } from '../resources/resource-snapshot.parser.js';

/**
 * Real Taipei hospitals that ran COVID-19 wards in 2021, with their districts. The capacities are
 * illustrative (of the order the city reported in total, ~1,000 isolation beds in late May 2021),
 * not each hospital's real figures.
 */
const SIMULATED_HOSPITALS = [
  { facilityId: 'tpech-heping', facilityName: '臺北市立聯合醫院和平婦幼院區', district: '中正區', isolation: 150, icu: 24, negativePressure: 20, ventilators: 30 },
  { facilityId: 'tpech-renai', facilityName: '臺北市立聯合醫院仁愛院區', district: '大安區', isolation: 110, icu: 18, negativePressure: 12, ventilators: 24 },
  { facilityId: 'tpech-zhongxing', facilityName: '臺北市立聯合醫院中興院區', district: '大同區', isolation: 90, icu: 14, negativePressure: 10, ventilators: 18 },
  { facilityId: 'ntuh', facilityName: '國立臺灣大學醫學院附設醫院', district: '中正區', isolation: 130, icu: 40, negativePressure: 26, ventilators: 60 },
  { facilityId: 'tvgh', facilityName: '臺北榮民總醫院', district: '北投區', isolation: 140, icu: 38, negativePressure: 24, ventilators: 55 },
  { facilityId: 'tsgh', facilityName: '三軍總醫院', district: '內湖區', isolation: 120, icu: 32, negativePressure: 20, ventilators: 45 },
] as const;

/** Quarantine hotels are placeholders, named as simulated: the project ships no list of the hotels that served. */
const SIMULATED_QUARANTINE_HOTELS = [
  { facilityId: 'sim-qh-wanhua', facilityName: '防疫旅館 (simulated) 萬華', district: '萬華區', rooms: 180 },
  { facilityId: 'sim-qh-zhongshan', facilityName: '防疫旅館 (simulated) 中山', district: '中山區', rooms: 240 },
  { facilityId: 'sim-qh-xinyi', facilityName: '防疫旅館 (simulated) 信義', district: '信義區', rooms: 120 },
] as const;

/** The city's own stock, held by its health department. */
const CITY_STOCK = { facilityId: 'taipei-doh', facilityName: '臺北市政府衛生局', vaccineDoses: 120_000, rapidTests: 80_000, ppeSets: 50_000 } as const;

const HOUR = 3_600_000;

/**
 * One round of hourly reports: every simulated hospital (beds, ICU, negative-pressure rooms,
 * ventilators, and its stock), quarantine hotel (rooms) and the city's stock, stamped at the start
 * of `now`'s hour. Two calls in one hour give snapshots with the same keys, which the store counts once.
 */
export function simulateResourceSnapshots(now: Date, random: () => number): ResourceSnapshotInput[] {
  const time = new Date(Math.floor(now.getTime() / HOUR) * HOUR).toISOString();
  const used = (total: number, low: number, high: number) => Math.min(total, Math.round(total * (low + (high - low) * random())));
  const snapshots: ResourceSnapshotInput[] = SIMULATED_HOSPITALS.map((h) => ({
    facilityId: h.facilityId,
    facilityName: h.facilityName,
    facilityType: 'hospital',
    district: h.district,
    time,
    capacity: {
      isolation_beds: { total: h.isolation, occupied: used(h.isolation, 0.45, 0.95) },
      icu_beds: { total: h.icu, occupied: used(h.icu, 0.5, 1) },
      negative_pressure_rooms: { total: h.negativePressure, occupied: used(h.negativePressure, 0.4, 1) },
      ventilators: { total: h.ventilators, occupied: used(h.ventilators, 0.2, 0.7) },
    },
    stock: { rapid_tests: Math.round(800 + 2400 * random()), ppe_sets: Math.round(300 + 1200 * random()) },
  }));
  for (const q of SIMULATED_QUARANTINE_HOTELS) {
    snapshots.push({ facilityId: q.facilityId, facilityName: q.facilityName, facilityType: 'quarantine_hotel', district: q.district, time, capacity: { quarantine_rooms: { total: q.rooms, occupied: used(q.rooms, 0.5, 0.9) } } });
  }
  snapshots.push({
    facilityId: CITY_STOCK.facilityId,
    facilityName: CITY_STOCK.facilityName,
    facilityType: 'city',
    time,
    stock: {
      vaccine_doses: Math.round(CITY_STOCK.vaccineDoses * (0.3 + 0.7 * random())),
      rapid_tests: Math.round(CITY_STOCK.rapidTests * (0.4 + 0.6 * random())),
      ppe_sets: Math.round(CITY_STOCK.ppeSets * (0.5 + 0.5 * random())),
    },
  });
  return snapshots;
}
