import { readCsv } from '@epiboard/pipelines';

/** The first replayed day: earlier cases land at once, so the epidemic's 2021 wave is what moves. */
export const REPLAY_FROM = '2021-05-01';

export interface ReplayDay {
  /** Last case date in this chunk. */
  through: string;
  /** A CDC-format CSV (header included) with this chunk's rows, exactly as in the file. */
  csv: string;
}

/**
 * Splits the CDC file into what the demo sends: one chunk with everything before REPLAY_FROM,
 * then one chunk per case date. Rows stay byte-for-byte as published.
 */
export function planCaseReplay(fileText: string, replayFrom = REPLAY_FROM): ReplayDay[] {
  const lines = fileText.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines.shift()!;
  const byDay = new Map<string, string[]>();
  for (const line of lines) {
    const date = readCsv(line)[0]!.fields[1]!.replace(/\//g, '-');
    const key = date < replayFrom ? 'before' : date;
    if (!byDay.has(key)) byDay.set(key, []);
    byDay.get(key)!.push(line);
  }
  const days: ReplayDay[] = [];
  const before = byDay.get('before');
  if (before) {
    byDay.delete('before');
    days.push({ through: dayBefore(replayFrom), csv: [header, ...before].join('\n') + '\n' });
  }
  for (const date of [...byDay.keys()].sort()) days.push({ through: date, csv: [header, ...byDay.get(date)!].join('\n') + '\n' });
  return days;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
