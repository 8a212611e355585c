import type { AreaOverview } from '../api/overview';
import { Epicurve } from '../charts/Epicurve';
import { areaTitle } from './areaTitle';

export interface EpicurvePanelProps {
  area: AreaOverview;
  from: string;
  to: string;
  /** The day the map shows, marked on the curve; null when the map shows the whole range. */
  markerDay: string | null;
  onDayClick: (day: string) => void;
}

export function EpicurvePanel({ area, from, to, markerDay, onDayClick }: EpicurvePanelProps) {
  const title = `每日確診 Daily cases — ${areaTitle(area)}`;
  return (
    <section className="panel chart-panel" aria-labelledby="epicurve-heading">
      <header className="panel-header">
        <h2 id="epicurve-heading" data-testid="epicurve-title">
          {title}
        </h2>
        <ul className="series-key" aria-label="圖例 Key">
          <li>
            <span className="key-bar" aria-hidden="true" />
            每日病例 Daily cases
          </li>
          <li>
            <span className="key-line" aria-hidden="true" />
            7日平均 7-day average
          </li>
          {markerDay !== null && (
            <li>
              <span className="key-marker" aria-hidden="true" />
              地圖日期 Map day
            </li>
          )}
        </ul>
      </header>
      <p className="hint">點選某日，地圖即顯示該日止7日每十萬人 · Click a day to map the 7 days per 100k ending then.</p>
      <Epicurve daily={area.daily} from={from} to={to} label={title} markerDay={markerDay} onDayClick={onDayClick} />
    </section>
  );
}
