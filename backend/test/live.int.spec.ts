import { io, type Socket } from 'socket.io-client';
import { batchDone, postJson, startEpiboard, type RunningEpiboard } from './helpers/epiboard-process.js';

const record = (date: string, count: number) => ({ caseDate: date, county: '臺北市', district: '萬華區', sex: '男', imported: '否', ageGroup: '30-34', count });

describe('live: socket.io pushes metrics when a batch lands', () => {
  let app: RunningEpiboard;
  let socket: Socket;
  const events: Array<{ at: number; payload: any }> = [];

  beforeAll(async () => {
    app = await startEpiboard();
    socket = io(app.url, { transports: ['websocket'] });
    socket.on('metrics', (payload) => events.push({ at: Date.now(), payload }));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
  }, 90_000);

  afterAll(async () => {
    socket?.disconnect();
    await app?.stop();
  });

  it('delivers a metrics event with the new numbers within 2 s of the batch landing', async () => {
    events.length = 0;
    const posted = await postJson(`${app.url}/api/ingest/cases`, [record('2021-06-01', 7)]);
    const sentAt = Date.now();
    await batchDone(app.url, posted.json.batchId);
    const deadline = sentAt + 2000;
    while (events.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(events.length).toBeGreaterThan(0);
    const { payload } = events[0]!;
    expect(payload.overview.city.totalCases).toBe(7);
    expect(payload.overview.districts.find((d: any) => d.name === '萬華區').totalCases).toBe(7);
    expect(typeof payload.version).toBe('number');
    expect(payload.dataAsOf).toBe(payload.overview.dataAsOf);
  }, 30_000);

  it('coalesces a burst of batches to at most one event per second, ending with the final numbers', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    events.length = 0;
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await postJson(`${app.url}/api/ingest/cases`, [record(`2021-06-${String(i + 2).padStart(2, '0')}`, 1)])).json.batchId);
    for (const id of ids) await batchDone(app.url, id);
    // Let the trailing push arrive.
    await new Promise((r) => setTimeout(r, 2200));
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.length).toBeLessThan(12);
    for (let i = 1; i < events.length; i++) expect(events[i]!.at - events[i - 1]!.at).toBeGreaterThanOrEqual(900);
    for (let i = 1; i < events.length; i++) expect(events[i]!.payload.version).toBeGreaterThan(events[i - 1]!.payload.version);
    expect(events.at(-1)!.payload.overview.city.totalCases).toBe(7 + 12);
  }, 60_000);
});
