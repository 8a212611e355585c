import type { Overview, OverviewRange } from '../api/overview';
import { OverviewFetchError, fetchOverview } from '../api/fetchOverview';
import { FakeChannel, ManualTimers, ScriptedFetch, ScriptedHttp, settle } from '../test/fakes';
import { makeOverview } from '../test/overviewFixture';
import { isAtLeastAsNew, isRangeRejection, startOverviewFeed, type FeedState, type FetchOverviewOf } from './overviewFeed';

const at = (version: number): Overview => makeOverview({ version });
const WAVE: OverviewRange = { from: '2021-05-01', to: '2021-07-31' };
const inWave = (version: number): Overview => makeOverview({ ...WAVE, version });

function startFeed(initialRange: OverviewRange | null = null, fetchOverviewOf?: FetchOverviewOf) {
  const fetch = new ScriptedFetch();
  const channel = new FakeChannel();
  const timers = new ManualTimers();
  const states: FeedState[] = [];
  const feed = startOverviewFeed({
    fetchOverview: fetchOverviewOf ?? fetch.fetch,
    openChannel: channel.open,
    onChange: (state) => states.push(state),
    initialRange,
    retryDelaysMs: [1_000, 5_000],
    fetchTimeoutMs: 15_000,
    timers,
  });
  const latest = () => states[states.length - 1];
  return { fetch, channel, timers, states, latest, stop: feed.stop, setRange: feed.setRange };
}

describe('isAtLeastAsNew', () => {
  it('accepts anything when nothing is shown, and never an older version', () => {
    expect(isAtLeastAsNew(1, null)).toBe(true);
    expect(isAtLeastAsNew(5, at(5))).toBe(true);
    expect(isAtLeastAsNew(4, at(5))).toBe(false);
  });
});

describe('startOverviewFeed', () => {
  it('fetches at once and shows the answer', async () => {
    const feed = startFeed();
    expect(feed.fetch.calls).toHaveLength(1);
    feed.fetch.last.resolve(at(100));
    await settle();
    expect(feed.latest().overview?.version).toBe(100);
    expect(feed.latest().error).toBeNull();
  });

  it('refetches on every connect and reconnect, and reports the connection', async () => {
    const feed = startFeed();
    feed.channel.connect();
    expect(feed.latest().connection).toBe('live');
    expect(feed.fetch.calls).toHaveLength(2);
    feed.channel.disconnect();
    expect(feed.latest().connection).toBe('disconnected');
    feed.channel.connect();
    expect(feed.latest().connection).toBe('live');
    expect(feed.fetch.calls).toHaveLength(3);
  });

  it('shows newer pushes and ignores older ones', async () => {
    const feed = startFeed();
    feed.fetch.last.resolve(at(100));
    await settle();
    feed.channel.push(at(200));
    expect(feed.latest().overview?.version).toBe(200);
    feed.channel.push(at(150));
    expect(feed.latest().overview?.version).toBe(200);
  });

  it('drops a REST answer that is older than a push already shown', async () => {
    const feed = startFeed();
    feed.channel.push(at(300));
    feed.fetch.last.resolve(at(250));
    await settle();
    expect(feed.latest().overview?.version).toBe(300);
  });

  it('judges a push by the event version', () => {
    const feed = startFeed();
    feed.channel.push(at(300));
    feed.channel.push(at(400), 200);
    expect(feed.latest().overview?.version).toBe(300);
    expect(feed.latest().stamp?.version).toBe(300);
  });

  it('stamps the newest version and data time seen', async () => {
    const feed = startFeed();
    feed.fetch.last.resolve(makeOverview({ version: 100, dataAsOf: '2026-12-03T11:00:00Z' }));
    await settle();
    expect(feed.latest().stamp).toEqual({ version: 100, dataAsOf: '2026-12-03T11:00:00Z' });
    feed.channel.push(makeOverview({ version: 200, dataAsOf: '2026-12-03T11:05:00Z' }));
    expect(feed.latest().stamp).toEqual({ version: 200, dataAsOf: '2026-12-03T11:05:00Z' });
  });

  it('reports a failed fetch and retries with back-off until it succeeds', async () => {
    const feed = startFeed();
    feed.fetch.last.reject(new Error('HTTP 503'));
    await settle();
    expect(feed.latest().error).toBe('HTTP 503');
    expect(feed.timers.delays()).toContain(1_000);

    expect(feed.timers.fire(1_000)).toBe(1);
    expect(feed.fetch.calls).toHaveLength(2);
    feed.fetch.last.reject(new Error('HTTP 502'));
    await settle();
    expect(feed.timers.delays()).toContain(5_000);

    feed.timers.fire(5_000);
    feed.fetch.last.reject(new Error('HTTP 502'));
    await settle();
    expect(feed.timers.delays()).toContain(5_000); // the last delay repeats: it never gives up

    feed.timers.fire(5_000);
    feed.fetch.last.resolve(at(100));
    await settle();
    expect(feed.latest()).toMatchObject({ error: null, overview: { version: 100 } });
    expect(feed.timers.delays()).not.toContain(5_000);
  });

  it('gives up on a hanging fetch after the timeout and retries', async () => {
    const feed = startFeed();
    feed.timers.fire(15_000);
    await settle();
    expect(feed.fetch.calls[0].aborted).toBe(true);
    expect(feed.latest().error).toBe('request timed out');
    expect(feed.timers.delays()).toContain(1_000);
  });

  it('clears the error when a push brings fresh data', async () => {
    const feed = startFeed();
    feed.fetch.last.reject(new Error('HTTP 503'));
    await settle();
    feed.channel.push(at(100));
    expect(feed.latest().error).toBeNull();
    expect(feed.timers.delays()).not.toContain(1_000);
  });

  it('lets only the newest request decide: a superseded one is aborted and ignored', async () => {
    const feed = startFeed();
    const first = feed.fetch.last;
    feed.channel.connect();
    expect(first.aborted).toBe(true);
    await settle();
    expect(feed.latest().error).toBeNull();
    feed.fetch.last.resolve(at(100));
    await settle();
    expect(feed.latest().overview?.version).toBe(100);
  });

  it('stops: closes the channel and ignores anything that arrives later', async () => {
    const feed = startFeed();
    const count = feed.states.length;
    feed.stop();
    expect(feed.channel.closed).toBe(true);
    feed.channel.push(at(100));
    await settle();
    expect(feed.states).toHaveLength(count);
  });
});

