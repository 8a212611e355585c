/**
 * The risk and resource metrics contract, taken type-only from the pipelines workspace (as
 * api/overview.ts takes the overview's) so the dashboard fails to typecheck when it changes.
 */
export type {
  AreaHotspot,
  AreaRef,
  AreaRiskLevel,
  CapacityMetric,
  HotspotsAnswer,
  IncidenceAnswer,
  ReliefMetricRow,
  ReliefMetricsAnswer,
  ResourceMetricsAnswer,
  RiskLevelLabel,
  RiskLevelsAnswer,
  RiskMetricLevel,
  RtPoint,
  StockMetric,
  VenueExposure,
  VenueExposureAnswer,
  VenueHotspot,
  VillageHotspot,
} from '../../../pipelines/src/contracts/risk';
