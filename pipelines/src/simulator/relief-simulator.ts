import { TAIPEI_DISTRICTS } from '../places/taipei-districts.js';
import type { ReliefEventInput } from '../relief/relief-event.parser.js';
import { pickWeighted } from './random.js';

/**
 * Two real programs of 2021 with their real amounts: 防疫補償 pays NT$1,000 per day of isolation
 * or quarantine; the 紓困 living subsidy for the self-employed and workers without a fixed
 * employer paid NT$10,000 a month for three months. Decision shares and delays are illustrative.
 */
const PROGRAMS = [
  { program: '防疫補償', code: 'COMP', weight: 3, approveShare: 0.9, amount: (random: () => number) => 1000 * (10 + Math.floor(random() * 5)) },
  { program: '紓困生活補貼', code: 'LIFE', weight: 2, approveShare: 0.75, amount: () => 30_000 },
] as const;

const DAY = 86_400_000;

export interface ReliefSimulationOptions {
  /** Applications to make; default 40. */
  applications?: number;
  /** Submissions are spread over this many days before `now`; default 30. */
  days?: number;
}

/**
 * Applications submitted over the last `days` and their status events up to `now`: submitted,
 * reviewing half a day to three days later, then approved (with the amount) or rejected one to ten
 * days later, and paid two to fourteen days after approval. Events after `now` have not happened
 * yet, so recent applications are still in the backlog. Sorted by time.
 */
export function simulateReliefEvents(now: Date, random: () => number, options: ReliefSimulationOptions = {}): ReliefEventInput[] {
  const { applications = 40, days = 30 } = options;
  const end = now.getTime();
  const events: ReliefEventInput[] = [];
  const ids = new Set<string>();
  for (let n = 0; n < applications; n++) {
    const p = pickWeighted(random, PROGRAMS, (x) => x.weight);
    const district = TAIPEI_DISTRICTS[Math.floor(random() * TAIPEI_DISTRICTS.length)]!.name;
    const submitted = end - Math.floor(random() * days * DAY);
    // Application numbers: program, Taipei submission date, a serial starting with a letter, so
    // no run of 8 digits forms and a dead letter's redaction of phone-like text leaves the id readable.
    const date = new Date(submitted + 8 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, '');
    let id: string;
    do id = `${p.code}-${date}-${String.fromCharCode(65 + Math.floor(random() * 26))}${Math.floor(random() * 36 ** 3).toString(36).toUpperCase().padStart(3, '0')}`;
    while (ids.has(id));
    ids.add(id);

    const flow: Array<Omit<ReliefEventInput, 'applicationId' | 'program' | 'district'>> = [{ status: 'submitted', at: new Date(submitted).toISOString() }];
    const reviewing = submitted + Math.floor((0.5 + 2.5 * random()) * DAY);
    flow.push({ status: 'reviewing', at: new Date(reviewing).toISOString() });
    const decided = reviewing + Math.floor((1 + 9 * random()) * DAY);
    if (random() < p.approveShare) {
      const amount = p.amount(random);
      flow.push({ status: 'approved', at: new Date(decided).toISOString(), amount });
      flow.push({ status: 'paid', at: new Date(decided + Math.floor((2 + 12 * random()) * DAY)).toISOString(), amount });
    } else {
      flow.push({ status: 'rejected', at: new Date(decided).toISOString() });
    }
    for (const step of flow) if (Date.parse(step.at) <= end) events.push({ applicationId: id, program: p.program, district, ...step });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
