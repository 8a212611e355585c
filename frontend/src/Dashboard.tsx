import type { Overview } from './api/overview';
import type { MetricsPanelsState } from './live/metricsPanelsFeed';
import { effectiveMapDay } from './map/mapMetric';
import { CheckinsPanel } from './panels/CheckinsPanel';
import { EpicurvePanel } from './panels/EpicurvePanel';
import { ExposurePanel } from './panels/ExposurePanel';
import { HotspotsPanel } from './panels/HotspotsPanel';
import { MapPanel } from './panels/MapPanel';
import { ReliefPanel } from './panels/ReliefPanel';
import { ResourcesPanel } from './panels/ResourcesPanel';
import { RiskLevelPanel } from './panels/RiskLevelPanel';
import { RtPanel } from './panels/RtPanel';
import { SummaryRow } from './panels/SummaryRow';
import { pickArea, toggleSelection } from './selection/area';
import type { ViewState } from './view/viewState';

/** The part of the view the dashboard itself changes; the range belongs to the range controls. */
export type DashboardView = Pick<ViewState, 'mapMode' | 'mapDay' | 'district'>;

export interface DashboardProps {
  overview: Overview;
  view: DashboardView;
  onViewChange: (patch: Partial<DashboardView>) => void;
  /** The risk and resource panels' data, for the same area and range (live/useMetricsPanels). */
  metrics: MetricsPanelsState;
}

/** Everything below the header for one overview; the view (in the URL) survives live updates. */
export function Dashboard({ overview, view, onViewChange, metrics }: DashboardProps) {
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
      <section className="risk-grid" aria-label="風險與資源 Risk and resources">
        <RiskLevelPanel
          riskLevels={metrics.riskLevels}
          selectedCode={view.district}
          onDistrictClick={(code) => onViewChange({ district: toggleSelection(view.district, code) })}
        />
        <RtPanel area={area} rt={metrics.rt} incidence={metrics.incidence} from={overview.from} to={overview.to} />
        <HotspotsPanel hotspots={metrics.hotspots} />
        <ExposurePanel exposure={metrics.exposure} />
        <ResourcesPanel area={area} resources={metrics.resources} />
        <ReliefPanel area={area} selectedCode={view.district} relief={metrics.relief} />
      </section>
    </>
  );
}
