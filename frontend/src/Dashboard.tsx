import { useState } from 'react';
import type { Overview } from './api/overview';
import { CheckinsPanel } from './panels/CheckinsPanel';
import { EpicurvePanel } from './panels/EpicurvePanel';
import { MapPanel } from './panels/MapPanel';
import { SummaryRow } from './panels/SummaryRow';
import { pickArea, toggleSelection } from './selection/area';

export interface DashboardProps {
  overview: Overview;
  /** District selected on first render; the city when omitted. */
  initialSelectedCode?: string | null;
}

/** Everything below the header for one overview; the selection survives live updates. */
export function Dashboard({ overview, initialSelectedCode = null }: DashboardProps) {
  const [selectedCode, setSelectedCode] = useState<string | null>(initialSelectedCode);
  const area = pickArea(overview, selectedCode);

  return (
    <>
      <SummaryRow area={area} from={overview.from} to={overview.to} unlocatedImportedCases={overview.unlocatedImportedCases} />
      <div className="dashboard-grid">
        <MapPanel
          overview={overview}
          selectedCode={selectedCode}
          onDistrictClick={(code) => setSelectedCode((current) => toggleSelection(current, code))}
          onCityClick={() => setSelectedCode(null)}
        />
        <div className="chart-column">
          <EpicurvePanel area={area} from={overview.from} to={overview.to} />
          <CheckinsPanel area={area} checkinsFrom={overview.checkinsFrom} checkinsTo={overview.checkinsTo} />
        </div>
      </div>
    </>
  );
}
