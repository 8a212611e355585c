import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chunkCsv, chunkJsonArray, formatSummary, progressBar, type ImportSummary } from './import-chunks.js';

/**
 * `npm run import -- <feed> <file>`: sends a file to a running Epiboard through the same HTTP
 * ingest path as any feed, in chunks, and waits until every batch has landed.
 */
const FEEDS = {
  cases: { path: '/api/ingest/cases', kind: 'csv-or-json' },
  checkins: { path: '/api/ingest/checkins', kind: 'json' },
  sms: { path: '/api/ingest/sms', kind: 'json' },
  scans: { path: '/api/ingest/scans', kind: 'json' },
  'case-reports': { path: '/api/ingest/case-reports', kind: 'json' },
  venues: { path: '/api/ingest/venues', kind: 'json' },
  resources: { path: '/api/ingest/resources', kind: 'csv-or-json' },
  relief: { path: '/api/ingest/relief', kind: 'json' },
} as const;
type Feed = keyof typeof FEEDS;

const USAGE = `usage: npm run import -- <feed> <file>
  feeds: ${Object.keys(FEEDS).join(', ')}
  cases takes the CDC CSV (確定病名,個案研判日,縣市,鄉鎮,...) or a JSON array;
  resources the press-figure CSV (date,date_precision,geography,metric,value,unit,...) or a JSON array;
  the others a JSON array.
  The server is EPIBOARD_URL (default http://localhost:$PORT, PORT default 3000).`;

class ImportError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [feedArg, file] = argv;
  if (!feedArg || !file || !(feedArg in FEEDS)) throw new ImportError(USAGE);
  const feed = feedArg as Feed;
  try {
    if (!statSync(file).isFile()) throw new Error();
  } catch {
    throw new ImportError(`cannot read ${file}`);
  }
  const base = process.env.EPIBOARD_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const isJson = /^\s*[[{]/.test(text);
  if (FEEDS[feed].kind === 'json' && !isJson) throw new ImportError(`${feed} takes a JSON array file`);
  let chunks;
  try {
    if (isJson) {
      const items: unknown = JSON.parse(text);
      if (!Array.isArray(items)) throw new Error('expected a JSON array');
      chunks = chunkJsonArray(items, 5000);
    } else chunks = chunkCsv(text, 2000);
  } catch (error) {
    throw new ImportError(`${file} is not valid ${isJson ? 'JSON' : 'CSV'}: ${(error as Error).message.slice(0, 100)}`);
  }
  const total = chunks.reduce((s, c) => s + c.rows, 0);
  if (total === 0) throw new ImportError(`${file} holds no records${isJson ? '' : ' (a CSV needs its header line and at least one row)'}`);
  const started = Date.now();
  const summary: ImportSummary = { read: total, accepted: 0, rejected: 0, reasons: new Map() };
  const show = (done: number) => process.stderr.write(process.stderr.isTTY ? `\r${progressBar(done, total)}` : `${progressBar(done, total)}\n`);

  let landed = 0;
  show(0);
  // Running the same import again (after a crash, say) resends the same keys: nothing is queued twice.
  const fileHash = createHash('sha256').update(feed).update(text).digest('hex').slice(0, 32);
  for (const [i, chunk] of chunks.entries()) {
    const batchId = await post(base + FEEDS[feed].path, chunk.body, isJson ? 'application/json' : 'text/csv', `import:${fileHash}:${i}`);
    const status = await waitForBatch(base, batchId);
    summary.accepted += status.accepted;
    summary.rejected += status.rejected;
    if (status.rejected > 0) {
      const rejected = (await getJson(`${base}/api/ingest/batches/${batchId}/rejected?limit=10000`)) as Array<{ reason: string }>;
      for (const r of rejected) summary.reasons.set(r.reason, (summary.reasons.get(r.reason) ?? 0) + 1);
    }
    landed += chunk.rows;
    show(landed);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(formatSummary(summary, (Date.now() - started) / 1000));
}

async function post(url: string, body: string, contentType: string, idempotencyKey: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType, 'idempotency-key': idempotencyKey }, body });
    } catch (error) {
      throw new ImportError(`cannot reach Epiboard at ${new URL(url).origin} (${(error as Error).message}); is it running (npm start)?`);
    }
    // Backpressure: wait as asked, then send the same chunk again.
    if ((res.status === 429 || res.status === 503) && attempt < 20) {
      await sleep(Number(res.headers.get('retry-after') ?? 2) * 1000);
      continue;
    }
    const answer = (await res.json().catch(() => ({}))) as { batchId?: string; message?: string };
    if (res.status !== 202 || !answer.batchId) throw new ImportError(`the server refused the file (${res.status}): ${answer.message ?? 'no message'}`);
    return answer.batchId;
  }
}

async function waitForBatch(base: string, batchId: string): Promise<{ accepted: number; rejected: number }> {
  for (;;) {
    const status = (await getJson(`${base}/api/ingest/batches/${batchId}`)) as { state: string; accepted: number; rejected: number; error?: string };
    if (status.state === 'done') return status;
    if (status.state === 'failed') throw new ImportError(`batch ${batchId} failed: ${status.error ?? 'unknown error'} (npm run replay -- ${batchId} retries it)`);
    await sleep(100);
  }
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new ImportError(`${url} answered ${res.status}`);
  return res.json();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: Error) => {
    // A person reads this: the message, not a stack trace.
    console.error(`import stopped: ${error.message}`);
    process.exit(error instanceof ImportError ? 2 : 1);
  });
}
