import { useEffect, useRef, useState } from 'react';
import type { OverviewRange } from '../api/overview';
import { fetchOverview } from '../api/fetchOverview';
import { openMetricsChannel } from './metricsChannel';
import { initialFeedState, startOverviewFeed, type FeedState, type OverviewFeed, type OverviewFeedOptions } from './overviewFeed';

export type UseOverviewOptions = Partial<Omit<OverviewFeedOptions, 'onChange' | 'initialRange'>>;

/**
 * The live overview of `range` (null: the server's default range): REST + socket.io `metrics`.
 * Options replace the network in tests; they are read once, on mount.
 */
export function useOverview(range: OverviewRange | null, options: UseOverviewOptions = {}): FeedState {
  const [state, setState] = useState<FeedState>(() => initialFeedState(range));
  const feed = useRef<OverviewFeed | null>(null);
  // The feed starts with the range at mount; later changes go through setRange so the socket stays open.
  const rangeAtMount = useRef(range);

  useEffect(() => {
    const started = startOverviewFeed({
      fetchOverview: (requested, signal) => fetchOverview({ range: requested ?? undefined, signal }),
      openChannel: openMetricsChannel,
      ...options,
      initialRange: rangeAtMount.current,
      onChange: setState,
    });
    feed.current = started;
    return () => {
      started.stop();
      feed.current = null;
    };
    // One feed per mount: reconnecting on every render would drop the socket.
  }, []);

  const from = range?.from;
  const to = range?.to;
  useEffect(() => {
    feed.current?.setRange(from !== undefined && to !== undefined ? { from, to } : null);
  }, [from, to]);

  return state;
}
