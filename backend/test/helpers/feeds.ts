import { batchDone, postJson } from './epiboard-process.js';

export const VENUE_A = '277025136512291';
export const VENUE_B = '177289824657848';

export async function registerVenues(base: string): Promise<void> {
  const res = await postJson(`${base}/api/ingest/venues`, [
    { code: VENUE_A, name: '全家台中汝川店', category: '便利商店', district: '萬華區' },
    { code: VENUE_B, name: '松竹車站', category: '車站', district: 'Xinyi' },
  ]);
  await batchDone(base, res.json.batchId);
}

/** `count` TaipeiPASS scans with unique ids `${prefix}-<n>`, spread over the last hour. */
export function scans(prefix: string, count: number, venueCode = VENUE_A): unknown[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    scanId: `${prefix}-${i}`,
    appUserId: `user-${i % 5000}`,
    venueCode,
    time: new Date(now - 3_600_000 + (i % 3_600_000)).toISOString(),
    familyMembers: i % 3,
  }));
}

export async function venueStats(base: string, code = VENUE_A): Promise<{ checkins: number; people: number; persons: number }> {
  return (await fetch(`${base}/api/venues/${code}/stats`)).json();
}