describe('isRangeRejection', () => {
  it('is a 4xx answer, except timeouts and rate limits', () => {
    expect(isRangeRejection(new OverviewFetchError('HTTP 400: bad', 400))).toBe(true);
    expect(isRangeRejection(new OverviewFetchError('HTTP 429', 429))).toBe(false);
    expect(isRangeRejection(new OverviewFetchError('HTTP 503', 503))).toBe(false);
    expect(isRangeRejection(new Error('network down'))).toBe(false);
  });
});

describe('startOverviewFeed with a custom range', () => {
  it('fetches the range it starts with', () => {
    const feed = startFeed(WAVE);
    expect(feed.fetch.calls.map((call) => call.range)).toEqual([WAVE]);
  });

  it('keeps the range’s overview when a push comes, moves the stamp, and refetches once', async () => {
    const feed = startFeed(WAVE);
    feed.fetch.last.resolve(inWave(100));
    await settle();

    feed.channel.push(makeOverview({ version: 200, dataAsOf: '2026-12-03T12:00:00Z' }));

    expect(feed.latest().overview).toMatchObject({ from: '2021-05-01', version: 100 });
    expect(feed.latest().stamp).toEqual({ version: 200, dataAsOf: '2026-12-03T12:00:00Z' });
    expect(feed.fetch.calls.map((call) => call.range)).toEqual([WAVE, WAVE]);
    feed.fetch.last.resolve(inWave(210));
    await settle();
    expect(feed.latest().overview).toMatchObject({ from: '2021-05-01', version: 210 });
    expect(feed.fetch.calls).toHaveLength(2);
  });

  it('asks for the custom range’s URL once per push, folding a burst during a request into one more', async () => {
    const http = new ScriptedHttp();
    const feed = startFeed(WAVE, (range, signal) => fetchOverview({ range: range ?? undefined, signal, fetchImpl: http.fetchImpl }));
    const waveUrl = '/api/metrics/overview?from=2021-05-01&to=2021-07-31';
    expect(http.urls).toEqual([waveUrl]);
    http.last.respond(200, inWave(100));
    await settle();

    feed.channel.push(at(200));
    expect(http.urls).toEqual([waveUrl, waveUrl]);

    // A burst while that request is in flight: no new request yet…
    feed.channel.push(at(300));
    feed.channel.push(at(400));
    feed.channel.push(at(500));
    expect(http.requests).toHaveLength(2);
    expect(http.requests[1].aborted).toBe(false);

    // …then exactly one when it ends.
    http.last.respond(200, inWave(250));
    await settle();
    expect(http.urls).toEqual([waveUrl, waveUrl, waveUrl]);
    http.last.respond(200, inWave(550));
    await settle();
    expect(http.requests).toHaveLength(3);
    expect(feed.latest().overview?.version).toBe(550);
    expect(feed.latest().stamp?.version).toBe(550);
  });

  it('refetches after a failed request too, when pushes came during it', async () => {
    const feed = startFeed(WAVE);
    feed.fetch.last.resolve(inWave(100));
    await settle();
    feed.channel.push(at(200));
    feed.channel.push(at(300));
    feed.fetch.last.reject(new Error('HTTP 502'));
    await settle();
    expect(feed.fetch.calls).toHaveLength(3);
    expect(feed.timers.delays()).not.toContain(1_000); // the refetch replaced the retry
  });

  it('ignores a push no newer than what it has, such as the replay of the last push on connect', async () => {
    const feed = startFeed(WAVE);
    feed.fetch.last.resolve(inWave(100));
    await settle();
    feed.channel.push(at(90));
    feed.channel.push(at(100));
    expect(feed.fetch.calls).toHaveLength(1);
    expect(feed.latest().stamp?.version).toBe(100);
  });

  it('never shows an older version of the range than the one shown', async () => {
    const feed = startFeed(WAVE);
    feed.fetch.last.resolve(inWave(100));
    await settle();
    feed.channel.push(at(200));
    feed.fetch.last.resolve(inWave(90));
    await settle();
    expect(feed.latest().overview?.version).toBe(100);
    expect(feed.latest().stamp?.version).toBe(200);
  });

  it('switches range: abandons the old request and shows the new range whatever its version', async () => {
    const feed = startFeed();
    feed.fetch.last.resolve(at(500));
    await settle();
    feed.channel.connect();
    const defaultRequest = feed.fetch.last;

    feed.setRange(WAVE);
    expect(defaultRequest.aborted).toBe(true);
    expect(feed.latest()).toMatchObject({ range: WAVE, loading: true });
    feed.fetch.last.resolve(inWave(400)); // another range: the version rule does not compare across ranges
    await settle();
    expect(feed.latest().overview).toMatchObject({ from: '2021-05-01', version: 400 });
    expect(feed.latest().loading).toBe(false);
    expect(feed.latest().stamp?.version).toBe(500); // the stamp never goes back

    feed.setRange({ ...WAVE });
    expect(feed.fetch.calls).toHaveLength(3); // the same range again is no change

    feed.setRange(null);
    expect(feed.fetch.last.range).toBeNull();
    feed.channel.push(at(600)); // with the default range, pushes show again
    expect(feed.latest().overview).toMatchObject({ from: '2026-11-24', version: 600 });
  });

  it('reports a refused range, does not retry it, and lets pushes pass until the range changes', async () => {
    const feed = startFeed({ from: '2021-08-01', to: '2021-07-01' });
    feed.fetch.last.reject(new OverviewFetchError('HTTP 400: from (2021-08-01) is after to (2021-07-01)', 400));
    await settle();
    expect(feed.latest()).toMatchObject({ error: 'HTTP 400: from (2021-08-01) is after to (2021-07-01)', rangeRejected: true, loading: false });
    expect(feed.timers.delays()).not.toContain(1_000);

    feed.channel.push(at(200));
    expect(feed.fetch.calls).toHaveLength(1);

    feed.setRange(WAVE);
    expect(feed.latest()).toMatchObject({ error: null, rangeRejected: false });
    expect(feed.fetch.last.range).toEqual(WAVE);
  });
});
