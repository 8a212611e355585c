import { parseReliefEvents, ReliefInputError } from './relief-event.parser.js';

const NOW = Date.parse('2021-06-30T12:00:00+08:00');
/** A 防疫補償 application through its real status flow, as a case-management system reports it. */
const flow = [
  { applicationId: 'COMP-210601-A042', program: '防疫補償', district: '萬華區', status: 'submitted', at: '2021-06-01T10:15:00+08:00' },
  { applicationId: 'COMP-210601-A042', program: '防疫補償', district: '萬華區', status: 'reviewing', at: '2021-06-02T09:00:00+08:00' },
  { applicationId: 'COMP-210601-A042', program: '防疫補償', district: '萬華區', status: 'approved', at: '2021-06-09T16:30:00+08:00', amount: 14_000 },
  { applicationId: 'COMP-210601-A042', program: '防疫補償', district: '萬華區', status: 'paid', at: '2021-06-18T11:00:00+08:00', amount: 14_000 },
];
const event = flow[0]!;

describe('parseReliefEvents', () => {
  it('takes a status flow, one event or an array, with the district code', () => {
    const { rows, rejected } = parseReliefEvents(flow, NOW);
    expect(rejected).toEqual([]);
    expect(rows.map((r) => [r.status, r.at, r.amount])).toEqual([
      ['submitted', Date.parse('2021-06-01T02:15:00Z'), null],
      ['reviewing', Date.parse('2021-06-02T01:00:00Z'), null],
      ['approved', Date.parse('2021-06-09T08:30:00Z'), 14_000],
      ['paid', Date.parse('2021-06-18T03:00:00Z'), 14_000],
    ]);
    expect(parseReliefEvents({ ...event, district: 'Wanhua District', program: ' 紓困生活補貼 ' }, NOW).rows).toEqual([
      { applicationId: 'COMP-210601-A042', program: '紓困生活補貼', districtCode: '63000070', status: 'submitted', at: Date.parse('2021-06-01T02:15:00Z'), amount: null },
    ]);
  });

  it('refuses every bad record with its reason', () => {
    const bad: Array<[unknown, string]> = [
      [[event], 'relief event is not a JSON object'],
      [{ ...event, applicantName: '王小明' }, 'unknown field "applicantName": relief events carry no applicant data'],
      [{ ...event, applicationId: '' }, 'applicationId must be an id of 1 to 100 letters, digits or ._:/-'],
      [{ ...event, applicationId: 'A123456789' }, "applicationId looks like a national ID number: use the program's application number"],
      [{ ...event, applicationId: '0912-345-678' }, "applicationId holds a phone number: use the program's application number"],
      [{ ...event, program: '' }, 'program must be the name of the relief program, 1 to 60 characters'],
      [{ ...event, program: '防疫補償 0912345678' }, 'program must be the name of the relief program, without a long run of digits'],
      [{ ...event, district: '板橋區' }, 'unknown Taipei district "板橋區"'],
      [{ ...event, district: undefined }, 'district must be a Taipei district, such as 萬華區'],
      [{ ...event, status: 'cancelled' }, 'status must be one of submitted, reviewing, approved, rejected, paid'],
      [{ ...event, at: '2021-06-01' }, 'at must be an ISO 8601 timestamp with its offset, such as 2021-05-17T12:30:00+08:00'],
      [{ ...event, at: '2021-07-01T10:00:00+08:00' }, 'at 2021-07-01T10:00:00+08:00 is in the future'],
      [{ ...event, at: '2019-12-31T10:00:00+08:00' }, 'at 2019-12-31T10:00:00+08:00 is before 2020-01-01, earlier than the pandemic'],
      [{ ...event, status: 'approved' }, 'amount (NT$) is required when status is approved'],
      [{ ...event, status: 'paid', amount: null }, 'amount (NT$) is required when status is paid'],
      [{ ...event, amount: 1000.5 }, 'amount must be a whole number of NT$ from 0 to 1000000000'],
      [{ ...event, amount: '14000' }, 'amount must be a whole number of NT$ from 0 to 1000000000'],
      [{ ...event, amount: -1 }, 'amount must be a whole number of NT$ from 0 to 1000000000'],
    ];
    const { rows, rejected } = parseReliefEvents([...bad.map(([item]) => item), event], NOW);
    expect(rejected.map((r) => r.reason)).toEqual(bad.map(([, reason]) => reason));
    expect(rows).toHaveLength(1);
  });

  it('takes an amount on a submission (the sum asked for) and a rejection without one', () => {
    const { rows } = parseReliefEvents([{ ...event, amount: 30_000 }, { ...event, status: 'rejected', at: '2021-06-05T10:00:00+08:00' }], NOW);
    expect(rows.map((r) => r.amount)).toEqual([30_000, null]);
  });

  it('keeps no applicant data in a dead letter: unknown fields lose their value, phone-like text is redacted', () => {
    const { rejected } = parseReliefEvents(
      [
        { ...event, applicantName: '王小明', nationalId: 'A123456789', phone: '0912-345-678' },
        { ...event, applicationId: 'A123456789' },
        { ...event, program: '防疫補償 call +886 912 345 678' },
      ],
      NOW,
    );
    const text = JSON.stringify(rejected);
    expect(text).not.toMatch(/王小明|123456789|345.?678/);
    expect(JSON.parse(rejected[0]!.raw)).toEqual({ ...event, applicantName: '[redacted]', nationalId: '[redacted]', phone: '[redacted]' });
    expect(JSON.parse(rejected[1]!.raw).applicationId).toBe('[redacted]');
  });

  it('refuses a body that is not an event or an array as a whole', () => {
    expect(() => parseReliefEvents('COMP-1', NOW)).toThrow(ReliefInputError);
    expect(() => parseReliefEvents(7, NOW)).toThrow('expected a relief status event object or a JSON array of them');
  });
});
