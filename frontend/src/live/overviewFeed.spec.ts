import type { Overview } from '../api/overview';
import { FakeChannel, ManualTimers, ScriptedFetch, settle } from '../test/fakes';
import { makeOverview } from '../test/overviewFixture';
import { isAtLeastAsNew, startOverviewFeed, type FeedState } from './overviewFeed';

const at = (version: number): Overview => makeOverview({ version });

function startFeed() {
  const fetch = new ScriptedFetch();
  const channel = new FakeChannel();
  const timers = new ManualTimers();
  const states: FeedState[] = [];
  const stop = startOverviewFeed({
    fetchOverview: fetch.fetch,
    openChannel: channel.open,
    onChange: (state) => states.push(state),
    retryDelaysMs: [1_000, 5_000],
    fetchTimeoutMs: 15_000,
    timers,
  });
  const latest = () => states[states.length - 1];
  return { fetch, channel, timers, states, latest, stop };
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
