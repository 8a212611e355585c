import { useEffect, useRef, useState } from 'react';
import type { ConnectionState } from './overviewFeed';
import {
  defaultPanelLoaders,
  initialPanelsState,
  startMetricsPanelsFeed,
  type MetricsPanelsFeed,
  type MetricsPanelsFeedOptions,
  type MetricsPanelsState,
  type PanelLoaders,
  type PanelsQuery,
} from './metricsPanelsFeed';

export type UseMetricsPanelsOptions = Partial<Omit<MetricsPanelsFeedOptions, 'onChange' | 'loaders'>> & {
  /** Replace some or all endpoints (tests). */
  loaders?: Partial<PanelLoaders>;
};

/** What the overview feed knows about the push channel: the newest version heard of, and the socket. */
export interface LiveSignal {
  version: number | null;
  connection: ConnectionState;
}

/** Counts the socket's returns to `live` after it was lost (the first connect is not a return). */
function useReconnectCount(connection: ConnectionState): number {
  const [seen, setSeen] = useState({ connection, reconnects: 0 });
  if (seen.connection !== connection) {
    // Adjusting state while rendering (React's pattern for "state from a changed prop").
    const returned = connection === 'live' && seen.connection === 'disconnected';
    setSeen({ connection, reconnects: seen.reconnects + (returned ? 1 : 0) });
  }
  return seen.reconnects;
}

/**
 * The risk and resource panels' data for `query` (null: nothing to show yet), refetched when a
 * newer `metrics` version is heard of or the socket reconnects, at most once per second. It rides
 * on the overview feed's socket rather than opening another. Options are read once, on mount.
 */
export function useMetricsPanels(query: PanelsQuery | null, live: LiveSignal, options: UseMetricsPanelsOptions = {}): MetricsPanelsState {
  const [state, setState] = useState<MetricsPanelsState>(initialPanelsState);
  const feed = useRef<MetricsPanelsFeed | null>(null);
  const reconnects = useReconnectCount(live.connection);

  useEffect(() => {
    const { loaders, ...rest } = options;
    const started = startMetricsPanelsFeed({ ...rest, loaders: { ...defaultPanelLoaders(), ...loaders }, onChange: setState });
    feed.current = started;
    return () => {
      started.stop();
      feed.current = null;
    };
    // One feed per mount, like useOverview.
  }, []);

  // Compared field by field: a new object with the same values is no change.
  const district = query?.district ?? null;
  const from = query?.from;
  const to = query?.to;
  const checkinsFrom = query?.checkinsFrom;
  const checkinsTo = query?.checkinsTo;
  const token = `${live.version ?? ''}:${reconnects}`;
  useEffect(() => {
    const known = from !== undefined && to !== undefined && checkinsFrom !== undefined && checkinsTo !== undefined;
    feed.current?.sync(known ? { district, from, to, checkinsFrom, checkinsTo } : null, token);
  }, [district, from, to, checkinsFrom, checkinsTo, token]);

  return state;
}
