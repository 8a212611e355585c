import { MetricsFetchError } from '../api/fetchRisk';
import { ManualTimers, ScriptedHttp, ScriptedLoaders, settle } from '../test/fakes';
import { makeOverview } from '../test/overviewFixture';
import { makeResources, makeRtPoints } from '../test/riskFixture';
import { PANEL_NAMES, defaultPanelLoaders, panelsQueryOf, startMetricsPanelsFeed, type MetricsPanelsState, type PanelsQuery } from './metricsPanelsFeed';

const CITY: PanelsQuery = { district: null, from: '2026-11-24', to: '2026-12-03', checkinsFrom: '2026-11-26', checkinsTo: '2026-12-03' };
const WANHUA: PanelsQuery = { ...CITY, district: '63000070' };
const LATER: PanelsQuery = { ...CITY, to: '2026-12-04' };

function startFeed() {
  const loads = new ScriptedLoaders();
  const timers = new ManualTimers();
  const states: MetricsPanelsState[] = [];
  const feed = startMetricsPanelsFeed({ loaders: loads.loaders, onChange: (state) => states.push(state), timers, fetchTimeoutMs: 15_000, retryDelaysMs: [2_000, 5_000] });
  const latest = () => states[states.length - 1];
  return { loads, timers, states, latest, sync: feed.sync, stop: feed.stop };
}

describe('panelsQueryOf', () => {
  it('takes the case range and the check-in window’s Taipei days (its end is exclusive)', () => {
    expect(panelsQueryOf(makeOverview(), '63000070')).toEqual({ ...CITY, district: '63000070' });
    const midnight = { from: '2021-05-01', to: '2021-07-31', checkinsFrom: '2026-11-25T16:00:00.000Z', checkinsTo: '2026-12-02T16:00:00.000Z' };
    expect(panelsQueryOf(midnight, null)).toMatchObject({ from: '2021-05-01', to: '2021-07-31', checkinsFrom: '2026-11-26', checkinsTo: '2026-12-02' });
  });
});

describe('defaultPanelLoaders', () => {
  it('ask each endpoint for its part of the query', async () => {
    const http = new ScriptedHttp();
    const loaders = defaultPanelLoaders(http.fetchImpl);
    const query = { ...CITY, district: '63000070' };
    for (const name of PANEL_NAMES) void loaders[name](query, new AbortController().signal).catch(() => undefined);
    expect(http.urls).toEqual([
      '/api/metrics/incidence?district=63000070&from=2026-11-24&to=2026-12-03',
      '/api/metrics/rt?district=63000070&from=2026-11-24&to=2026-12-03',
      '/api/metrics/risk-levels?date=2026-12-03',
      '/api/metrics/hotspots?to=2026-12-03',
      // Cases confirmed from the check-in window's first day to today (the server's default `to`):
      // a case confirmed after the newest check-in still has visits in the window.
      '/api/metrics/exposure/venues?from=2026-11-26&limit=10',
      '/api/metrics/resources?district=63000070',
      '/api/metrics/relief?district=63000070',
    ]);
  });
});

