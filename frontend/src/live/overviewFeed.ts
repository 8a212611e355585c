import type { MetricsEvent, Overview, OverviewRange } from '../api/overview';
import { sameRange } from '../view/viewState';

export type ConnectionState = 'connecting' | 'live' | 'disconnected';

/** When the newest data landed and its version: the header stamp. */
export interface DataStamp {
  version: number;
  dataAsOf: string | null;
}

export interface FeedState {
  /** The range asked for; null = the server's default, the only range `metrics` pushes carry. */
  range: OverviewRange | null;
  /**
   * The newest overview of `range`, or null before the first one arrives. Right after a range
   * change it is still the previous range's (its own from/to say which) until the answer lands.
   */
  overview: Overview | null;
  /** Newest version heard of, from an overview or a `metrics` event; never goes back. */
  stamp: DataStamp | null;
  /** State of the socket.io channel that pushes `metrics`. */
  connection: ConnectionState;
  /** Why the last REST fetch failed; cleared by the next successful fetch or push. */
  error: string | null;
  /** The server refused `range` (HTTP 4xx, e.g. to before from): no retries until the range changes. */
  rangeRejected: boolean;
  /** No answer yet for `range`. */
  loading: boolean;
}

export function initialFeedState(range: OverviewRange | null = null): FeedState {
  return { range, overview: null, stamp: null, connection: 'connecting', error: null, rangeRejected: false, loading: true };
}

export interface MetricsChannelHandlers {
  /** First connect and every reconnect. */
  onConnect: () => void;
  onDisconnect: () => void;
  onMetrics: (event: MetricsEvent) => void;
}

/** Opens the push channel (socket.io in the app, a fake in tests). */
export type OpenMetricsChannel = (handlers: MetricsChannelHandlers) => { close: () => void };

export interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

/** GET the overview of `range` (null: the server's default range). */
export type FetchOverviewOf = (range: OverviewRange | null, signal: AbortSignal) => Promise<Overview>;

export interface OverviewFeedOptions {
  fetchOverview: FetchOverviewOf;
  openChannel: OpenMetricsChannel;
  onChange: (state: FeedState) => void;
  /** Range to start with; the server's default when omitted. */
  initialRange?: OverviewRange | null;
  /** Waits between failed fetches; the last one repeats for as long as fetches keep failing. */
  retryDelaysMs?: readonly number[];
  /** A fetch that hangs must still end in a retry. */
  fetchTimeoutMs?: number;
  timers?: Timers;
}

export interface OverviewFeed {
  /** Switch to another range: fetches it at once; a request for the old range is abandoned. */
  setRange: (range: OverviewRange | null) => void;
  stop: () => void;
}

export const DEFAULT_RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Pushes and REST answers race; only a payload at least as new as the one shown may replace it. */
export function isAtLeastAsNew(incomingVersion: number, shown: Overview | null): boolean {
  return shown === null || incomingVersion >= shown.version;
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.name === 'AbortError' ? 'request timed out' : error.message;
  return String(error);
}

