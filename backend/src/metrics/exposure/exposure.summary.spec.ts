import { summariseCases, visitsOfCases, type CaseWindow } from './exposure.summary.js';

const H = 3_600_000;
const windowA: CaseWindow = { caseId: 'A', hashes: ['a1', 'a2'], fromMs: 10 * H, toMs: 20 * H };
const windowB: CaseWindow = { caseId: 'B', hashes: ['b1'], fromMs: 0, toMs: 30 * H };

describe('visitsOfCases', () => {
  it('keeps a case’s own check-ins inside [from, to), once per venue and time, whichever of its ids checked in', () => {
    const visits = visitsOfCases(
      [windowA, windowB],
      [
        { personHash: 'a1', venueCode: 'V1', timeMs: 12 * H },
        { personHash: 'a2', venueCode: 'V1', timeMs: 12 * H }, // the case's second phone, same visit
        { personHash: 'a1', venueCode: 'V2', timeMs: 10 * H }, // at the window's opening: in
        { personHash: 'a1', venueCode: 'V3', timeMs: 20 * H }, // at its end: out (exclusive)
        { personHash: 'a2', venueCode: 'V4', timeMs: 9 * H }, // before: out
        { personHash: 'b1', venueCode: 'V1', timeMs: 12 * H },
        { personHash: 'zz', venueCode: 'V1', timeMs: 12 * H }, // nobody's
      ],
    );
    expect(visits).toEqual([
      { caseId: 'A', venueCode: 'V2', timeMs: 10 * H },
      { caseId: 'A', venueCode: 'V1', timeMs: 12 * H },
      { caseId: 'B', venueCode: 'V1', timeMs: 12 * H },
    ]);
  });

  it('gives a shared phone’s check-in to every case that lists it', () => {
    const visits = visitsOfCases([{ ...windowA, hashes: ['s'] }, { ...windowB, hashes: ['s'] }], [{ personHash: 's', venueCode: 'V1', timeMs: 15 * H }]);
    expect(visits.map((v) => v.caseId)).toEqual(['A', 'B']);
  });
});

describe('summariseCases', () => {
  it('counts a person once per visit and once per case, with the largest party they came with', () => {
    const v1 = { caseId: 'A', venueCode: 'V1', timeMs: 12 * H };
    const v2 = { caseId: 'A', venueCode: 'V2', timeMs: 15 * H };
    const out = summariseCases(
      ['A', 'C'],
      [v1, v2],
      [
        { ...v1, personHash: 'p', party: 1 },
        { ...v1, personHash: 'q', party: 4 }, // a family of four: 1 person, 4 people
        { ...v2, personHash: 'p', party: 3 }, // p again at another visit, with companions this time
      ],
    );
    expect(out.get('A')).toEqual({
      caseId: 'A',
      visits: [
        { ...v1, exposedPersons: 2, exposedPeople: 5 },
        { ...v2, exposedPersons: 1, exposedPeople: 3 },
      ],
      exposedPersons: 2,
      exposedPeople: 7,
    });
    expect(out.get('C')).toEqual({ caseId: 'C', visits: [], exposedPersons: 0, exposedPeople: 0 });
  });
});
