import { useState } from 'react';
import type { Overview } from '../api/overview';
import { Dashboard, type DashboardView } from '../Dashboard';
import type { MetricsPanelsState } from '../live/metricsPanelsFeed';
import { DEFAULT_VIEW } from '../view/viewState';
import { makeLoadedPanels } from './riskFixture';

/** The Dashboard with its view held in React state, as App holds it (minus the URL). */
export function StatefulDashboard({
  overview,
  initialView = {},
  metrics = makeLoadedPanels(),
}: {
  overview: Overview;
  initialView?: Partial<DashboardView>;
  metrics?: MetricsPanelsState;
}) {
  const [view, setView] = useState<DashboardView>({ ...DEFAULT_VIEW, ...initialView });
  return <Dashboard overview={overview} view={view} onViewChange={(patch) => setView((current) => ({ ...current, ...patch }))} metrics={metrics} />;
}
