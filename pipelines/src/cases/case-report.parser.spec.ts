import { IdentifierHasher } from '../privacy/identifier-hasher.js';
import { parseCaseReports, CaseReportInputError } from './case-report.parser.js';

const hasher = new IdentifierHasher(Buffer.alloc(32, 5));
const NOW = Date.parse('2021-05-25T12:00:00+08:00');
const report = { caseId: 'TPE-2021-0001', reportedAt: '2021-05-17T09:00:00+08:00', onsetDate: '2021-05-14', confirmedDate: '2021-05-16', district: '萬華', village: '富民里', ageGroup: '60-64', sex: '男', imported: false, cluster: '茶藝館', phones: ['0912-345-678', '+886912345678'], appUserIds: ['tp-1'] };

describe('parseCaseReports', () => {
  it('keeps a case with its identifiers hashed (one hash per person, however the number is written)', () => {
    const { rows, rejected } = parseCaseReports(report, hasher, NOW);
    expect(rejected).toEqual([]);
    expect(rows[0]).toEqual({
      caseId: 'TPE-2021-0001', reportedAt: Date.parse('2021-05-17T01:00:00Z'), retracted: false, onsetDate: '2021-05-14', confirmedDate: '2021-05-16',
      districtCode: '63000070', village: '富民里', ageGroup: '60-64', sex: 'M', imported: false, cluster: '茶藝館',
      phoneHashes: [hasher.hashPhone('0912345678')], appHashes: [hasher.hashAppUserId('tp-1')],
    });
    expect(JSON.stringify(rows)).not.toContain('345');
  });

  it('takes a retraction with only the id and the time', () => {
    const { rows } = parseCaseReports([{ caseId: 'TPE-2021-0001', reportedAt: '2021-05-20T09:00:00+08:00', retracted: true }], hasher, NOW);
    expect(rows[0]).toMatchObject({ caseId: 'TPE-2021-0001', retracted: true, reportedAt: Date.parse('2021-05-20T01:00:00Z') });
  });

  it('refuses what cannot be right, and keeps no number in the rejection', () => {
    const { rejected } = parseCaseReports(
      [
        { ...report, confirmedDate: '2021-05-30' },
        { ...report, onsetDate: '2021-05-18' },
        { ...report, district: '火星' },
        { ...report, district: undefined },
        { ...report, phones: ['call me'] },
        { ...report, reportedAt: '2021-05-17 09:00' },
        { ...report, note: '0987654321' },
      ],
      hasher,
      NOW,
    );
    expect(rejected.map((r) => r.reason)).toEqual([
      'confirmedDate 2021-05-30 is in the future',
      'onsetDate 2021-05-18 is after confirmedDate 2021-05-16',
      'unknown Taipei district "火星"',
      'a local case needs its district',
      'phones holds something that is not a phone number',
      'reportedAt must be an ISO 8601 timestamp with its offset, such as 2021-05-17T12:30:00+08:00',
      'unknown field "note"',
    ]);
    const text = JSON.stringify(rejected);
    expect(text).not.toMatch(/345.?678|987654321/);
  });

  it('refuses a body that is not an object or an array', () => {
    expect(() => parseCaseReports('x', hasher, NOW)).toThrow(CaseReportInputError);
  });
});
