import { useMemo } from 'react';
import type { Overview } from '../api/overview';
import { ChoroplethLegend } from '../charts/ChoroplethLegend';
import { DistrictMap } from '../charts/DistrictMap';
import { buildChoroplethScale } from '../charts/scales';
import { districtValues } from '../selection/area';

export interface MapPanelProps {
  overview: Overview;
  selectedCode: string | null;
  onDistrictClick: (code: string) => void;
  onCityClick: () => void;
}

export function MapPanel({ overview, selectedCode, onDistrictClick, onCityClick }: MapPanelProps) {
  const districts = useMemo(() => districtValues(overview), [overview]);
  const scale = useMemo(() => buildChoroplethScale(districts.map((district) => district.value)), [districts]);

  return (
    <section className="panel map-panel" aria-labelledby="map-heading">
      <header className="panel-header">
        <h2 id="map-heading">
          各區近7日每十萬人確診 <span className="en">7-day cases per 100k by district</span>
        </h2>
        <button type="button" className="city-button" aria-pressed={selectedCode === null} onClick={onCityClick}>
          全市 City
        </button>
      </header>
      <p className="hint">點選行政區檢視趨勢，再點一次回到全市 · Click a district for its trends; click again for the whole city.</p>
      <DistrictMap districts={districts} color={scale.color} selectedCode={selectedCode} onDistrictClick={onDistrictClick} />
      <ChoroplethLegend title="近7日每十萬人 Cases per 100k, last 7 days" bins={scale.bins} />
    </section>
  );
}
