import type { MetricsEvent, Overview } from '../api/overview';

export type ConnectionState = 'connecting' | 'live' | 'disconnected';

export interface FeedState {
  /** The newest overview seen, or null before the first one arrives. */
  overview: Overview | null;
  /** State of the socket.io channel that pushes `metrics`. */
  connection: ConnectionState;
  /** Why the last REST fetch failed; cleared by the next successful fetch or push. */
  error: string | null;
}

export const INITIAL_FEED_STATE: FeedState = { overview: null, connection: 'connecting', error: null };

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

export interface OverviewFeedOptions {
  fetchOverview: (signal: AbortSignal) => Promise<Overview>;
  openChannel: OpenMetricsChannel;
  onChange: (state: FeedState) => void;
  /** Waits between failed fetches; the last one repeats for as long as fetches keep failing. */
  retryDelaysMs?: readonly number[];
  /** A fetch that hangs must still end in a retry. */
  fetchTimeoutMs?: number;
  timers?: Timers;
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

/**
 * Keeps the newest overview: fetched over REST at start and on every (re)connect of the push
 * channel (a push may have been missed while disconnected), updated by `metrics` pushes, and
 * re-fetched with back-off while fetches fail. Returns a function that stops everything.
 */
export function startOverviewFeed(options: OverviewFeedOptions): () => void {
  const { fetchOverview, openChannel, onChange } = options;
  const retryDelays = options.retryDelaysMs?.length ? options.retryDelaysMs : DEFAULT_RETRY_DELAYS_MS;
  const fetchTimeoutMs = options.fetchTimeoutMs ?? 15_000;
  const timers = options.timers ?? browserTimers;

  let state = INITIAL_FEED_STATE;
  let stopped = false;
  let latestRequest = 0;
  let consecutiveFailures = 0;
  let retryTimer: unknown = null;
  let inFlight: AbortController | null = null;

  const publish = (patch: Partial<FeedState>) => {
    state = { ...state, ...patch };
    onChange(state);
  };

  const cancelRetry = () => {
    if (retryTimer !== null) timers.clearTimeout(retryTimer);
    retryTimer = null;
  };

  /** Shows `overview` unless a newer one is already on screen; either way the server answered. */
  const receive = (version: number, overview: Overview) => {
    consecutiveFailures = 0;
    cancelRetry();
    if (isAtLeastAsNew(version, state.overview)) publish({ overview, error: null });
    else if (state.error !== null) publish({ error: null });
  };

  const refresh = async () => {
    if (stopped) return;
    cancelRetry();
    inFlight?.abort(); // superseded: its answer would be discarded anyway
    const controller = new AbortController();
    inFlight = controller;
    const request = ++latestRequest;
    const timeout = timers.setTimeout(() => controller.abort(), fetchTimeoutMs);
    try {
      const overview = await fetchOverview(controller.signal);
      if (stopped || request !== latestRequest) return;
      receive(overview.version, overview);
    } catch (error) {
      if (stopped || request !== latestRequest) return;
      consecutiveFailures += 1;
      publish({ error: describeFailure(error) });
      const delay = retryDelays[Math.min(consecutiveFailures, retryDelays.length) - 1];
      retryTimer = timers.setTimeout(() => void refresh(), delay);
    } finally {
      timers.clearTimeout(timeout);
      if (inFlight === controller) inFlight = null;
    }
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
      receive(event.version, event.overview);
    },
  });

  return () => {
    stopped = true;
    cancelRetry();
    inFlight?.abort();
    channel.close();
  };
}
