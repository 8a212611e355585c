import {
  fetchHotspots,
  fetchIncidence,
  fetchRelief,
  fetchResources,
  fetchRiskLevels,
  fetchRt,
  fetchVenueExposure,
} from '../api/fetchRisk';
import type {
  HotspotsAnswer,
  IncidenceAnswer,
  ReliefMetricsAnswer,
  ResourceMetricsAnswer,
  RiskLevelsAnswer,
  RtPoint,
  VenueExposureAnswer,
} from '../api/risk';
import type { Overview } from '../api/overview';
import { formatDay, toTaipeiWallClock } from '../format/time';
import { isRangeRejection, type Timers } from './overviewFeed';

/** What the risk and resource panels show: an area (null = the city) over the overview's range. */
export interface PanelsQuery {
  district: string | null;
  /** The case range, YYYY-MM-DD. */
  from: string;
  to: string;
  /**
   * The Taipei days of the check-in window (Overview.checkinsFrom/To): venue exposure needs raw
   * check-ins, which are kept 28 days, so it follows the check-in panel rather than the case range.
   */
  checkinsFrom: string;
  checkinsTo: string;
}

/** Taipei day of an instant; `exclusive` for the end of a [from, to) window. */
function taipeiDay(instant: string, exclusive = false): string | null {
  const ms = Date.parse(instant);
  const wall = Number.isFinite(ms) ? toTaipeiWallClock(exclusive ? ms - 1 : ms) : null;
  return wall ? formatDay(wall) : null;
}

/** The panels' query for an overview on screen and the selected district. */
export function panelsQueryOf(overview: Pick<Overview, 'from' | 'to' | 'checkinsFrom' | 'checkinsTo'>, district: string | null): PanelsQuery {
  return {
    district,
    from: overview.from,
    to: overview.to,
    // Without a check-in window the case range is the best guess; the server judges it.
    checkinsFrom: taipeiDay(overview.checkinsFrom) ?? overview.from,
    checkinsTo: taipeiDay(overview.checkinsTo, true) ?? overview.to,
  };
}

/** Each panel's answer, by the name the feed and the panels use. */
export interface MetricsPanelsData {
  incidence: IncidenceAnswer;
  rt: RtPoint[];
  riskLevels: RiskLevelsAnswer;
  hotspots: HotspotsAnswer;
  exposure: VenueExposureAnswer;
  resources: ResourceMetricsAnswer;
  relief: ReliefMetricsAnswer;
}

export type PanelName = keyof MetricsPanelsData;
export const PANEL_NAMES: readonly PanelName[] = ['incidence', 'rt', 'riskLevels', 'hotspots', 'exposure', 'resources', 'relief'];

export interface PanelState<T> {
  /** The newest answer for the area shown (possibly for the previous range while `loading`); null before one. */
  data: T | null;
  /** Why the last fetch failed; cleared by the next answer. */
  error: string | null;
  /** A request for the current query is pending. */
  loading: boolean;
}

export type MetricsPanelsState = { [K in PanelName]: PanelState<MetricsPanelsData[K]> };

export type PanelLoaders = { [K in PanelName]: (query: PanelsQuery, signal: AbortSignal) => Promise<MetricsPanelsData[K]> };

/** The real endpoints; `fetchImpl` replaces the browser's fetch (tests). */
export function defaultPanelLoaders(fetchImpl?: typeof fetch): PanelLoaders {
  const via = (signal: AbortSignal) => ({ signal, fetchImpl });
  return {
    incidence: ({ district, from, to }, signal) => fetchIncidence({ district, from, to }, via(signal)),
    rt: ({ district, from, to }, signal) => fetchRt({ district, from, to }, via(signal)),
    // The city and all 12 districts in one answer: the selection is picked on screen.
    riskLevels: ({ to }, signal) => fetchRiskLevels({ date: to }, via(signal)),
    hotspots: ({ to }, signal) => fetchHotspots({ to }, via(signal)),
    // Cases confirmed from the check-in window's first day until today (the server's default `to`):
    // one confirmed after the newest check-in still has visits inside the window.
    exposure: ({ checkinsFrom }, signal) => fetchVenueExposure({ from: checkinsFrom, limit: 10 }, via(signal)),
    resources: ({ district }, signal) => fetchResources({ district }, via(signal)),
    // Relief is today's operations, like resources: the last 30 days, whatever case range is shown.
    relief: ({ district }, signal) => fetchRelief({ district }, via(signal)),
  };
}

