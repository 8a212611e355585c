import { RISK_LEVEL_LABELS, type AreaRef, type AreaRiskLevel, type RiskMetricLevel } from '@epiboard/pipelines';

/** One metric's cut points in one version of the rules (rows of risk_level_rules). */
export interface RiskRule {
  version: string;
  effectiveFrom: string;
  metric: RiskMetricLevel['metric'];
  cutPoints: number[];
  source: string;
}

/** The rules in force on `date`: the version with the latest effective date at or before it. */
export function rulesInForce(rules: RiskRule[], date: string): RiskRule[] {
  const effective = rules.filter((r) => r.effectiveFrom <= date);
  const latest = effective.reduce<RiskRule | undefined>((best, r) => (!best || r.effectiveFrom > best.effectiveFrom || (r.effectiveFrom === best.effectiveFrom && r.version > best.version) ? r : best), undefined);
  return latest ? effective.filter((r) => r.version === latest.version) : [];
}

/** value ≥ cutPoints[i] reaches level i + 1. */
export function levelOf(value: number, cutPoints: number[]): number {
  let level = 0;
  for (const cut of cutPoints) if (value >= cut) level++;
  return level;
}

/** An area's level: the highest any metric reaches; the metric that reached it is the reason. */
export function areaRiskLevel(area: AreaRef, values: Partial<Record<RiskMetricLevel['metric'], number | null>>, rules: RiskRule[]): AreaRiskLevel {
  const metrics: RiskMetricLevel[] = rules.map((rule) => {
    const value = values[rule.metric] ?? null;
    return { metric: rule.metric, value, level: value === null ? null : levelOf(value, rule.cutPoints), cutPoints: rule.cutPoints };
  });
  let driver: RiskMetricLevel | undefined;
  for (const m of metrics) if (m.level !== null && (!driver || m.level > driver.level!)) driver = m;
  const level = driver?.level ?? 0;
  return { area, level, label: RISK_LEVEL_LABELS[Math.min(level, RISK_LEVEL_LABELS.length - 1)]!, drivenBy: driver ? { metric: driver.metric, value: driver.value! } : null, metrics };
}
