import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DIR, readCsv } from '@epiboard/pipelines';
import { planCaseReplay } from './demo-replay.plan.js';

describe('planCaseReplay', () => {
  const text = readFileSync(join(REFERENCE_DIR, 'tw_cdc_confirmed_by_date_county_township_2020-2021.csv'), 'utf8');
  const days = planCaseReplay(text);
  const rows = (csv: string) => readCsv(csv).slice(1);

  it('sends everything before May 2021 at once, then one chunk per case date in order', () => {
    expect(days[0]!.through).toBe('2021-04-30');
    expect(rows(days[0]!.csv).every((r) => r.fields[1]! < '2021/05/01')).toBe(true);
    expect(days[1]!.through).toBe('2021-05-01');
    const later = days.slice(1).map((d) => d.through);
    expect(later).toEqual([...later].sort());
    expect(new Set(later).size).toBe(later.length);
  });

  it('loses no row and changes none', () => {
    const all = days.flatMap((d) => rows(d.csv).map((r) => r.fields.join(',')));
    expect(all.sort()).toEqual(text.trim().split(/\r?\n/).slice(1).sort());
  });
});
