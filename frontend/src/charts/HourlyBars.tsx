import { useMemo } from 'react';
import { scaleUtc, utcDay, utcFormat } from 'd3';
import type { HourlyCheckins } from '../api/overview';
import { formatCount } from '../format/numbers';
import { HOUR_MS, formatTaipeiDateTime, toTaipeiWallClock } from '../format/time';
import { countScale, countTicks, hourDomain, round2 } from './scales';
import { ChartAxes } from './ChartAxes';

export interface HourlyBarsProps {
  hours: readonly HourlyCheckins[];
  /** The window shown, ISO 8601 instants [from, to): Overview.checkinsFrom / checkinsTo. */
  from: string;
  to: string;
  label: string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 12, right: 12, bottom: 26, left: 48 };
const dayLabel = utcFormat('%-m/%-d');

export interface HourlyBar {
  hour: string;
  x: number;
  y: number;
  width: number;
  height: number;
  checkins: number;
  people: number;
}

export interface HourlyBarsLayout {
  bars: HourlyBar[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  baselineY: number;
}

/** One bar per hour on a Taipei wall-clock time axis, ticks at each Taipei midnight. */
export function hourlyBarsLayout(hours: readonly HourlyCheckins[], from: string, to: string, width: number, height: number): HourlyBarsLayout {
  const valid = hours.filter((hour) => toTaipeiWallClock(hour.hour) !== null);
  const x = scaleUtc()
    .domain(hourDomain(valid.map((hour) => hour.hour), from, to))
    .range([MARGIN.left, width - MARGIN.right]);
  const y = countScale(Math.max(0, ...valid.map((hour) => hour.checkins)), [height - MARGIN.bottom, MARGIN.top]);
  const [domainStart, domainEnd] = x.domain();
  const hourWidth = x(new Date(domainStart.getTime() + HOUR_MS)) - x(domainStart);

  const bars = valid.map((hour) => {
    const start = toTaipeiWallClock(hour.hour)!;
    const top = y(hour.checkins);
    return {
      hour: hour.hour,
      x: round2(x(start)),
      y: round2(top),
      width: round2(Math.max(hourWidth - (hourWidth > 3 ? 0.5 : 0), 0.5)),
      height: round2(y(0) - top),
      checkins: hour.checkins,
      people: hour.people,
    };
  });
  const midnights = utcDay.range(domainStart, domainEnd);
  // Every day fits a label up to about two weeks; beyond that, every other one.
  const labelEvery = midnights.length > 14 ? 2 : 1;
  const xTicks = midnights
    .filter((_, i) => i % labelEvery === 0)
    .map((midnight) => ({ x: round2(x(midnight)), label: dayLabel(midnight) }));
  const yTicks = countTicks(y).map((tick) => ({ y: round2(y(tick)), label: formatCount(tick) }));
  return { bars, xTicks, yTicks, baselineY: round2(y(0)) };
}

/** Hourly counts as bars; used for venue check-ins (簽到). */
export function HourlyBars({ hours, from, to, label, width = 640, height = 200 }: HourlyBarsProps) {
  const layout = useMemo(() => hourlyBarsLayout(hours, from, to, width, height), [hours, from, to, width, height]);
  const hasCheckins = layout.bars.some((bar) => bar.checkins > 0);

  return (
    <svg data-testid="checkins-chart" className="chart hourly-bars" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <ChartAxes width={width} margin={MARGIN} baselineY={layout.baselineY} yTicks={layout.yTicks} xTicks={layout.xTicks} xLabels="after-tick" />
      {hasCheckins ? (
        <g className="bars">
          {layout.bars.map((bar) => (
            <rect key={bar.hour} data-hour={bar.hour} x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
              <title>{`${formatTaipeiDateTime(bar.hour)?.slice(0, 16)}：${formatCount(bar.checkins)} 次簽到 check-ins · ${formatCount(bar.people)} 人 people`}</title>
            </rect>
          ))}
        </g>
      ) : (
        <text data-testid="checkins-empty" className="empty-state" x={width / 2} y={height / 2} textAnchor="middle">
          此期間尚無簽到資料 No check-ins in this period
        </text>
      )}
    </svg>
  );
}
