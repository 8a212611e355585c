import { batchDone, postJson, startEpiboard, type RunningEpiboard } from './helpers/epiboard-process.js';

const base = { onsetDate: '2021-05-14', confirmedDate: '2021-05-16', district: '萬華區', ageGroup: '60-64', sex: '男', imported: false, phones: ['0922-111-333'] };

describe('case line list: revisions, retractions and what was known when', () => {
  let app: RunningEpiboard;
  beforeAll(async () => {
    app = await startEpiboard();
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  const post = async (body: unknown) => batchDone(app.url, (await postJson(`${app.url}/api/ingest/case-reports`, body)).json.batchId);
  const counts = async (asOf?: string) => {
    const q = new URLSearchParams({ from: '2021-05-01', to: '2021-05-31', ...(asOf ? { asOf } : {}) });
    return (await (await fetch(`${app.url}/api/case-reports?${q}`)).json()).counts;
  };

  it('a revision replaces, a retraction removes, and asOf answers with what was known then', async () => {
    await post([
      { ...base, caseId: 'C-1', reportedAt: '2021-05-17T09:00:00+08:00' },
      { ...base, caseId: 'C-2', reportedAt: '2021-05-17T09:00:00+08:00', district: '大安區' },
      { ...base, caseId: 'C-3', reportedAt: '2021-05-17T09:00:00+08:00' },
    ]);
    // The same report delivered again changes nothing.
    await post({ ...base, caseId: 'C-1', reportedAt: '2021-05-17T09:00:00+08:00' });
    // C-1 was in fact confirmed a day later and lives in 中正區; C-3 was a false positive.
    await post({ ...base, caseId: 'C-1', reportedAt: '2021-05-18T10:00:00+08:00', confirmedDate: '2021-05-17', district: '中正區' });
    await post({ caseId: 'C-3', reportedAt: '2021-05-19T10:00:00+08:00', retracted: true });

    expect(await counts()).toEqual([
      { date: '2021-05-16', districtCode: '63000030', cases: 1 },
      { date: '2021-05-17', districtCode: '63000050', cases: 1 },
    ]);
    expect(await counts('2021-05-17T12:00:00+08:00')).toEqual([
      { date: '2021-05-16', districtCode: '63000030', cases: 1 },
      { date: '2021-05-16', districtCode: '63000070', cases: 2 },
    ]);
    expect(await counts('2021-05-18T12:00:00+08:00')).toEqual([
      { date: '2021-05-16', districtCode: '63000030', cases: 1 },
      { date: '2021-05-16', districtCode: '63000070', cases: 1 },
      { date: '2021-05-17', districtCode: '63000050', cases: 1 },
    ]);

    const c1 = await (await fetch(`${app.url}/api/case-reports/C-1`)).json();
    expect(c1.state).toBe('active');
    expect(c1.versions.map((v: any) => [v.reportedAt, v.confirmedDate, v.districtCode])).toEqual([
      ['2021-05-17T01:00:00.000Z', '2021-05-16', '63000070'],
      ['2021-05-18T02:00:00.000Z', '2021-05-17', '63000050'],
    ]);
    expect(c1.current.linkedPhones).toBe(1);
    expect(JSON.stringify(c1)).not.toMatch(/111.?333/);
    expect((await (await fetch(`${app.url}/api/case-reports/C-3`)).json()).state).toBe('retracted');
    expect((await fetch(`${app.url}/api/case-reports/C-1?asOf=2021-05-01T00:00:00Z`)).status).toBe(404);
  }, 60_000);

  it('refuses bad reports with their reason', async () => {
    const res = await postJson(`${app.url}/api/ingest/case-reports`, [{ ...base, caseId: 'C-9', reportedAt: '2021-05-17T09:00:00+08:00', district: '火星' }]);
    expect(await batchDone(app.url, res.json.batchId)).toMatchObject({ accepted: 0, rejected: 1 });
    const rejected = await (await fetch(`${app.url}/api/ingest/batches/${res.json.batchId}/rejected`)).json();
    expect(rejected[0].reason).toBe('unknown Taipei district "火星"');
    expect(rejected[0].raw).not.toMatch(/111.?333/);
    expect((await fetch(`${app.url}/api/case-reports?from=2021-05-01`)).status).toBe(400);
  }, 30_000);
});
