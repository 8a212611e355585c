import { lab, nice, scaleLinear, scaleThreshold, schemeYlOrRd, ticks, type ScaleLinear } from 'd3';
import { DAY_MS, HOUR_MS, addDays, parseDay, toTaipeiWallClock } from '../format/time';

/** One class of the choropleth: values in [from, to) get `color` (the last class includes `to`). */
export interface ChoroplethBin {
  from: number;
  to: number;
  color: string;
}

export interface ChoroplethScale {
  color: (value: number) => string;
  bins: ChoroplethBin[];
}

/** Fill for a city with no cases at all: neutral, so "nothing yet" does not read as "low". */
export const NO_CASES_COLOR = '#eef1f4';

/**
 * Classed (not continuous) colours so an official can read a district's band off the legend.
 * Class edges are round numbers from 0 to just above the highest district (d3 nice ticks),
 * which gives 3–7 classes of the ColorBrewer YlOrRd ramp.
 */
export function buildChoroplethScale(values: readonly number[]): ChoroplethScale {
  const finite = values.filter((value) => Number.isFinite(value));
  const max = finite.length ? Math.max(...finite) : 0;
  if (!(max > 0)) {
    return { color: () => NO_CASES_COLOR, bins: [{ from: 0, to: 0, color: NO_CASES_COLOR }] };
  }
  const [, top] = nice(0, max, 5);
  let edges = ticks(0, top, 5);
  if (edges.length - 1 < 3 || edges.length - 1 > 9) {
    edges = [0, 1, 2, 3, 4, 5].map((i) => (top * i) / 5); // outside the ramp's sizes: five equal classes
  }
  const classCount = edges.length - 1;
  const colors = schemeYlOrRd[classCount];
  const scale = scaleThreshold<number, string>().domain(edges.slice(1, -1)).range(colors);
  return {
    color: (value) => scale(Number.isFinite(value) ? value : 0),
    bins: colors.map((color, i) => ({ from: edges[i], to: edges[i + 1], color })),
  };
}

/** Dark text on light fills, white on dark ones, for labels drawn over the map. */
export function labelColorOn(fill: string): string {
  return lab(fill).l < 55 ? '#ffffff' : '#1f2933';
}

/** Today's Taipei midnight as a wall-clock Date: the fallback when a range has no usable dates. */
function taipeiToday(): Date {
  const now = toTaipeiWallClock(Date.now())!;
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
}

const isTime = (t: number | undefined): t is number => t !== undefined && Number.isFinite(t);

/**
 * Epicurve x-domain: whole days from `from` through `to` (the requested range), widened to any
 * data outside it; each day occupies [day, day + 1).
 */
export function dayDomain(days: readonly string[], from: string, to: string): [Date, Date] {
  const times = [from, to, ...days].map((day) => parseDay(day)?.getTime()).filter(isTime);
  if (!times.length) {
    const today = taipeiToday();
    return [today, addDays(today, 1)];
  }
  return [new Date(Math.min(...times)), new Date(Math.max(...times) + DAY_MS)];
}

/**
 * Check-in chart x-domain in Taipei wall-clock time: the overview's window
 * [checkinsFrom, checkinsTo), widened to any hour outside it; each hour occupies [hour, hour + 1h).
 */
export function hourDomain(hours: readonly string[], checkinsFrom: string, checkinsTo: string): [Date, Date] {
  const hourStarts = hours.map((hour) => toTaipeiWallClock(hour)?.getTime()).filter(isTime);
  const lows = [toTaipeiWallClock(checkinsFrom)?.getTime(), ...hourStarts].filter(isTime);
  const highs = [toTaipeiWallClock(checkinsTo)?.getTime(), ...hourStarts.map((t) => t + HOUR_MS)].filter(isTime);
  const week = 7 * DAY_MS;
  const high = highs.length ? Math.max(...highs) : lows.length ? Math.min(...lows) + week : taipeiToday().getTime() + DAY_MS;
  const low = lows.length ? Math.min(...lows) : high - week;
  return [new Date(low), new Date(high > low ? high : low + HOUR_MS)];
}

/** Count axis from 0 to a round number at or above the largest value (1 when all are 0). */
export function countScale(maxValue: number, range: [number, number]): ScaleLinear<number, number> {
  const top = Number.isFinite(maxValue) && maxValue > 0 ? maxValue : 1;
  return scaleLinear().domain([0, top]).range(range).nice(4);
}

/** Axis ticks for counts: whole numbers only (a 0–1 axis would otherwise label 0.25 check-ins). */
export function countTicks(scale: ScaleLinear<number, number>, count = 4): number[] {
  return scale.ticks(count).filter(Number.isInteger);
}

/** Two decimals are plenty for SVG coordinates and keep the DOM and snapshots small. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
