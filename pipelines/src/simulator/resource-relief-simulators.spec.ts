import { parseReliefEvents } from '../relief/relief-event.parser.js';
import { parseResourceSnapshots } from '../resources/resource-snapshot.parser.js';
import { seededRandom } from './random.js';
import { simulateReliefEvents } from './relief-simulator.js';
import { simulateResourceSnapshots } from './resource-simulator.js';

const NOW = new Date('2021-05-28T09:41:00+08:00');

describe('simulateResourceSnapshots', () => {
  it('makes valid hourly snapshots for every hospital, hotel and the city stock', () => {
    const snapshots = simulateResourceSnapshots(NOW, seededRandom(7));
    const { rows, rejected } = parseResourceSnapshots(snapshots, NOW.getTime());
    expect(rejected).toEqual([]);
    expect(rows.map((r) => r.facilityType)).toEqual([...Array(6).fill('hospital'), ...Array(3).fill('quarantine_hotel'), 'city']);
    expect(new Set(rows.map((r) => r.time))).toEqual(new Set([Date.parse('2021-05-28T09:00:00+08:00')]));
  });

  it('is reproducible for a seed, and keeps the same keys within an hour', () => {
    expect(simulateResourceSnapshots(NOW, seededRandom(7))).toEqual(simulateResourceSnapshots(NOW, seededRandom(7)));
    const later = simulateResourceSnapshots(new Date(NOW.getTime() + 10 * 60_000), seededRandom(8));
    expect(later.map((s) => [s.facilityId, s.time])).toEqual(simulateResourceSnapshots(NOW, seededRandom(7)).map((s) => [s.facilityId, s.time]));
  });
});

describe('simulateReliefEvents', () => {
  const events = simulateReliefEvents(NOW, seededRandom(3), { applications: 200, days: 30 });

  it('makes valid events, none after now, in time order', () => {
    const { rows, rejected } = parseReliefEvents(events, NOW.getTime());
    expect(rejected).toEqual([]);
    expect(rows.every((r) => r.at <= NOW.getTime())).toBe(true);
    expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort());
  });

  it('follows the status flow: every application starts submitted, decisions follow review, payment follows approval', () => {
    const byApplication = new Map<string, typeof events>();
    for (const e of events) byApplication.set(e.applicationId, [...(byApplication.get(e.applicationId) ?? []), e]);
    expect(byApplication.size).toBe(200);
    const order = ['submitted', 'reviewing', 'approved', 'paid'];
    for (const list of byApplication.values()) {
      const statuses = list.map((e) => e.status);
      expect(statuses[0]).toBe('submitted');
      if (statuses.includes('rejected')) expect(statuses).toEqual(['submitted', 'reviewing', 'rejected']);
      else expect(statuses).toEqual(order.slice(0, statuses.length));
    }
    const all = events.map((e) => e.status);
    // A month of applications: some still waiting, most decided, most of those approved and paid.
    for (const status of ['reviewing', 'approved', 'rejected', 'paid'] as const) expect(all).toContain(status);
    expect(byApplication.size - all.filter((s) => s === 'approved' || s === 'rejected').length).toBeGreaterThan(0);
  });
});
