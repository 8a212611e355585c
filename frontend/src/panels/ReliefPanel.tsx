import type { ReliefMetricsAnswer } from '../api/risk';
import { formatCount } from '../format/numbers';
import { formatDays } from '../format/stats';
import type { PanelState } from '../live/metricsPanelsFeed';
import { RELIEF_PROGRAM_NAMES_EN } from '../risk/labels';
import { reliefByProgram, type ProcessingDays } from '../risk/relief';
import { areaTitle } from './areaTitle';
import { PanelBody } from './PanelBody';

export interface ReliefPanelProps {
  area: { name: string; nameEn: string };
  /** The selected district; null = summed over the city's districts. */
  selectedCode: string | null;
  relief: PanelState<ReliefMetricsAnswer>;
}

function Days({ days }: { days: ProcessingDays }) {
  if (days === null) return <>—</>;
  if (days.kind === 'exact') return <>{formatDays(days.days)}</>;
  return (
    <span title="各區數值的範圍 range across districts">
      {formatDays(days.min)}–{formatDays(days.max)}
      <sup>*</sup>
    </span>
  );
}

export function ReliefPanel({ area, selectedCode, relief }: ReliefPanelProps) {
  return (
    <section className="panel relief-panel" data-testid="relief-panel" aria-labelledby="relief-heading">
      <header className="panel-header">
        <h2 id="relief-heading">紓困申請 Relief applications — {areaTitle(area)}</h2>
        {relief.data && (
          <span className="panel-note">
            {relief.data.from} – {relief.data.to}
          </span>
        )}
      </header>
      <PanelBody
        state={relief}
        testId="relief"
        isEmpty={(answer) => reliefByProgram(answer.rows, selectedCode).length === 0}
        emptyText="尚無資料：期間內無申請 No data yet: no applications in this range"
      >
        {(answer) => {
          const programs = reliefByProgram(answer.rows, selectedCode);
          const anyRange = programs.some((p) => p.medianDays?.kind === 'range' || p.p90Days?.kind === 'range');
          return (
            <>
              <div className="table-scroll">
                <table className="data-table relief-table" data-testid="relief-table">
                  <thead>
                    <tr>
                      <th scope="col">方案 Program</th>
                      <th scope="col" className="num">申請 Submitted</th>
                      <th scope="col" className="num">核准 Approved</th>
                      <th scope="col" className="num">駁回 Rejected</th>
                      <th scope="col" className="num">撥款 Paid</th>
                      <th scope="col" className="num">待審 Backlog</th>
                      <th scope="col" className="num">中位天數 Median days</th>
                      <th scope="col" className="num">P90 天數 P90 days</th>
                    </tr>
                  </thead>
                  <tbody>
                    {programs.map((p) => (
                      <tr key={p.program} data-program={p.program}>
                        <td>
                          {p.program}
                          {RELIEF_PROGRAM_NAMES_EN[p.program] && <span className="en"> {RELIEF_PROGRAM_NAMES_EN[p.program]}</span>}
                        </td>
                        <td className="num">{formatCount(p.submitted)}</td>
                        <td className="num">{formatCount(p.approved)}</td>
                        <td className="num">{formatCount(p.rejected)}</td>
                        <td className="num">{formatCount(p.paid)}</td>
                        <td className="num">{formatCount(p.backlog)}</td>
                        <td className="num">
                          <Days days={p.medianDays} />
                        </td>
                        <td className="num">
                          <Days days={p.p90Days} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="panel-note">
                處理天數：申請至核准或駁回，限期間內決定者 · Days from submission to decision, for those decided in the range.
                {anyRange && ' * 全市無法由各區中位數加總，列出各區範圍 A city-wide median cannot be summed from districts’; the range across districts is shown.'}
              </p>
            </>
          );
        }}
      </PanelBody>
    </section>
  );
}
