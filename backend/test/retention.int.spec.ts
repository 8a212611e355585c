import { batchDone, postJson, startEpiboard } from './helpers/epiboard-process.js';
import { registerVenues, venueStats, VENUE_A } from './helpers/feeds.js';

describe('retention of raw check-ins', () => {
  it('deletes whole days older than 28 days, logs each day and its rows, keeps the rest', async () => {
    const app = await startEpiboard({ FAULT_INJECTION: 'on' });
    try {
      await registerVenues(app.url);
      const now = Date.now();
      const scan = (id: string, at: number) => ({ scanId: id, appUserId: `u-${id}`, venueCode: VENUE_A, time: new Date(at).toISOString(), familyMembers: 0 });
      const old = Array.from({ length: 7 }, (_, i) => scan(`old-${i}`, now - 26 * 3_600_000));
      const recent = Array.from({ length: 5 }, (_, i) => scan(`new-${i}`, now - 60_000));
      await batchDone(app.url, (await postJson(`${app.url}/api/ingest/scans`, [...old, ...recent])).json.batchId);
      expect((await venueStats(app.url)).checkins).toBe(12);

      // Nothing is old enough today.
      const today = await postJson(`${app.url}/api/retention/run`, {});
      expect(today.json.dropped).toEqual([]);

      // As of 28 days from now, yesterday (Taipei) has run out; today has not.
      const later = await postJson(`${app.url}/api/retention/run`, { asOf: new Date(now + 28 * 86_400_000).toISOString() });
      const oldDay = new Date(now - 26 * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 10);
      expect(later.json.dropped).toEqual([{ day: oldDay, rows: 7 }]);
      expect((await venueStats(app.url)).checkins).toBe(5);

      const log = await (await fetch(`${app.url}/api/retention/log`)).json();
      expect(log).toEqual([{ deletedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), day: oldDay, rowsDeleted: 7 }]);
    } finally {
      await app.stop();
    }
  }, 60_000);

  it('a running service refuses a retention "as of" another time unless in a drill', async () => {
    const app = await startEpiboard();
    try {
      const res = await postJson(`${app.url}/api/retention/run`, { asOf: '2099-01-01T00:00:00Z' });
      expect(res.status).toBe(400);
    } finally {
      await app.stop();
    }
  }, 60_000);
});
