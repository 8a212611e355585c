import { IdentifierHasher } from '../privacy/identifier-hasher.js';
import { parseScans, parseSmsMessages } from '../checkins/checkin-feeds.parser.js';
import { parseCaseReports } from '../cases/case-report.parser.js';
import { simulateCheckinsForHour, simulateVenues } from './checkin-simulator.js';
import { simulateCaseReports, toChannelMessages } from './channel-messages.js';
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