/**
 * What a panel's answer depends on. A change of `area` makes the answer on screen wrong (it is
 * cleared); a change of `params` only makes it old (it stays until the new one lands).
 */
interface PanelKey {
  area: string;
  params: string;
}

const CITY_WIDE = '';
const areaOf = (query: PanelsQuery) => query.district ?? CITY_WIDE;

const PANEL_KEYS: { [K in PanelName]: (query: PanelsQuery) => PanelKey } = {
  incidence: (q) => ({ area: areaOf(q), params: `${q.from}/${q.to}` }),
  rt: (q) => ({ area: areaOf(q), params: `${q.from}/${q.to}` }),
  riskLevels: (q) => ({ area: CITY_WIDE, params: q.to }),
  hotspots: (q) => ({ area: CITY_WIDE, params: q.to }),
  exposure: (q) => ({ area: CITY_WIDE, params: `${q.checkinsFrom}/${q.checkinsTo}` }),
  resources: (q) => ({ area: areaOf(q), params: '' }),
  relief: (q) => ({ area: areaOf(q), params: '' }),
};

const sameKey = (a: PanelKey | null, b: PanelKey | null) => a !== null && b !== null && a.area === b.area && a.params === b.params;

export function initialPanelsState(): MetricsPanelsState {
  const idle = { data: null, error: null, loading: true };
  return { incidence: idle, rt: idle, riskLevels: idle, hotspots: idle, exposure: idle, resources: idle, relief: idle };
}

export interface MetricsPanelsFeedOptions {
  loaders: PanelLoaders;
  onChange: (state: MetricsPanelsState) => void;
  /** Least time between two refreshes caused by new data (pushes, reconnects). */
  minRefreshIntervalMs?: number;
  /** Waits between failed fetches of a panel; the last repeats. */
  retryDelaysMs?: readonly number[];
  /** A fetch that hangs must still end (as an error, then a retry). */
  fetchTimeoutMs?: number;
  timers?: Timers;
}

export interface MetricsPanelsFeed {
  /**
   * The query to show and a token that changes whenever the data may have changed (a newer
   * `metrics` version, a reconnect). A query change fetches what it affects at once; a token
   * change refreshes every panel, at most once per `minRefreshIntervalMs`.
   */
  sync: (query: PanelsQuery | null, dataToken: string) => void;
  stop: () => void;
}

export const DEFAULT_PANEL_RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000] as const;

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.name === 'AbortError' ? 'request timed out' : error.message;
  return String(error);
}

interface Slot {
  /** Key of the query the data on screen answers. */
  shownKey: PanelKey | null;
  inFlight: { id: number; key: PanelKey; controller: AbortController } | null;
  /** The data changed while a request was in flight: fetch again when it ends. */
  again: boolean;
  failures: number;
  retryTimer: unknown;
}

/**
 * Keeps the risk and resource panels' answers for the query shown: one request at most in flight
 * per panel; a change of area abandons it, a change of range or new data waits for it and asks
 * again once. New data is coalesced: at most one refresh per interval, the last one trailing.
 */
