import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCsv } from '../csv/csv-reader.js';
import { TownshipRegistry } from './township-registry.js';

/** Real reference files the product ships; their sources are in reference/SOURCES.md. */
export const REFERENCE_DIR = fileURLToPath(new URL('../../reference/', import.meta.url));

export interface TownshipPopulation {
  county: string;
  township: string;
  /** Month-end date (YYYY-MM-DD) → registered population. */
  populations: Array<{ asOf: string; population: number }>;
}

/** MOI household-registration population per township at four month-ends of 2021. */
export function loadTownshipPopulations(): TownshipPopulation[] {
  const [header, ...rows] = readCsv(readFileSync(REFERENCE_DIR + 'tw_township_population_2021_moi_ris_odrp061.csv', 'utf8'));
  // Columns pop_2021_04 … are month-end figures.
  const periods = header!.fields.slice(2).map((c) => {
    const [, y, m] = /pop_(\d{4})_(\d{2})/.exec(c)!;
    const lastDay = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return `${y}-${m}-${String(lastDay).padStart(2, '0')}`;
  });
  return rows.map((r) => ({
    county: r.fields[0]!,
    township: r.fields[1]!,
    populations: periods.map((asOf, i) => ({ asOf, population: Number(r.fields[i + 2]) })),
  }));
}

export function loadTownshipRegistry(): TownshipRegistry {
  return new TownshipRegistry(loadTownshipPopulations());
}
