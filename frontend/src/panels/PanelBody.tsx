import type { ReactNode } from 'react';
import type { PanelState } from '../live/metricsPanelsFeed';

export interface PanelBodyProps<T> {
  state: PanelState<T>;
  /** Prefix of the state elements' test ids: `<prefix>-loading`, `-empty`, `-error`, `-stale`. */
  testId: string;
  /** An answer with nothing in it yet (an empty store) shows the empty state instead. */
  isEmpty: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ReactNode;
}

/**
 * The states every risk and resource panel shares: loading, the fetch failed, no data yet, and
 * the data (with a note when a refresh failed and what is shown is older).
 */
export function PanelBody<T>({ state, testId, isEmpty, emptyText = '尚無資料 No data yet', children }: PanelBodyProps<T>) {
  const { data, error, loading } = state;
  if (data === null) {
    if (error !== null) {
      return (
        <p className="panel-state panel-error" data-testid={`${testId}-error`}>
          <strong>無法取得資料 Could not load</strong>（{error}）{loading ? ' 重試中 Retrying…' : ''}
        </p>
      );
    }
    if (loading) {
      return (
        <p className="panel-state" data-testid={`${testId}-loading`}>
          載入中 Loading…
        </p>
      );
    }
  }
  if (data === null || isEmpty(data)) {
    return (
      <p className="panel-state panel-empty" data-testid={`${testId}-empty`}>
        {emptyText}
      </p>
    );
  }
  return (
    <>
      {error !== null && (
        <p className="panel-stale" data-testid={`${testId}-stale`}>
          無法更新，顯示先前資料 Could not refresh; showing earlier data（{error}）
        </p>
      )}
      {children(data)}
    </>
  );
}