describe('startMetricsPanelsFeed', () => {
  it('asks nothing before there is a query, then every panel once', async () => {
    const feed = startFeed();
    feed.sync(null, '1:0');
    expect(feed.loads.calls).toHaveLength(0);
    feed.sync(CITY, '1:0');
    expect(feed.loads.calls).toHaveLength(7);
    expect(feed.states).toHaveLength(0); // the initial state already says loading
    feed.loads.resolveAll();
    await settle();
    expect(feed.latest().rt).toMatchObject({ data: makeRtPoints(), error: null, loading: false });
    feed.sync({ ...CITY }, '1:0'); // the same query again is no change
    expect(feed.loads.calls).toHaveLength(7);
  });

  it('on a new district, abandons and clears that area’s answers and keeps the city-wide ones', async () => {
    const feed = startFeed();
    feed.sync(CITY, '1:0');
    feed.loads.resolveAll();
    await settle();
    feed.sync(WANHUA, '1:0');
    expect(feed.loads.calls.slice(7).map((call) => call.panel).sort()).toEqual(['incidence', 'relief', 'resources', 'rt']);
    expect(feed.latest().rt).toEqual({ data: null, error: null, loading: true });
    expect(feed.latest().riskLevels.data).not.toBeNull();

    // Straight back to the city while Wanhua's requests are pending: they are abandoned.
    const wanhuaRt = feed.loads.lastOf('rt');
    feed.sync(CITY, '1:0');
    expect(wanhuaRt.aborted).toBe(true);
    wanhuaRt.resolve([]);
    await settle();
    expect(feed.latest().rt.data).toBeNull();
    expect(feed.loads.lastOf('rt').query).toEqual(CITY);
  });

  it('on a new range, keeps the answer shown and lets a pending request finish before asking for the range', async () => {
    const feed = startFeed();
    feed.sync(CITY, '1:0');
    feed.sync(LATER, '1:0');
    expect(feed.loads.calls).toHaveLength(7); // one in flight per panel: no second request yet
    expect(feed.loads.lastOf('rt').aborted).toBe(false);

    feed.loads.resolveAll();
    await settle();
    expect(feed.latest().rt).toMatchObject({ data: makeRtPoints(), loading: true }); // the earlier range's, while the new one loads
    const again = feed.loads.calls.slice(7);
    // Resources and relief are today's operations whatever the range; exposure follows the check-in window.
    expect(again.map((call) => call.panel).sort()).toEqual(['hotspots', 'incidence', 'riskLevels', 'rt']);
    expect(again.every((call) => call.query.to === '2026-12-04')).toBe(true);
    feed.loads.resolveAll();
    await settle();
    expect(feed.loads.calls).toHaveLength(11);
    expect(feed.latest().rt.loading).toBe(false);
  });

  it('refreshes on new data at most once per interval, the last change trailing', async () => {
    const feed = startFeed();
    feed.sync(CITY, '1:0');
    feed.loads.resolveAll();
    await settle();

    feed.sync(CITY, '2:0');
    expect(feed.loads.calls).toHaveLength(14);
    feed.loads.resolveAll();
    await settle();
    feed.sync(CITY, '3:0');
    feed.sync(CITY, '4:0');
    feed.sync(CITY, '4:1');
    expect(feed.loads.calls).toHaveLength(14);
    expect(feed.timers.fire(1_000)).toBe(1);
    expect(feed.loads.calls).toHaveLength(21);
    feed.loads.resolveAll();
    await settle();
    feed.timers.fire(1_000);
    expect(feed.loads.calls).toHaveLength(21);
    expect(feed.timers.delays()).not.toContain(1_000); // quiet again: the next change goes at once
    feed.sync(CITY, '5:1');
    expect(feed.loads.calls).toHaveLength(28);
  });

  it('asks once, not twice, when new data and a new district arrive together', async () => {
    const feed = startFeed();
    feed.sync(CITY, '1:0');
    feed.loads.resolveAll();
    await settle();
    feed.sync(WANHUA, '2:0');
    // The district's panels were just asked for; the city-wide ones are refreshed for the data.
    expect(feed.loads.calls.slice(7).map((call) => call.panel).sort()).toEqual(['exposure', 'hotspots', 'incidence', 'relief', 'resources', 'riskLevels', 'rt']);
    feed.loads.resolveAll();
    await settle();
    feed.timers.fire(1_000);
    expect(feed.loads.calls).toHaveLength(14);
  });

  it('asks a panel again after its pending request when new data came meanwhile', async () => {
    const feed = startFeed();
    feed.sync(CITY, '1:0');
    feed.sync(CITY, '2:0');
    expect(feed.loads.calls).toHaveLength(7);
    feed.loads.resolveAll();
    await settle();
    expect(feed.loads.calls).toHaveLength(14);
  });

  it('reports a failure in its panel only, keeps the earlier answer, and retries with back-off', async () => {
    const feed = startFeed();
    feed.sync(CITY, '1:0');
    feed.loads.resolveAll();
    await settle();
    feed.sync(CITY, '2:0');
    feed.loads.lastOf('resources').reject(new MetricsFetchError('HTTP 503: store is starting', 503));
    await settle();
    expect(feed.latest().resources).toEqual({ data: makeResources(), error: 'HTTP 503: store is starting', loading: false });
    expect(feed.latest().rt.error).toBeNull();
    expect(feed.timers.delays()).toContain(2_000);

    feed.timers.fire(2_000);
    feed.loads.lastOf('resources').reject(new Error('HTTP 502'));
    await settle();
    expect(feed.timers.delays()).toContain(5_000);
    feed.timers.fire(5_000);
    feed.loads.lastOf('resources').resolve(makeResources());
    await settle();
    expect(feed.latest().resources).toEqual({ data: makeResources(), error: null, loading: false });
  });

  it('does not retry an answer that will not change by asking again (4xx)', async () => {
    const feed = startFeed();
    feed.sync(CITY, '1:0');
    feed.loads.lastOf('riskLevels').reject(new MetricsFetchError('HTTP 400: no risk level rules are in force on 2026-12-03', 400));
    await settle();
    expect(feed.latest().riskLevels).toMatchObject({ data: null, error: 'HTTP 400: no risk level rules are in force on 2026-12-03', loading: false });
    expect(feed.timers.delays()).not.toContain(2_000);
  });

  it('gives up on a hanging request after the timeout', async () => {
    const feed = startFeed();
    feed.sync(CITY, '1:0');
    feed.timers.fire(15_000);
    await settle();
    expect(feed.loads.lastOf('rt').aborted).toBe(true);
    expect(feed.latest().rt).toMatchObject({ error: 'request timed out', loading: false });
    expect(feed.timers.delays()).toContain(2_000);
  });

  it('stops: abandons what is pending and ignores later changes', async () => {
    const feed = startFeed();
    feed.sync(CITY, '1:0');
    feed.stop();
    expect(feed.loads.calls.every((call) => call.aborted)).toBe(true);
    const count = feed.states.length;
    feed.sync(WANHUA, '2:0');
    await settle();
    expect(feed.states).toHaveLength(count);
    expect(feed.loads.calls).toHaveLength(7);
  });
});
