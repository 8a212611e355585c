import { batchDone, postJson, startEpiboard, type RunningEpiboard } from './helpers/epiboard-process.js';

const heping = (time: string, icu: number, isolation: number, rapidTests: number) => ({
  facilityId: 'tpech-heping',
  facilityName: '臺北市立聯合醫院和平婦幼院區',
  facilityType: 'hospital',
  district: '中正區',
  time,
  capacity: { icu_beds: { total: 30, occupied: icu }, isolation_beds: { total: 150, occupied: isolation } },
  stock: { rapid_tests: rapidTests },
});

describe('resource and relief metrics', () => {
  let app: RunningEpiboard;
  beforeAll(async () => {
    app = await startEpiboard();
    const post = async (path: string, body: unknown) => {
      const res = await postJson(`${app.url}${path}`, body);
      expect(res.status).toBe(202);
      expect((await batchDone(app.url, res.json.batchId)).rejected).toBe(0);
    };
    await post('/api/ingest/resources', [
      heping('2021-05-21T09:00:00+08:00', 10, 100, 1000),
      heping('2021-05-24T09:00:00+08:00', 17, 120, 700),
      // A delivery on the 26th: stock rises, which is not negative use.
      heping('2021-05-26T09:00:00+08:00', 20, 130, 2000),
      heping('2021-05-28T09:00:00+08:00', 24, 135, 1600),
      { facilityId: 'qh-wanhua-1', facilityName: '防疫旅館 萬華一', facilityType: 'quarantine_hotel', district: 'Wanhua', time: '2021-05-28T08:00:00+08:00', capacity: { quarantine_rooms: { total: 180, occupied: 152 } } },
    ]);
    const relief = (applicationId: string, status: string, at: string, amount?: number) => ({ applicationId, program: '紓困生活補貼', district: '萬華區', status, at, ...(amount ? { amount } : {}) });
    await post('/api/ingest/relief', [
      relief('R-1', 'submitted', '2021-06-01T09:00:00+08:00'),
      relief('R-1', 'approved', '2021-06-03T09:00:00+08:00', 10000),
      relief('R-2', 'submitted', '2021-06-01T09:00:00+08:00'),
      relief('R-2', 'rejected', '2021-06-05T09:00:00+08:00'),
      relief('R-3', 'submitted', '2021-06-02T09:00:00+08:00'),
      relief('R-3', 'approved', '2021-06-12T09:00:00+08:00', 10000),
      relief('R-4', 'submitted', '2021-06-10T09:00:00+08:00'),
    ]);
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  const get = async (path: string) => (await fetch(`${app.url}${path}`)).json();

  it('gives occupancy, free capacity, the 7-day trend and the runway as of a day', async () => {
    const r = await get('/api/metrics/resources?date=2021-05-28');
    const icu = r.capacity.find((c: { kind: string }) => c.kind === 'icu_beds');
    // 10 → 24 occupied over the 7 days from the 21st: 2 a day; 6 free: 3 days.
    expect(icu).toEqual({ kind: 'icu_beds', total: 30, occupied: 24, free: 6, occupancy: 0.8, trendPerDay: 2, runwayDays: 3, facilities: 1 });
    expect(r.capacity.find((c: { kind: string }) => c.kind === 'quarantine_rooms')).toMatchObject({ total: 180, occupied: 152, free: 28, trendPerDay: null, runwayDays: null });
    // Rapid tests: used 300 (21st→24th) + 400 (26th→28th) in 7 days = 100 a day; 1600 left: 16 days.
    expect(r.stock).toEqual([{ item: 'rapid_tests', quantity: 1600, avgDailyUse7: 100, daysOfSupply: 16, facilities: 1 }]);
    // A district sees only its own facilities; earlier asOf sees earlier figures.
    expect((await get('/api/metrics/resources?date=2021-05-28&district=萬華區')).capacity.map((c: { kind: string }) => c.kind)).toEqual(['quarantine_rooms']);
    expect((await get('/api/metrics/resources?date=2021-05-24&district=中正區')).capacity.find((c: { kind: string }) => c.kind === 'icu_beds').occupied).toBe(17);
  });

  it('feeds ICU occupancy into the risk level', async () => {
    const levels = await get('/api/metrics/risk-levels?date=2021-05-28');
    const zhongzheng = levels.districts.find((d: { area: { name: string } }) => d.area.name === '中正區');
    expect(zhongzheng.metrics.find((m: { metric: string }) => m.metric === 'icu_occupancy')).toEqual({ metric: 'icu_occupancy', value: 0.8, level: 2, cutPoints: [0.7, 0.8, 0.85] });
    expect(zhongzheng).toMatchObject({ level: 2, label: 'high', drivenBy: { metric: 'icu_occupancy', value: 0.8 } });
  });

  it('gives relief counts, backlog and processing times per program and district', async () => {
    const r = await get('/api/metrics/relief?from=2021-06-01&to=2021-06-15');
    // Decided in the range: 2, 4 and 10 days: median 4, p90 (exact) 10.
    expect(r.rows).toEqual([{ program: '紓困生活補貼', districtCode: '63000070', submitted: 4, approved: 2, rejected: 1, paid: 0, backlog: 1, medianDays: 4, p90Days: 10 }]);
    const early = await get('/api/metrics/relief?from=2021-06-01&to=2021-06-04');
    expect(early.rows[0]).toMatchObject({ approved: 1, backlog: 2, medianDays: 2 });
  });
});
