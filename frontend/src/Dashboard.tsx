import type { Overview } from './api/overview';
import { effectiveMapDay } from './map/mapMetric';
import { CheckinsPanel } from './panels/CheckinsPanel';
import { EpicurvePanel } from './panels/EpicurvePanel';
import { MapPanel } from './panels/MapPanel';
import { SummaryRow } from './panels/SummaryRow';
import { pickArea, toggleSelection } from './selection/area';
import type { ViewState } from './view/viewState';

/** The part of the view the dashboard itself changes; the range belongs to the range controls. */
export type DashboardView = Pick<ViewState, 'mapMode' | 'mapDay' | 'district'>;

export interface DashboardProps {
  overview: Overview;
  view: DashboardView;
  onViewChange: (patch: Partial<DashboardView>) => void;
}

/** Everything below the header for one overview; the view (in the URL) survives live updates. */
export function Dashboard({ overview, view, onViewChange }: DashboardProps) {
  const area = pickArea(overview, view.district);
  const mapDay = effectiveMapDay(overview, view.mapDay);

  return (
    <>
      <SummaryRow area={area} from={overview.from} to={overview.to} unlocatedImportedCases={overview.unlocatedImportedCases} />
      <div className="dashboard-grid">
        <MapPanel
          overview={overview}
          mapMode={view.mapMode}
          mapDay={mapDay}
          selectedCode={view.district}
          onDistrictClick={(code) => onViewChange({ district: toggleSelection(view.district, code) })}
          onCityClick={() => onViewChange({ district: null })}
          onMapModeChange={(mapMode) => onViewChange({ mapMode })}
          onMapDayChange={(day) => onViewChange({ mapDay: day })}
        />
        <div className="chart-column">
          <EpicurvePanel
            area={area}
            from={overview.from}
            to={overview.to}
            markerDay={view.mapMode === '7day-per100k' ? mapDay : null}
            onDayClick={(day) => onViewChange({ mapMode: '7day-per100k', mapDay: day })}
          />
          <CheckinsPanel area={area} checkinsFrom={overview.checkinsFrom} checkinsTo={overview.checkinsTo} />
        </div>
      </div>
    </>
  );
}
