import type { CheckinInput } from '../checkins/checkin.parser.js';
import { formatVenueCode } from '../checkins/venue-code.js';
import { TAIPEI_DISTRICTS } from '../places/taipei-districts.js';
import { pickWeighted, seededRandom } from './random.js';

/** Relative check-in volume by hour of day (Taipei time): lunch and dinner peaks, quiet nights. */
export const HOURLY_RHYTHM = [
  0.15, 0.08, 0.05, 0.04, 0.05, 0.12, 0.35, 0.7, 1.0, 0.9, 0.85, 1.2, 1.9, 1.5, 0.9, 0.85, 1.0, 1.4, 1.9, 1.7, 1.2, 0.9, 0.6, 0.3,
] as const;

const CATEGORIES = [
  { category: '便利商店', en: 'convenience store', weight: 5 },
  { category: '餐廳', en: 'restaurant', weight: 6 },
  { category: '超市', en: 'supermarket', weight: 2 },
  { category: '捷運站', en: 'MRT station', weight: 2 },
  { category: '百貨公司', en: 'department store', weight: 1 },
  { category: '傳統市場', en: 'market', weight: 1 },
  { category: '醫療院所', en: 'clinic', weight: 1 },
  { category: '辦公大樓', en: 'office', weight: 2 },
] as const;

/** Rough share of daytime activity by district (population plus commuting into the centre). */
const DISTRICT_WEIGHT: Record<string, number> = {
  '63000010': 1.0, '63000020': 1.2, '63000030': 1.5, '63000040': 1.4, '63000050': 1.1, '63000060': 0.7,
  '63000070': 0.9, '63000080': 0.9, '63000090': 0.6, '63000100': 1.2, '63000110': 1.1, '63000120': 0.9,
};

export interface SimulatedVenue {
  code: string;
  name: string;
  category: string;
  district: string;
  venueId: string;
}

/** A fixed set of venues with 15-digit 1922 codes, spread over the districts by activity. */
export function simulateVenues(count: number, seed = 1922): SimulatedVenue[] {
  const random = seededRandom(seed);
  const venues: SimulatedVenue[] = [];
  const used = new Set<string>();
  while (venues.length < count) {
    // Real codes are 15 digits without structure a reader could rely on; the first is never 0.
    let code = String(1 + Math.floor(random() * 9));
    while (code.length < 15) code += Math.floor(random() * 10);
    if (used.has(code)) continue;
    used.add(code);
    const district = pickWeighted(random, TAIPEI_DISTRICTS, (d) => DISTRICT_WEIGHT[d.code] ?? 1);
    const kind = pickWeighted(random, CATEGORIES, (c) => c.weight);
    venues.push({
      code,
      name: `${district.name.replace(/區$/u, '')}${kind.category} ${venues.length + 1}`,
      category: kind.category,
      district: district.name,
      venueId: `sim-${code}`,
    });
  }
  return venues;
}

/**
 * Check-ins for one simulated hour: volume follows the daily rhythm, a third arrive by 1922
 * SMS (sometimes with "+N" companions), the rest by TaipeiPASS (sometimes with family).
 * Phone numbers are fake 09xx numbers; they are hashed at the edge like real ones.
 */
export function simulateCheckinsForHour(
  venues: readonly SimulatedVenue[],
  hourStart: Date,
  peakPerHour: number,
  random: () => number,
): CheckinInput[] {
  const taipeiHour = (hourStart.getUTCHours() + 8) % 24;
  const expected = peakPerHour * HOURLY_RHYTHM[taipeiHour]! / 1.9;
  const n = Math.max(0, Math.round(expected * (0.8 + 0.4 * random())));
  const checkins: CheckinInput[] = [];
  for (let i = 0; i < n; i++) {
    const venue = venues[Math.floor(random() * venues.length)]!;
    const time = new Date(hourStart.getTime() + Math.floor(random() * 3_600_000)).toISOString();
    const personIndex = Math.floor(random() * 200_000);
    if (random() < 0.35) {
      const companions = random() < 0.8 ? 0 : 1 + Math.floor(random() * 3);
      checkins.push({ venueCode: formatVenueCode(venue.code), time, channel: 'sms', phone: `09${String(10_000_000 + personIndex).slice(-8)}`, partySize: 1 + companions });
    } else {
      const family = random() < 0.75 ? 0 : 1 + Math.floor(random() * 4);
      checkins.push({ venueCode: venue.code, time, channel: 'app', appUserId: `tp-${personIndex}`, partySize: 1 + family });
    }
  }
  return checkins;
}
