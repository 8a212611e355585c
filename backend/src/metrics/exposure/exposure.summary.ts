/**
 * Venue exposure from a case's visits and the check-ins near them: pure counting, so the rules
 * (one visit per case, venue and time; the case's own ids never exposed; a person once, with the
 * largest party they checked in with) are tested without a store.
 */

/** A case's hashed ids and infectious window [fromMs, toMs). */
export interface CaseWindow {
  caseId: string;
  hashes: string[];
  fromMs: number;
  toMs: number;
}

/** A check-in by one of the cases' own ids. */
export interface OwnCheckin {
  personHash: string;
  venueCode: string;
  timeMs: number;
}

export interface Visit {
  caseId: string;
  venueCode: string;
  timeMs: number;
}

/** One person checked in near one visit, with the largest party they came with to it. */
export interface VisitExposure extends Visit {
  personHash: string;
  party: number;
}

export interface VisitSummary extends Visit {
  exposedPersons: number;
  exposedPeople: number;
}

export interface CaseSummary {
  caseId: string;
  visits: VisitSummary[];
  exposedPersons: number;
  exposedPeople: number;
}

/** The cases' visits: their own check-ins inside their windows, once per case, venue and time, in time order. */
export function visitsOfCases(windows: CaseWindow[], checkins: OwnCheckin[]): Visit[] {
  const byHash = new Map<string, OwnCheckin[]>();
  for (const c of checkins) {
    const list = byHash.get(c.personHash);
    if (list) list.push(c);
    else byHash.set(c.personHash, [c]);
  }
  const seen = new Set<string>();
  const visits: Visit[] = [];
  for (const w of windows) {
    for (const hash of w.hashes) {
      for (const c of byHash.get(hash) ?? []) {
        if (c.timeMs < w.fromMs || c.timeMs >= w.toMs) continue;
        const key = `${w.caseId}\u0000${c.venueCode}\u0000${c.timeMs}`;
        if (seen.has(key)) continue;
        seen.add(key);
        visits.push({ caseId: w.caseId, venueCode: c.venueCode, timeMs: c.timeMs });
      }
    }
  }
  return visits.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : a.timeMs - b.timeMs || (a.venueCode < b.venueCode ? -1 : 1)));
}

/** Persons and people (each person once, with their largest party) of a list of exposures. */
function count(exposures: Iterable<{ personHash: string; party: number }>): { exposedPersons: number; exposedPeople: number } {
  const party = new Map<string, number>();
  for (const e of exposures) party.set(e.personHash, Math.max(party.get(e.personHash) ?? 0, e.party));
  let people = 0;
  for (const p of party.values()) people += p;
  return { exposedPersons: party.size, exposedPeople: people };
}

/** Per case: each visit's exposed persons and people, and the case's totals over all its visits. */
export function summariseCases(caseIds: string[], visits: Visit[], exposures: VisitExposure[]): Map<string, CaseSummary> {
  const visitKey = (v: Visit) => `${v.caseId}\u0000${v.venueCode}\u0000${v.timeMs}`;
  const byVisit = new Map<string, VisitExposure[]>();
  const byCase = new Map<string, VisitExposure[]>();
  for (const e of exposures) {
    for (const [map, key] of [[byVisit, visitKey(e)], [byCase, e.caseId]] as const) {
      const list = map.get(key);
      if (list) list.push(e);
      else map.set(key, [e]);
    }
  }
  const out = new Map<string, CaseSummary>(caseIds.map((id) => [id, { caseId: id, visits: [], ...count(byCase.get(id) ?? []) }]));
  for (const v of visits) out.get(v.caseId)?.visits.push({ ...v, ...count(byVisit.get(visitKey(v)) ?? []) });
  return out;
}
