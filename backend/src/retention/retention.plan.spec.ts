import { partitionsToDrop, retentionCutoff } from './retention.plan.js';

describe('check-in retention plan', () => {
  it('keeps 28 Taipei days: at 01:00 Taipei on 2021-06-29 the first kept day is 2021-06-01', () => {
    expect(retentionCutoff(Date.parse('2021-06-29T01:00:00+08:00'))).toBe('2021-06-01');
    // 23:30 UTC on 06-28 is already 06-29 in Taipei.
    expect(retentionCutoff(Date.parse('2021-06-28T23:30:00Z'))).toBe('2021-06-01');
  });

  it('drops whole days before the cutoff, oldest first, and nothing else', () => {
    const plan = partitionsToDrop(
      [
        { partitionId: '20210601', rows: 5 },
        { partitionId: '20210531', rows: 7 },
        { partitionId: '20210415', rows: 1 },
        { partitionId: 'all', rows: 9 },
      ],
      '2021-06-01',
    );
    expect(plan).toEqual([
      { partitionId: '20210415', rows: 1, day: '2021-04-15' },
      { partitionId: '20210531', rows: 7, day: '2021-05-31' },
    ]);
  });
});
