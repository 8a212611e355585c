/**
 * The OpenAPI 3.1 description of the metrics API, served at /api/docs. Written by hand next to
 * the contracts in pipelines/src/contracts/risk.ts; a test keeps it in step with the controller.
 */

const date = (description: string) => ({ in: 'query', schema: { type: 'string', format: 'date' }, description });
const param = {
  from: { name: 'from', ...date('first Taipei date, YYYY-MM-DD') },
  to: { name: 'to', ...date('last Taipei date, YYYY-MM-DD (both included)') },
  asOf: { name: 'asOf', in: 'query', schema: { type: 'string' }, description: 'answer with what had landed by this time: ISO 8601 with its offset, or a date (the end of that Taipei day); default now' },
  district: { name: 'district', in: 'query', schema: { type: 'string' }, description: 'a Taipei district by name (萬華區, 萬華, Wanhua) or MOI code (63000070); absent: the whole city' },
  minutes: { name: 'minutes', in: 'query', schema: { type: 'number', default: 60, minimum: 0, maximum: 1440 }, description: '± minutes around each of a case’s visits' },
  daysBeforeOnset: { name: 'daysBeforeOnset', in: 'query', schema: { type: 'number', default: 2 }, description: 'the infectious window opens this many days before onset (or confirmation when onset is unknown)' },
};

