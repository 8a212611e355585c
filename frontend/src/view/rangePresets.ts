import type { OverviewRange } from '../api/overview';
import { sameRange } from './viewState';

export interface RangePreset {
  /** Used in `data-testid="preset-<name>"`. */
  name: string;
  label: string;
  /** null: the server's default range. */
  range: OverviewRange | null;
}

export const RANGE_PRESETS: readonly RangePreset[] = [
  { name: 'last-90-days', label: '資料最近90天 Last 90 days', range: null },
  // Taipei's 2021 wave, where 萬華區 (Wanhua) stood out.
  { name: 'may-jul-2021', label: '2021 5–7月 May–Jul 2021', range: { from: '2021-05-01', to: '2021-07-31' } },
  { name: 'all-2021', label: '2021 全年 All 2021', range: { from: '2021-01-01', to: '2021-12-31' } },
];

/** The preset the range is, if any: its button shows as pressed. */
export function presetFor(range: OverviewRange | null): RangePreset | undefined {
  return RANGE_PRESETS.find((preset) => sameRange(preset.range, range));
}
