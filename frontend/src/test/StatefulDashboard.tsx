import { useState } from 'react';
import type { Overview } from '../api/overview';
import { Dashboard, type DashboardView } from '../Dashboard';
import { DEFAULT_VIEW } from '../view/viewState';

/** The Dashboard with its view held in React state, as App holds it (minus the URL). */
export function StatefulDashboard({ overview, initialView = {} }: { overview: Overview; initialView?: Partial<DashboardView> }) {
  const [view, setView] = useState<DashboardView>({ ...DEFAULT_VIEW, ...initialView });
  return <Dashboard overview={overview} view={view} onViewChange={(patch) => setView((current) => ({ ...current, ...patch }))} />;
}
