import type { AreaOverview } from '../api/overview';
import { Epicurve } from '../charts/Epicurve';
import { areaTitle } from './areaTitle';

export interface EpicurvePanelProps {
  area: AreaOverview;
  from: string;
  to: string;
}

export function EpicurvePanel({ area, from, to }: EpicurvePanelProps) {
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
        </ul>
      </header>
      <Epicurve daily={area.daily} from={from} to={to} label={title} />
    </section>
  );
}
