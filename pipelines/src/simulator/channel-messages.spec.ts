import { IdentifierHasher } from '../privacy/identifier-hasher.js';
import { parseScans, parseSmsMessages } from '../checkins/checkin-feeds.parser.js';
import { parseCaseReports } from '../cases/case-report.parser.js';
import { simulateCheckinsForHour, simulateVenues } from './checkin-simulator.js';
import { caseFromVisit, simulateCaseReports, toChannelMessages } from './channel-messages.js';
import { seededRandom } from './random.js';

const hasher = new IdentifierHasher(Buffer.alloc(32, 2));

describe('simulated feeds read back through the real parsers', () => {
  const now = Date.parse('2021-05-20T12:00:00+08:00');
  const random = seededRandom(42);
  const visits = simulateCheckinsForHour(simulateVenues(50), new Date(now - 3_600_000), 500, random);
  const { sms, scans } = toChannelMessages(visits, random, 't');

  it('every simulated SMS and scan parses, and people add up', () => {
    expect(sms.length + scans.length).toBe(visits.length);
    const smsRows = parseSmsMessages(sms, hasher, now);
    const scanRows = parseScans(scans, hasher, now);
    expect(smsRows.rejected).toEqual([]);
    expect(scanRows.rejected).toEqual([]);
    const people = [...smsRows.rows, ...scanRows.rows].reduce((s, r) => s + r.partySize, 0);
    expect(people).toBe(visits.reduce((s, v) => s + v.partySize, 0));
    expect(sms.some((m) => /\+\d/.test(m.body))).toBe(true);
  });

  it('every simulated case report parses', () => {
    const reports = simulateCaseReports(200, now, seededRandom(1));
    const parsed = parseCaseReports(reports, hasher, now);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows).toHaveLength(200);
    expect(parsed.rows.filter((r) => r.districtCode === '63000070').length).toBeGreaterThan(60);
  });
});

describe('caseFromVisit', () => {
  const now = Date.parse('2021-05-20T06:00:00Z');
  it('confirms the visitor a day or two after the visit, never in the future, with onset on the visit day', () => {
    for (let seed = 1; seed < 20; seed++) {
      const c = caseFromVisit({ venueCode: '277025136512291', time: '2021-05-19T02:00:00Z', phone: '0912345678' }, { name: '茶藝館', district: '萬華區' }, now, seededRandom(seed), 'DEMO-1');
      expect(c).toMatchObject({ caseId: 'DEMO-1', onsetDate: '2021-05-19', district: '萬華區', phones: ['0912345678'], appUserIds: [] });
      expect(Date.parse(c.reportedAt)).toBeLessThanOrEqual(now);
      expect(c.confirmedDate).toBe('2021-05-20');
    }
  });
});
