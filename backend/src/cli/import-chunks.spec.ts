import { readCsv } from '@epiboard/pipelines';
import { chunkCsv, chunkJsonArray, formatSummary, progressBar } from './import-chunks.js';

describe('import chunks', () => {
  it('splits a CSV between records, repeating the header, keeping quoted newlines', () => {
    const csv = 'a,b\n1,"x\ny"\n2,z\n3,w\n';
    const chunks = chunkCsv(csv, 2);
    expect(chunks.map((c) => c.rows)).toEqual([2, 1]);
    expect(readCsv(chunks[0]!.body).map((r) => r.fields)).toEqual([['a', 'b'], ['1', 'x\ny'], ['2', 'z']]);
    expect(chunks[1]!.body).toBe('a,b\n3,w\n');
  });

  it('splits a JSON array', () => {
    expect(chunkJsonArray([1, 2, 3], 2).map((c) => c.body)).toEqual(['[1,2]', '[3]']);
  });

  it('draws progress and a summary by reason, most frequent first', () => {
    expect(progressBar(5, 10, 10)).toBe('[#####-----]  50% 5/10 rows');
    expect(formatSummary({ read: 3, accepted: 1, rejected: 2, reasons: new Map([['a', 1], ['b', 2]]) }, 1.25)).toBe(
      'read 3, accepted 1, rejected 2 in 1.3 s\n        2  b\n        1  a',
    );
  });
});