/** A 4xx answer will not change by asking again (408 and 429 aside): the range itself is wrong. */
export function isRangeRejection(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * Keeps the newest overview of the chosen range: fetched over REST at start, on every
 * (re)connect of the push channel (a push may have been missed while disconnected) and on every
 * range change; re-fetched with back-off while fetches fail.
 *
 * `metrics` pushes carry the default range. With the default range a push is shown as it is;
 * with a custom range it only means "data changed": the stamp moves and the range is re-fetched,
 * with at most one request in flight and any pushes during it folded into one fetch after it.
 */
export function startOverviewFeed(options: OverviewFeedOptions): OverviewFeed {
  const { fetchOverview, openChannel, onChange } = options;
  const retryDelays = options.retryDelaysMs?.length ? options.retryDelaysMs : DEFAULT_RETRY_DELAYS_MS;
  const fetchTimeoutMs = options.fetchTimeoutMs ?? 15_000;
  const timers = options.timers ?? browserTimers;

  let state = initialFeedState(options.initialRange ?? null);
  let stopped = false;
  let latestRequest = 0;
  let consecutiveFailures = 0;
  let retryTimer: unknown = null;
  let inFlight: AbortController | null = null;
  /** A push arrived while a request was in flight: fetch once more when it ends. */
  let refetchWhenDone = false;
  /** Whether `state.overview` answers `state.range`; the version rule only compares within one range. */
  let overviewIsForRange = false;

  const publish = (patch: Partial<FeedState>) => {
    state = { ...state, ...patch };
    onChange(state);
  };

  const stampPatch = (version: number, dataAsOf: string | null): Partial<FeedState> =>
    state.stamp === null || version >= state.stamp.version ? { stamp: { version, dataAsOf } } : {};

  const cancelRetry = () => {
    if (retryTimer !== null) timers.clearTimeout(retryTimer);
    retryTimer = null;
  };

  /** Shows `overview` unless a newer one of the same range is already on screen; either way the server answered. */
  const receive = (version: number, overview: Overview) => {
    consecutiveFailures = 0;
    cancelRetry();
    if (!overviewIsForRange || isAtLeastAsNew(version, state.overview)) {
      overviewIsForRange = true;
      publish({ overview, error: null, rangeRejected: false, loading: false, ...stampPatch(version, overview.dataAsOf) });
    } else if (state.error !== null || state.loading) {
      publish({ error: null, loading: false });
    }
  };

  const refresh = async () => {
    if (stopped) return;
    cancelRetry();
    refetchWhenDone = false; // this request sees every change signalled so far
    inFlight?.abort(); // superseded: its answer would be discarded anyway
    const controller = new AbortController();
    inFlight = controller;
    const request = ++latestRequest;
    const timeout = timers.setTimeout(() => controller.abort(), fetchTimeoutMs);
    try {
      const overview = await fetchOverview(state.range, controller.signal);
      if (stopped || request !== latestRequest) return;
      receive(overview.version, overview);
    } catch (error) {
      if (stopped || request !== latestRequest) return;
      const rejected = isRangeRejection(error);
      publish({ error: describeFailure(error), rangeRejected: rejected, loading: false });
      if (!rejected) {
        consecutiveFailures += 1;
        const delay = retryDelays[Math.min(consecutiveFailures, retryDelays.length) - 1];
        retryTimer = timers.setTimeout(() => void refresh(), delay);
      }
    } finally {
      timers.clearTimeout(timeout);
      if (inFlight === controller) inFlight = null;
      if (!stopped && request === latestRequest && refetchWhenDone) void refresh();
    }
  };

  const refreshWhenFree = () => {
    if (inFlight) refetchWhenDone = true;
    else void refresh();
  };

  // Fetch right away rather than on the first connect: data must show even if the socket cannot connect.
  void refresh();
  const channel = openChannel({
    onConnect: () => {
      if (stopped) return;
      publish({ connection: 'live' });
      void refresh();
    },
    onDisconnect: () => {
      if (!stopped && state.connection !== 'disconnected') publish({ connection: 'disconnected' });
    },
    onMetrics: (event) => {
      if (stopped || typeof event?.version !== 'number' || !event.overview) return;
      if (state.range === null) {
        receive(event.version, event.overview);
        return;
      }
      // Not newer than what we have (e.g. the server replaying its last push on connect): nothing changed.
      if (state.stamp !== null && event.version <= state.stamp.version) return;
      publish(stampPatch(event.version, event.dataAsOf));
      if (!state.rangeRejected) refreshWhenFree();
    },
  });

  return {
    setRange: (range) => {
      if (stopped || sameRange(range, state.range)) return;
      overviewIsForRange = false;
      consecutiveFailures = 0;
      publish({ range, error: null, rangeRejected: false, loading: true });
      void refresh();
    },
    stop: () => {
      stopped = true;
      cancelRetry();
      inFlight?.abort();
      channel.close();
    },
  };
}
