import { useEffect, useState } from 'react';
import { fetchOverview } from '../api/fetchOverview';
import { openMetricsChannel } from './metricsChannel';
import { INITIAL_FEED_STATE, startOverviewFeed, type FeedState, type OverviewFeedOptions } from './overviewFeed';

export type UseOverviewOptions = Partial<Omit<OverviewFeedOptions, 'onChange'>>;

/**
 * The live overview for the default range: REST + socket.io `metrics` pushes.
 * Options replace the network in tests; they are read once, on mount.
 */
export function useOverview(options: UseOverviewOptions = {}): FeedState {
  const [state, setState] = useState<FeedState>(INITIAL_FEED_STATE);
  useEffect(
    () =>
      startOverviewFeed({
        fetchOverview: (signal) => fetchOverview({ signal }),
        openChannel: openMetricsChannel,
        ...options,
        onChange: setState,
      }),
    // One feed per mount: reconnecting on every render would drop the socket.
    [],
  );
  return state;
}
