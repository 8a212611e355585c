import type { IncidenceAnswer, RtPoint } from '../api/risk';
import { RtBand, latestRtEstimate } from '../charts/RtBand';
import { formatCount, formatRate } from '../format/numbers';
import type { PanelState } from '../live/metricsPanelsFeed';
import { areaTitle } from './areaTitle';
import { PanelBody } from './PanelBody';

export interface RtPanelProps {
  area: { name: string; nameEn: string };
  rt: PanelState<RtPoint[]>;
  incidence: PanelState<IncidenceAnswer>;
  from: string;
  to: string;
}

const signedPercent = (share: number) => `${share >= 0 ? '+' : '−'}${Math.round(Math.abs(share) * 100)}%`;

/** Week over week: the growth and the doubling or halving time it implies. */
function GrowthLine({ incidence }: { incidence: IncidenceAnswer }) {
  return (
    <p className="rt-growth" data-testid="rt-growth">
      <span>
        近7日 Last 7 days <strong>{formatCount(incidence.last7)}</strong> 例 cases
      </span>
      <span>
        前7日 Previous 7 <strong>{formatCount(incidence.previous7)}</strong>
      </span>
      {incidence.weekOverWeekGrowth !== null && (
        <span>
          週增長 Week over week <strong>{signedPercent(incidence.weekOverWeekGrowth)}</strong>
        </span>
      )}
      {incidence.doublingDays !== null && (
        <span>
          倍增時間 Doubling <strong>{formatRate(incidence.doublingDays)}</strong> 天 days
        </span>
      )}
      {incidence.halvingDays !== null && (
        <span>
          減半時間 Halving <strong>{formatRate(incidence.halvingDays)}</strong> 天 days
        </span>
      )}
    </p>
  );
}

export function RtPanel({ area, rt, incidence, from, to }: RtPanelProps) {
  const title = `有效再生數 Rt — ${areaTitle(area)}`;
  const latest = rt.data ? latestRtEstimate(rt.data) : null;
  return (
    <section className="panel chart-panel rt-panel" data-testid="rt-panel" aria-labelledby="rt-heading">
      <header className="panel-header">
        <h2 id="rt-heading" data-testid="rt-title">
          {title}
        </h2>
        <ul className="series-key" aria-label="圖例 Key">
          <li>
            <span className="key-line key-rt-mean" aria-hidden="true" />
            後驗平均 Posterior mean
          </li>
          <li>
            <span className="key-band" aria-hidden="true" />
            95% 可信區間 credible interval
          </li>
          <li>
            <span className="key-reference" aria-hidden="true" />R = 1
          </li>
        </ul>
      </header>
      {latest && (
        <p className="rt-latest" data-testid="rt-latest">
          最新 Latest（至 window ending {latest.date}）<strong>Rt {latest.mean.toFixed(2)}</strong>（95% {latest.lower.toFixed(2)}–{latest.upper.toFixed(2)}）
        </p>
      )}
      {incidence.data && <GrowthLine incidence={incidence.data} />}
      <PanelBody state={rt} testId="rt" isEmpty={(points) => points.length === 0}>
        {(points) => <RtBand points={points} from={from} to={to} label={title} />}
      </PanelBody>
      <p className="hint">7日窗口、依本地病例估計；空白處為病例不足 · 7-day windows of local cases; gaps where cases are too few for an estimate.</p>
    </section>
  );
}
