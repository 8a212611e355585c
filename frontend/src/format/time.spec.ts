import { addDays, formatDataAsOf, isCompleteDay, formatDay, formatTaipeiDateTime, parseDay, toTaipeiWallClock } from './time';

describe('formatTaipeiDateTime', () => {
  it('shows a UTC instant in Taipei time (UTC+8)', () => {
    expect(formatTaipeiDateTime('2026-12-03T11:20:05Z')).toBe('2026-12-03 19:20:05');
  });

  it('rolls over to the next Taipei day after 16:00 UTC', () => {
    expect(formatTaipeiDateTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00:00');
  });

  it('reads offsets written in the timestamp', () => {
    expect(formatTaipeiDateTime('2026-12-03T19:20:05+08:00')).toBe('2026-12-03 19:20:05');
  });

  it('returns null for text that is not a time', () => {
    expect(formatTaipeiDateTime('yesterday-ish')).toBeNull();
  });
});

describe('toTaipeiWallClock', () => {
  it('puts Taipei wall-clock time in the UTC fields', () => {
    const wall = toTaipeiWallClock('2026-12-03T00:30:00+08:00')!;
    expect([wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes()]).toEqual([3, 0, 30]);
  });
});

describe('parseDay / formatDay', () => {
  it('round-trips a calendar day', () => {
    expect(formatDay(parseDay('2026-02-28')!)).toBe('2026-02-28');
  });

  it('rejects impossible dates and other shapes', () => {
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('2026-2-3')).toBeNull();
    expect(parseDay('')).toBeNull();
  });

  it('adds whole days across a month end', () => {
    expect(formatDay(addDays(parseDay('2026-11-30')!, 1))).toBe('2026-12-01');
  });
});

describe('formatDataAsOf', () => {
  it('gives the Taipei time and the version', () => {
    expect(formatDataAsOf('2026-12-03T11:20:05Z', 42)).toBe('資料時間 Data as of 2026-12-03 19:20:05 · 版本 v42');
  });

  it('says there is no data yet on an empty store', () => {
    expect(formatDataAsOf(null, 0)).toBe('資料時間 Data as of — 尚無資料 no data yet · 版本 v0');
  });
});

describe('isCompleteDay', () => {
  it('accepts a whole day and refuses a half-typed year or a non-date', () => {
    expect(isCompleteDay('2021-05-01')).toBe(true);
    expect(isCompleteDay('0202-05-01')).toBe(false);
    expect(isCompleteDay('')).toBe(false);
    expect(isCompleteDay('2021-02-30')).toBe(false);
  });
});
