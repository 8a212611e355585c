import type { AreaRiskLevel, RiskLevelsAnswer } from '../api/risk';
import type { PanelState } from '../live/metricsPanelsFeed';
import { formatRiskMetricValue, riskLevelDisplay, riskMetricName, riskReason } from '../risk/labels';
import { areaTitle } from './areaTitle';
import { PanelBody } from './PanelBody';

export interface RiskLevelPanelProps {
  riskLevels: PanelState<RiskLevelsAnswer>;
  /** The selected district; null = the city. */
  selectedCode: string | null;
  /** A district in the list was clicked. */
  onDistrictClick?: (code: string) => void;
}

function LevelBadge({ level, testId }: { level: AreaRiskLevel; testId?: string }) {
  const display = riskLevelDisplay(level.label);
  return (
    <span
      className={`risk-badge is-${level.label}`}
      data-testid={testId}
      data-level={level.level}
      data-label={level.label}
      style={{ background: display.color, color: display.ink }}
    >
      {display.zh} {display.en}
    </span>
  );
}

function SelectedLevel({ level, answer }: { level: AreaRiskLevel; answer: RiskLevelsAnswer }) {
  const reason = riskReason(level.drivenBy);
  return (
    <div className="risk-selected">
      <div className="risk-selected-head">
        <span className="risk-area">{areaTitle(level.area)}</span>
        <LevelBadge level={level} testId="risk-level" />
        <span className="risk-level-number">
          第 {level.level} 級 Level {level.level}
        </span>
      </div>
      <p className="risk-reason" data-testid="risk-reason">
        {reason ?? '尚無指標數值 No metric has a value yet'}
      </p>
      <table className="data-table risk-metrics">
        <thead>
          <tr>
            <th scope="col">指標 Metric</th>
            <th scope="col">數值 Value</th>
            <th scope="col">等級 Level</th>
          </tr>
        </thead>
        <tbody>
          {level.metrics.map((metric) => {
            const name = riskMetricName(metric.metric);
            return (
              <tr key={metric.metric} data-metric={metric.metric} className={level.drivenBy?.metric === metric.metric ? 'is-driver' : undefined}>
                <td>
                  {name.zh} <span className="en">{name.en}</span>
                </td>
                <td className="num">{metric.value === null ? '—' : formatRiskMetricValue(metric.metric, metric.value)}</td>
                <td className="num">{metric.level === null ? '—' : metric.level}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="panel-note" data-testid="risk-rules">
        {answer.date} · 規則版本 Rule version {answer.rules.version}（{answer.rules.effectiveFrom} 起 in force from）
        {answer.rules.source ? ` · 來源 Source: ${answer.rules.source}` : ''}
      </p>
    </div>
  );
}

/** An empty store: every area at level 0 only because no metric has a value anywhere. */
const hasNoValues = (answer: RiskLevelsAnswer) => [answer.city, ...answer.districts].every((level) => !level || level.metrics.every((metric) => metric.value === null));

export function RiskLevelPanel({ riskLevels, selectedCode, onDistrictClick }: RiskLevelPanelProps) {
  return (
    <section className="panel risk-panel" data-testid="risk-panel" aria-labelledby="risk-heading">
      <header className="panel-header">
        <h2 id="risk-heading">
          風險等級 <span className="en">Risk level</span>
        </h2>
      </header>
      <PanelBody state={riskLevels} testId="risk" isEmpty={hasNoValues}>
        {(answer) => {
          const selected = selectedCode === null ? answer.city : answer.districts.find((level) => level.area.code === selectedCode);
          return (
            <>
              {selected ? (
                <SelectedLevel level={selected} answer={answer} />
              ) : (
                <p className="panel-state panel-empty" data-testid="risk-empty">
                  此行政區尚無資料 No data yet for this district
                </p>
              )}
              <h3 className="panel-subheading">各行政區 By district</h3>
              <ul className="risk-district-list" aria-label="各行政區風險等級 Risk level by district">
                {answer.districts.map((level) => (
                  <li key={level.area.code}>
                    <button
                      type="button"
                      className="risk-district"
                      data-testid={`risk-district-${level.area.code}`}
                      data-level={level.level}
                      aria-pressed={level.area.code === selectedCode}
                      title={riskReason(level.drivenBy) ?? undefined}
                      onClick={onDistrictClick ? () => onDistrictClick(level.area.code) : undefined}
                    >
                      <span className="risk-district-name">{level.area.name}</span>
                      <LevelBadge level={level} />
                    </button>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </PanelBody>
    </section>
  );
}