export function startMetricsPanelsFeed(options: MetricsPanelsFeedOptions): MetricsPanelsFeed {
  const { loaders, onChange } = options;
  const minInterval = options.minRefreshIntervalMs ?? 1_000;
  const retryDelays = options.retryDelaysMs?.length ? options.retryDelaysMs : DEFAULT_PANEL_RETRY_DELAYS_MS;
  const fetchTimeoutMs = options.fetchTimeoutMs ?? 15_000;
  const timers = options.timers ?? browserTimers;

  let state = initialPanelsState();
  let query: PanelsQuery | null = null;
  let dataToken: string | null = null;
  let stopped = false;
  let nextRequestId = 0;
  let cooldown: unknown = null;
  let refreshAfterCooldown = false;
  const slots = Object.fromEntries(
    PANEL_NAMES.map((name) => [name, { shownKey: null, inFlight: null, again: false, failures: 0, retryTimer: null } satisfies Slot]),
  ) as Record<PanelName, Slot>;

  const publish = <K extends PanelName>(name: K, patch: Partial<PanelState<MetricsPanelsData[K]>>) => {
    state = { ...state, [name]: { ...state[name], ...patch } };
    onChange(state);
  };

  const cancelRetry = (slot: Slot) => {
    if (slot.retryTimer !== null) timers.clearTimeout(slot.retryTimer);
    slot.retryTimer = null;
  };

  const load = <K extends PanelName>(name: K) => {
    if (stopped || query === null) return;
    const slot = slots[name];
    const key = PANEL_KEYS[name](query);
    cancelRetry(slot);
    if (slot.inFlight) {
      if (slot.inFlight.key.area === key.area) {
        // Same area: its answer is still worth showing; ask again for the newest once it lands.
        slot.again = true;
        if (!state[name].loading) publish(name, { loading: true });
        return;
      }
      slot.inFlight.controller.abort();
    }
    slot.again = false;
    const controller = new AbortController();
    const id = ++nextRequestId;
    slot.inFlight = { id, key, controller };
    if (slot.shownKey !== null && slot.shownKey.area !== key.area) {
      slot.shownKey = null;
      publish(name, { data: null, error: null, loading: true });
    } else if (!state[name].loading) {
      publish(name, { loading: true });
    }
    const timeout = timers.setTimeout(() => controller.abort(), fetchTimeoutMs);
    const current = () => !stopped && slot.inFlight?.id === id;

    const settle = (outcome: { data: MetricsPanelsData[K] } | { error: unknown }) => {
      timers.clearTimeout(timeout);
      if (!current()) return;
      slot.inFlight = null;
      const latest = query === null ? key : PANEL_KEYS[name](query);
      const more = slot.again || !sameKey(key, latest);
      if ('data' in outcome) {
        slot.failures = 0;
        if (key.area === latest.area) {
          slot.shownKey = key;
          publish(name, { data: outcome.data, error: null, loading: more });
        }
      } else {
        publish(name, { error: describeFailure(outcome.error), loading: more });
        if (!more && !isRangeRejection(outcome.error)) {
          slot.failures += 1;
          const delay = retryDelays[Math.min(slot.failures, retryDelays.length) - 1];
          slot.retryTimer = timers.setTimeout(() => {
            slot.retryTimer = null;
            load(name);
          }, delay);
        }
      }
      if (more) load(name);
    };

    loaders[name](query, controller.signal).then(
      (data) => settle({ data }),
      (error: unknown) => settle({ error }),
    );
  };

  const loadAll = (except: ReadonlySet<PanelName> = new Set()) => {
    for (const name of PANEL_NAMES) if (!except.has(name)) load(name);
  };

  /** Leading edge now, then at most one more when the interval ends. */
  const refreshCoalesced = (alreadyFresh: ReadonlySet<PanelName>) => {
    if (cooldown !== null) {
      refreshAfterCooldown = true;
      return;
    }
    loadAll(alreadyFresh);
    const endCooldown = () => {
      cooldown = null;
      if (!refreshAfterCooldown || stopped) return;
      refreshAfterCooldown = false;
      loadAll();
      cooldown = timers.setTimeout(endCooldown, minInterval);
    };
    cooldown = timers.setTimeout(endCooldown, minInterval);
  };

  return {
    sync: (nextQuery, nextToken) => {
      if (stopped) return;
      const previous = query;
      query = nextQuery;
      const tokenChanged = dataToken !== null && nextToken !== dataToken;
      dataToken = nextToken;
      if (nextQuery === null) return;
      const fresh = new Set<PanelName>();
      for (const name of PANEL_NAMES) {
        if (previous === null || !sameKey(PANEL_KEYS[name](previous), PANEL_KEYS[name](nextQuery))) {
          load(name);
          fresh.add(name);
        }
      }
      // What was just asked for already sees the new data.
      if (tokenChanged && fresh.size < PANEL_NAMES.length) refreshCoalesced(fresh);
    },
    stop: () => {
      stopped = true;
      if (cooldown !== null) timers.clearTimeout(cooldown);
      for (const slot of Object.values(slots)) {
        cancelRetry(slot);
        slot.inFlight?.controller.abort();
      }
    },
  };
}
