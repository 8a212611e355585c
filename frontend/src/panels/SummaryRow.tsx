import type { AreaOverview } from '../api/overview';
import { formatCount, formatRate } from '../format/numbers';
import { areaTitle } from './areaTitle';

export interface SummaryRowProps {
  area: AreaOverview;
  from: string;
  to: string;
  /** National imported cases without a county: shown for context, never added to Taipei. */
  unlocatedImportedCases: number;
}

export function SummaryRow({ area, from, to, unlocatedImportedCases }: SummaryRowProps) {
  return (
    <section className="summary" aria-label={`摘要 Summary — ${areaTitle(area)}`} data-testid="summary">
      <div className="summary-stats">
        <div className="summary-area">
          <span className="label">地區 Area</span>
          <strong>{area.name}</strong>
          <span className="en">{area.nameEn}</span>
        </div>
        <div className="stat">
          <span className="label">
            期間確診 Cases {from} – {to}
          </span>
          <strong data-testid="summary-total-cases">{formatCount(area.totalCases)}</strong>
        </div>
        <div className="stat">
          <span className="label">近7日每十萬人 7-day per 100k</span>
          <strong data-testid="summary-last7">{formatRate(area.last7Per100k)}</strong>
        </div>
        <div className="stat">
          <span className="label">人口 Population{area.populationDate ? `（${area.populationDate}）` : ''}</span>
          {/* 0 means the store has no population row for the area yet, not an empty district. */}
          <strong data-testid="summary-population">{area.population > 0 ? formatCount(area.population) : '—'}</strong>
        </div>
      </div>
      {unlocatedImportedCases > 0 && (
        <p className="summary-note">
          另有 {formatCount(unlocatedImportedCases)} 例境外移入未註明縣市（全國，不計入臺北市） · {formatCount(unlocatedImportedCases)} imported
          cases nationwide have no county and are not counted for Taipei.
        </p>
      )}
    </section>
  );
}
