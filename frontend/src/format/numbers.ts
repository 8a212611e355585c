import { format } from 'd3';

// d3-format rather than Intl: identical output in every browser and under jest (snapshots).
const countFormat = format(',d');
const rateFormat = format(',.1f');

/** Whole counts with thousands separators: 2494813 → 2,494,813. */
export function formatCount(value: number): string {
  return countFormat(Math.round(value));
}

/** Rates such as cases per 100k, one decimal: 12.345 → 12.3. */
export function formatRate(value: number): string {
  return rateFormat(value);
}

/** Legend and axis bounds: integers without decimals, fractions with as few as needed. */
export function formatBound(value: number): string {
  return Number.isInteger(value) ? countFormat(value) : format(',~r')(Number(value.toPrecision(6)));
}
