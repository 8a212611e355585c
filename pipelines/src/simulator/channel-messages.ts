import type { CheckinInput } from '../checkins/checkin.parser.js';
import { formatVenueCode } from '../checkins/venue-code.js';
import { TAIPEI_DISTRICTS } from '../places/taipei-districts.js';
import { pickWeighted } from './random.js';

/** A 1922 SMS as the carrier hands it over. */
export interface SmsDelivery {
  messageId: string;
  from: string;
  receivedAt: string;
  body: string;
}

/** A TaipeiPASS scan as the app reports it. */
export interface TaipeiPassScan {
  scanId: string;
  appUserId: string;
  venueCode: string;
  time: string;
  familyMembers: number;
}

/** The standard sentences people's phones put after the code (see the real payload examples). */
const SENTENCES = ['本次簡訊實聯限防疫目的使用。', '本次實聯簡訊限防疫目的使用。', '本簡訊是簡訊實聯制發送，限防疫目的使用。'];

/**
 * Simulated visits as the two real channels deliver them: SMS bodies in the real formats
 * (code spaced or not, a newline or a space before the sentence, "+N" for companions) and
 * app scans with family members.
 */
export function toChannelMessages(visits: CheckinInput[], random: () => number, idPrefix: string): { sms: SmsDelivery[]; scans: TaipeiPassScan[] } {
  const sms: SmsDelivery[] = [];
  const scans: TaipeiPassScan[] = [];
  visits.forEach((v, i) => {
    const code = v.venueCode.replace(/\s/g, '');
    if (v.channel === 'sms') {
      const spaced = random() < 0.6 ? formatVenueCode(code) : code;
      const companions = v.partySize > 1 ? ` +${v.partySize - 1}` : '';
      const sentence = SENTENCES[Math.floor(random() * SENTENCES.length)]!;
      sms.push({ messageId: `${idPrefix}-sms-${i}`, from: v.phone!, receivedAt: v.time, body: `場所代碼：${spaced}${companions}${random() < 0.5 ? '\n' : ' '}${sentence}` });
    } else {
      scans.push({ scanId: `${idPrefix}-scan-${i}`, appUserId: v.appUserId!, venueCode: code, time: v.time, familyMembers: v.partySize - 1 });
    }
  });
  return { sms, scans };
}

export interface SimulatedCaseReport {
  caseId: string;
  reportedAt: string;
  onsetDate?: string;
  confirmedDate: string;
  district: string;
  ageGroup: string;
  sex: string;
  imported: boolean;
  phones: string[];
  appUserIds: string[];
  cluster?: string;
}

const AGE_GROUPS = ['20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70+'];

/**
 * Line-list reports over the last two weeks, weighted towards 萬華區 as in May 2021. Phones and
 * app ids come from the same spaces as the simulated check-ins, so cases link to visits.
 */
export function simulateCaseReports(count: number, now: number, random: () => number, idPrefix = 'SIM'): SimulatedCaseReport[] {
  const day = (offset: number) => new Date(now + 8 * 3_600_000 - offset * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, i) => {
    const district = pickWeighted(random, TAIPEI_DISTRICTS, (d) => (d.code === '63000070' ? 6 : 1));
    const confirmedAgo = 1 + Math.floor(random() * 13);
    const person = Math.floor(random() * 200_000);
    return {
      caseId: `${idPrefix}-${String(i + 1).padStart(5, '0')}`,
      reportedAt: new Date(now - (confirmedAgo - 1) * 86_400_000).toISOString(),
      ...(random() < 0.7 ? { onsetDate: day(confirmedAgo + 1 + Math.floor(random() * 3)) } : {}),
      confirmedDate: day(confirmedAgo),
      district: district.name,
      ageGroup: AGE_GROUPS[Math.floor(random() * AGE_GROUPS.length)]!,
      sex: random() < 0.5 ? '男' : '女',
      imported: false,
      phones: [`09${String(10_000_000 + person).slice(-8)}`],
      appUserIds: random() < 0.6 ? [`tp-${person}`] : [],
    };
  });
}

/**
 * A line-list case made from a simulated visit: the person who checked in is confirmed a day or
 * two later (never after `now`), with onset on the visit day, so venue exposure has a real trail.
 * Half name the venue as their cluster; the rest have no known source.
 */
export function caseFromVisit(
  visit: { venueCode: string; time: string; phone?: string; appUserId?: string },
  venue: { name: string; district: string },
  now: number,
  random: () => number,
  caseId: string,
): SimulatedCaseReport {
  const taipeiDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const visitMs = Date.parse(visit.time);
  const confirmedMs = Math.min(now, visitMs + (1 + Math.floor(random() * 2)) * 86_400_000);
  return {
    caseId,
    reportedAt: new Date(Math.max(confirmedMs, Math.min(now, visitMs + 3_600_000))).toISOString(),
    onsetDate: taipeiDate(visitMs),
    confirmedDate: taipeiDate(confirmedMs),
    district: venue.district,
    ageGroup: AGE_GROUPS[Math.floor(random() * AGE_GROUPS.length)]!,
    sex: random() < 0.5 ? '男' : '女',
    imported: false,
    phones: visit.phone ? [visit.phone] : [],
    appUserIds: visit.appUserId ? [visit.appUserId] : [],
    ...(random() < 0.5 ? { cluster: venue.name } : {}),
  };
}
