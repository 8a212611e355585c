import type { AreaOverview } from '../api/overview';
import { HourlyBars } from '../charts/HourlyBars';
import { areaTitle } from './areaTitle';

export interface CheckinsPanelProps {
  area: AreaOverview;
  /** Overview.checkinsFrom / checkinsTo: the 7 days up to the newest check-in (not the case range). */
  checkinsFrom: string;
  checkinsTo: string;
}

export function CheckinsPanel({ area, checkinsFrom, checkinsTo }: CheckinsPanelProps) {
  const title = `每小時簽到 Check-ins per hour — ${areaTitle(area)}`;
  return (
    <section className="panel chart-panel" aria-labelledby="checkins-heading">
      <header className="panel-header">
        <h2 id="checkins-heading" data-testid="checkins-title">
          {title}
        </h2>
        <span className="panel-note">最新簽到前7日 7 days to the newest check-in · 臺北時間 Taipei time</span>
      </header>
      <HourlyBars hours={area.checkinsHourly} from={checkinsFrom} to={checkinsTo} label={title} />
    </section>
  );
}
