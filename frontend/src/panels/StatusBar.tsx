import { formatDataAsOf } from '../format/time';
import type { ConnectionState } from '../live/overviewFeed';

const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: '連線中 Connecting',
  live: '即時 Live',
  disconnected: '已斷線 Disconnected',
};

export interface StatusBarProps {
  dataAsOf: string | null;
  version: number | null;
  connection: ConnectionState;
}

/** When the data on screen landed, its version, and whether pushes are arriving. */
export function StatusBar({ dataAsOf, version, connection }: StatusBarProps) {
  return (
    <div className="status-bar">
      <span className={`live-indicator is-${connection}`} data-testid="live-indicator" role="status">
        <span className="dot" aria-hidden="true" />
        {CONNECTION_LABELS[connection]}
      </span>
      {version !== null && <span data-testid="data-as-of">{formatDataAsOf(dataAsOf, version)}</span>}
    </div>
  );
}
