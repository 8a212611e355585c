import type { RiskLevelLabel, RiskMetricLevel } from '../api/risk';
import { formatRate } from '../format/numbers';

export interface RiskLevelDisplay {
  zh: string;
  en: string;
  /** Fill of the level's badge. */
  color: string;
  /** Text on that fill. */
  ink: string;
}

/** Levels 0..4: low green, medium yellow, high orange, critical red, extreme maroon. */
export const RISK_LEVELS: Record<RiskLevelLabel, RiskLevelDisplay> = {
  low: { zh: '低', en: 'Low', color: '#2f9e44', ink: '#ffffff' },
  medium: { zh: '中', en: 'Medium', color: '#f5c518', ink: '#1f2933' },
  high: { zh: '高', en: 'High', color: '#f08c00', ink: '#1f2933' },
  critical: { zh: '嚴重', en: 'Critical', color: '#d62828', ink: '#ffffff' },
  extreme: { zh: '極嚴重', en: 'Extreme', color: '#7b1e2b', ink: '#ffffff' },
};

/** A label the dashboard does not know yet still shows, in neutral grey. */
export function riskLevelDisplay(label: string): RiskLevelDisplay {
  return (RISK_LEVELS as Record<string, RiskLevelDisplay>)[label] ?? { zh: label, en: label, color: '#adb5bd', ink: '#1f2933' };
}

type RiskMetric = RiskMetricLevel['metric'];

export const RISK_METRIC_NAMES: Record<RiskMetric, { zh: string; en: string }> = {
  new_cases_per_100k: { zh: '每十萬人新增病例', en: 'new cases per 100k' },
  rt: { zh: '有效再生數', en: 'Rt' },
  icu_occupancy: { zh: '加護病床占用率', en: 'ICU occupancy' },
};

export function riskMetricName(metric: string): { zh: string; en: string } {
  return (RISK_METRIC_NAMES as Record<string, { zh: string; en: string }>)[metric] ?? { zh: metric, en: metric };
}

/** Each metric as it is usually quoted: cases per 100k to 0.1, Rt to 0.01, occupancy (a share) as a percentage. */
export function formatRiskMetricValue(metric: string, value: number): string {
  if (metric === 'rt') return value.toFixed(2);
  if (metric === 'icu_occupancy') return formatPercent(value);
  return formatRate(value);
}

/** A share 0..1 as a percentage: 0.8123 → 81%. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "依據每十萬人新增病例 12.3 · driven by new cases per 100k: 12.3"; null when no metric had a value. */
export function riskReason(drivenBy: { metric: string; value: number } | null): string | null {
  if (!drivenBy) return null;
  const name = riskMetricName(drivenBy.metric);
  const value = formatRiskMetricValue(drivenBy.metric, drivenBy.value);
  return `依據${name.zh} ${value} · driven by ${name.en}: ${value}`;
}

export const CAPACITY_KIND_NAMES: Record<string, { zh: string; en: string }> = {
  isolation_beds: { zh: '隔離病床', en: 'Isolation beds' },
  icu_beds: { zh: '加護病床', en: 'ICU beds' },
  negative_pressure_rooms: { zh: '負壓隔離病房', en: 'Negative-pressure rooms' },
  quarantine_rooms: { zh: '檢疫房間', en: 'Quarantine rooms' },
  ventilators: { zh: '呼吸器', en: 'Ventilators' },
};

/** The order the resources panel lists capacity kinds in; unknown kinds follow. */
export const CAPACITY_KIND_ORDER = ['isolation_beds', 'icu_beds', 'negative_pressure_rooms', 'quarantine_rooms', 'ventilators'];

export const STOCK_ITEM_NAMES: Record<string, { zh: string; en: string }> = {
  vaccine_doses: { zh: '疫苗劑數', en: 'Vaccine doses' },
  rapid_tests: { zh: '快篩試劑', en: 'Rapid tests' },
  ppe_sets: { zh: '防護裝備', en: 'PPE sets' },
};

/** Relief programs arrive by their Chinese name; the ones we know get an English one beside it. */
export const RELIEF_PROGRAM_NAMES_EN: Record<string, string> = {
  防疫補償: 'Quarantine compensation',
  紓困生活補貼: 'Living subsidy',
};

export function nameOf(names: Record<string, { zh: string; en: string }>, key: string): { zh: string; en: string } {
  return names[key] ?? { zh: key, en: key };
}

/** Orders `items` by their key's place in `order`, unknown keys last in their own order. */
export function inOrder<T>(items: readonly T[], keyOf: (item: T) => string, order: readonly string[]): T[] {
  const rank = (item: T) => {
    const i = order.indexOf(keyOf(item));
    return i === -1 ? order.length : i;
  };
  return items.map((item, i) => ({ item, i })).sort((a, b) => rank(a.item) - rank(b.item) || a.i - b.i).map(({ item }) => item);
}
