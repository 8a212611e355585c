import { useMemo } from 'react';
import type { Overview } from '../api/overview';
import { ChoroplethLegend } from '../charts/ChoroplethLegend';
import { DistrictMap } from '../charts/DistrictMap';
import { buildChoroplethScale } from '../charts/scales';
import { MAP_MODE_LABELS, describeMapMetric, districtMapValues } from '../map/mapMetric';
import { MAP_MODES, type MapMode } from '../view/viewState';
import { DayInput } from './DayInput';

export interface MapPanelProps {
  overview: Overview;
  mapMode: MapMode;
  /** The day the 7-day mode shows; always inside the overview's range. */
  mapDay: string;
  selectedCode: string | null;
  onDistrictClick: (code: string) => void;
  onCityClick: () => void;
  onMapModeChange: (mode: MapMode) => void;
  onMapDayChange: (day: string) => void;
}

export function MapPanel({ overview, mapMode, mapDay, selectedCode, onDistrictClick, onCityClick, onMapModeChange, onMapDayChange }: MapPanelProps) {
  const districts = useMemo(() => districtMapValues(overview, mapMode, mapDay), [overview, mapMode, mapDay]);
  const scale = useMemo(() => buildChoroplethScale(districts.map((district) => district.value)), [districts]);
  const metric = describeMapMetric(mapMode, mapDay, overview);
  // A quiet day inside a range that had cases (e.g. 2021-12-31 for all of 2021): say where the cases are.
  const quietDayInBusyRange = mapMode === '7day-per100k' && districts.every((district) => district.value === 0) && overview.city.totalCases > 0;

  return (
    <section className="panel map-panel" aria-labelledby="map-heading">
      <header className="panel-header">
        <h2 id="map-heading">
          各行政區 <span className="en">By district</span>
        </h2>
        <button type="button" className="city-button" aria-pressed={selectedCode === null} onClick={onCityClick}>
          全市 City
        </button>
      </header>
      <div className="map-controls">
        <div className="map-modes" role="group" aria-label="地圖指標 Map metric">
          {MAP_MODES.map((mode) => (
            <button
              key={mode}
              type="button"
              className="toggle-button"
              data-testid={`map-mode-${mode}`}
              aria-pressed={mode === mapMode}
              onClick={() => onMapModeChange(mode)}
            >
              {MAP_MODE_LABELS[mode]}
            </button>
          ))}
        </div>
        {mapMode === '7day-per100k' && (
          <DayInput value={mapDay} min={overview.from} max={overview.to} onCommit={onMapDayChange} label="地圖日期 Map day" testId="map-day" />
        )}
      </div>
      <p className="hint">點選行政區檢視趨勢，再點一次回到全市 · Click a district for its trends; click again for the whole city.</p>
      {quietDayInBusyRange && (
        <p className="hint map-quiet-day" data-testid="map-quiet-day">
          {mapDay} 止7日無病例 · No cases in the 7 days to {mapDay}.{' '}
          <button type="button" className="link-button" onClick={() => onMapModeChange('range-cases')}>
            看區間病例 See cases in range
          </button>
        </p>
      )}
      <DistrictMap districts={districts} metric={metric} color={scale.color} selectedCode={selectedCode} onDistrictClick={onDistrictClick} />
      <ChoroplethLegend title={metric.title} bins={scale.bins} />
    </section>
  );
}