const ok = (description: string, schemaName: string, array = false) => ({
  200: { description, content: { 'application/json': { schema: array ? { type: 'array', items: { $ref: `#/components/schemas/${schemaName}` } } : { $ref: `#/components/schemas/${schemaName}` } } } },
  400: { description: 'a parameter that cannot be answered; the message says which and why', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
});

const num = { type: 'number' };
const nnum = { type: ['number', 'null'] };
const str = { type: 'string' };
const area = { $ref: '#/components/schemas/AreaRef' };
const obj = (properties: Record<string, unknown>) => ({ type: 'object', properties, required: Object.keys(properties) });

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Epiboard metrics API',
    version: '1',
    description:
      'Risk and resource metrics for Taipei City and its 12 districts. Counts are JSON numbers; dates are Taipei dates. Case counts are by 個案研判日 from the CDC aggregate feed; exposure and the unknown-source share come from the city’s case line list; Rt is the Cori method with EpiEstim’s conventions.',
  },
  paths: {
    '/api/metrics/overview': { get: { summary: 'City and districts: daily cases with 7-day averages and rates per 100k, check-ins per hour', parameters: [param.from, param.to, param.asOf], responses: ok('the overview (also pushed live as the socket.io `metrics` event)', 'Overview') } },
    '/api/metrics/incidence': { get: { summary: 'Daily cases by case date and by report date, 7-day average, per 100k, weekly growth, doubling or halving time, imported and unknown-source shares', parameters: [param.district, param.from, param.to, param.asOf], responses: ok('incidence of the area', 'Incidence') } },
    '/api/metrics/rt': {
      get: {
        summary: 'Rt (Cori et al. 2013, EpiEstim conventions): gamma prior mean 5 sd 5, offset-gamma serial interval, sliding 7-day windows labelled by their end date; windows with too little data are marked',
        parameters: [param.district, param.from, param.to, param.asOf, { name: 'siMean', in: 'query', schema: { type: 'number', default: 4.7 }, description: 'serial interval mean, days (> 1)' }, { name: 'siSd', in: 'query', schema: { type: 'number', default: 2.9 }, description: 'serial interval sd, days' }],
        responses: ok('one point per window', 'RtPoint', true),
      },
    },
    '/api/metrics/exposure/cases/{caseId}': {
      get: {
        summary: 'Venue exposure of one case: its visits in the infectious window and everyone checked in at those venues within ± minutes',
        parameters: [{ name: 'caseId', in: 'path', required: true, schema: str }, param.asOf, param.minutes, param.daysBeforeOnset],
        responses: { ...ok('the case’s exposure', 'CaseExposure'), 404: { description: 'no active case with that id in the line list (at asOf)' } },
      },
    },
    '/api/metrics/exposure/venues': { get: { summary: 'Venues ranked by cases visiting (confirmed in the range), then people exposed', parameters: [param.from, param.to, param.asOf, param.minutes, param.daysBeforeOnset, { name: 'limit', in: 'query', schema: { type: 'number', default: 50 } }], responses: ok('ranked venues', 'VenueExposureAnswer') } },
    '/api/metrics/hotspots': {
      get: {
        summary: 'Districts and villages whose 7-day case count exceeds their baseline (one-sided Poisson test against the mean week of the 28 days before), and venues visited by two or more cases within the 7 days',
        parameters: [param.to, param.asOf, { name: 'alpha', in: 'query', schema: { type: 'number', default: 0.01 } }, { name: 'minExpected', in: 'query', schema: { type: 'number', default: 1 }, description: 'floor of the expected weekly count' }],
        responses: ok('hotspots', 'HotspotsAnswer'),
      },
    },
    '/api/metrics/footfall': { get: { summary: 'Check-ins per district and venue category in the 7 days ending `to` against a baseline week (default: the week 28 days earlier)', parameters: [param.to, { name: 'baselineFrom', ...date('first day of the baseline week') }, param.district], responses: ok('footfall', 'FootfallAnswer') } },
    '/api/metrics/risk-levels': { get: { summary: 'Risk level per district and for the city from the versioned rules in force on the date, each with the metric that drove it', parameters: [{ name: 'date', ...date('the day assessed; default the newest case date') }, param.asOf], responses: ok('levels', 'RiskLevelsAnswer') } },
    '/api/metrics/resources': { get: { summary: 'Occupancy, free capacity and runway per kind; days of supply per stock item', parameters: [param.district, { name: 'date', ...date('the day; default the asOf day') }, param.asOf], responses: ok('resources', 'ResourceMetricsAnswer') } },
    '/api/metrics/relief': { get: { summary: 'Relief applications per program and district: submitted, approved, rejected, paid, backlog, median and 90th-percentile processing days', parameters: [param.from, param.to, param.district, param.asOf], responses: ok('relief', 'ReliefMetricsAnswer') } },
  },
  components: {
    schemas: {
      Error: obj({ statusCode: num, error: str, message: str }),
      AreaRef: obj({ code: str, name: str, nameEn: str }),
      Overview: { type: 'object', description: 'see pipelines/src/contracts/overview.ts' },
      Incidence: obj({
        area,
        from: str,
        to: str,
        asOf: str,
        population: num,
        populationDate: str,
        totalCases: num,
        per100k: num,
        byCaseDate: { type: 'array', items: obj({ date: str, cases: num, local: num, imported: num, avg7: num, avg7Per100k: num }) },
        byReportDate: { type: 'array', items: obj({ date: str, added: num, corrected: { type: 'number', description: 'cases withdrawn from past dates that day (≤ 0)' } }) },
        last7: num,
        previous7: num,
        weekOverWeekGrowth: nnum,
        doublingDays: nnum,
        halvingDays: nnum,
        local: num,
        imported: num,
        importedShare: nnum,
        unknownSource: obj({ cases: num, unknown: num, share: nnum }),
      }),
      RtPoint: { ...obj({ date: str, mean: nnum, median: nnum, lower: nnum, upper: nnum, localCases: num }), properties: { date: str, mean: nnum, median: nnum, lower: nnum, upper: nnum, localCases: num, insufficient: { type: 'string', description: 'why there is no estimate' } } },
      CaseExposure: obj({ caseId: str, asOf: str, window: obj({ from: str, to: str }), minutes: num, visits: { type: 'array', items: obj({ venueCode: str, venueName: str, districtCode: str, time: str, exposedPersons: num, exposedPeople: num }) }, exposedPersons: num, exposedPeople: num }),
      VenueExposureAnswer: obj({ from: str, to: str, asOf: str, minutes: num, venues: { type: 'array', items: obj({ venueCode: str, venueName: str, category: str, districtCode: str, casesVisiting: num, visits: num, exposedPersons: num, exposedPeople: num }) } }),
      HotspotsAnswer: obj({
        to: str,
        asOf: str,
        alpha: num,
        minExpected: num,
        districts: { type: 'array', items: obj({ area, observed: num, expected: num, pValue: num, hotspot: { type: 'boolean' } }) },
        villages: { type: 'array', items: obj({ districtCode: str, village: str, observed: num, expected: num, pValue: num, hotspot: { type: 'boolean' } }) },
        venues: { type: 'array', items: obj({ venueCode: str, venueName: str, districtCode: str, cases: num }) },
      }),
      FootfallAnswer: obj({ current: obj({ from: str, to: str }), baseline: obj({ from: str, to: str }), rows: { type: 'array', items: obj({ districtCode: str, category: str, current: num, baseline: num, ratio: nnum }) }, city: obj({ current: num, baseline: num, ratio: nnum }) }),
      RiskLevelsAnswer: obj({
        date: str,
        asOf: str,
        rules: obj({ version: str, effectiveFrom: str, source: str }),
        city: { $ref: '#/components/schemas/AreaRiskLevel' },
        districts: { type: 'array', items: { $ref: '#/components/schemas/AreaRiskLevel' } },
      }),
      AreaRiskLevel: obj({ area, level: num, label: { enum: ['low', 'medium', 'high', 'critical', 'extreme'] }, drivenBy: { type: ['object', 'null'] }, metrics: { type: 'array', items: obj({ metric: str, value: nnum, level: nnum, cutPoints: { type: 'array', items: num } }) } }),
      ResourceMetricsAnswer: obj({
        date: str,
        asOf: str,
        districtCode: { type: ['string', 'null'] },
        capacity: { type: 'array', items: obj({ kind: str, total: num, occupied: num, free: num, occupancy: nnum, trendPerDay: nnum, runwayDays: nnum, facilities: num }) },
        stock: { type: 'array', items: obj({ item: str, quantity: num, avgDailyUse7: nnum, daysOfSupply: nnum, facilities: num }) },
      }),
      ReliefMetricsAnswer: obj({ from: str, to: str, asOf: str, rows: { type: 'array', items: obj({ program: str, districtCode: str, submitted: num, approved: num, rejected: num, paid: num, backlog: num, medianDays: nnum, p90Days: nnum }) } }),
    },
  },
} as const;

/** A readable page of the same document, with nothing to load from outside. */
export function docsPage(): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const rows = Object.entries(OPENAPI.paths)
    .map(([path, item]) => {
      const op = item.get as unknown as { summary: string; parameters: Array<{ name: string; description?: string }> };
      const params = op.parameters.map((p) => `<code>${escape(p.name)}</code>${p.description ? ` — ${escape(p.description)}` : ''}`).join('<br>');
      return `<tr><td><code>GET ${escape(path)}</code></td><td>${escape(op.summary)}</td><td>${params}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>Epiboard API</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:1200px}td{vertical-align:top;border-top:1px solid #ddd;padding:.5rem}code{background:#f4f4f4}</style></head>
<body><h1>Epiboard metrics API</h1><p>${escape(OPENAPI.info.description)}</p><p>Machine-readable: <a href="/api/docs/openapi.json">/api/docs/openapi.json</a> (OpenAPI 3.1).</p>
<table><thead><tr><th>endpoint</th><th>what</th><th>parameters</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}
