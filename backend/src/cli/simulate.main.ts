import { fileURLToPath } from 'node:url';
import { seededRandom, simulateCaseReports, simulateCheckinsForHour, simulateReliefEvents, simulateResourceSnapshots, simulateVenues, toChannelMessages } from '@epiboard/pipelines';

/**
 * `npm run simulate -- <feed> [count] > file.json`: realistic input for a feed, in the format its
 * endpoint takes, for demos and drills (`npm run import -- <feed> file.json`). Phone numbers are
 * fake 09xx numbers. Venues come from a fixed seed, so simulated check-ins match simulated venues.
 */
const VENUE_SEED = 1922;

const FEEDS: Record<string, (count: number, now: number, random: () => number) => unknown[]> = {
  venues: (count) => simulateVenues(count, VENUE_SEED),
  checkins: (count, now, random) => visits(count, now, random),
  sms: (count, now, random) => toChannelMessages(visits(count * 3, now, random).filter((v) => v.channel === 'sms').slice(0, count), random, `sim-${now}`).sms,
  scans: (count, now, random) => toChannelMessages(visits(count * 2, now, random).filter((v) => v.channel === 'app').slice(0, count), random, `sim-${now}`).scans,
  'case-reports': (count, now, random) => simulateCaseReports(count, now, random, `SIM-${now}`),
  // One snapshot per facility and hour, `count` hours back.
  resources: (count, now, random) => Array.from({ length: count }, (_, h) => simulateResourceSnapshots(new Date(now - h * 3_600_000), random)).flat(),
  relief: (count, now, random) => simulateReliefEvents(new Date(now), random, { applications: count }),
};

/** Visits over the last hours at the 400 venues `simulate venues 400` gives. */
function visits(count: number, now: number, random: () => number) {
  const venues = simulateVenues(400, VENUE_SEED);
  const out = [];
  for (let hour = Math.floor(now / 3_600_000) * 3_600_000 - 3_600_000; out.length < count; hour -= 3_600_000) {
    out.push(...simulateCheckinsForHour(venues, new Date(hour), 2000, random).filter((c) => Date.parse(c.time) < now));
  }
  return out.slice(0, count);
}

function main(args: string[]): void {
  const [feed, countArg = '100'] = args;
  const count = Number(countArg);
  if (!feed || !(feed in FEEDS) || !Number.isInteger(count) || count < 1 || count > 100_000) {
    console.error(`usage: npm run simulate -- <${Object.keys(FEEDS).join('|')}> [count 1..100000] > file.json`);
    process.exit(2);
  }
  const now = Date.now();
  process.stdout.write(JSON.stringify(FEEDS[feed]!(count, now, seededRandom(now % 2 ** 31)), null, 1) + '\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
