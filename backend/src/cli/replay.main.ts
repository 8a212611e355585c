import { fileURLToPath } from 'node:url';

/**
 * `npm run replay -- --all` or `npm run replay -- <batchId> ...`: puts batches that failed every
 * attempt back on the queue of a running Epiboard. Safe to repeat: writes are deduplicated.
 */
const USAGE = 'usage: npm run replay -- --all | <batchId> [...]   (lists failed batches when given --list)';

async function main(args: string[]): Promise<void> {
  const base = process.env.EPIBOARD_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  if (args.length === 0) throw new Error(USAGE);
  const failed = (await call('GET', `${base}/api/ingest/failed?limit=10000`)) as Array<{ batchId: string; source: string; rows: number; error: string }>;
  if (args[0] === '--list') {
    for (const f of failed) console.log(`${f.batchId}  ${f.source}  ${f.rows} rows  ${f.error}`);
    console.log(`${failed.length} failed batch(es)`);
    return;
  }
  const ids = args[0] === '--all' ? failed.map((f) => f.batchId) : args;
  let replayed = 0;
  for (const id of ids) {
    await call('POST', `${base}/api/ingest/failed/${id}/replay`);
    replayed++;
  }
  console.log(`replayed ${replayed} batch(es); follow them with GET /api/ingest/batches/<id>`);
}

async function call(method: string, url: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { method });
  } catch (error) {
    throw new Error(`cannot reach Epiboard at ${new URL(url).origin} (${(error as Error).message}); is it running?`);
  }
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  if (!res.ok) throw new Error(`${method} ${new URL(url).pathname}: ${res.status} ${body.message ?? ''}`);
  return body;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: Error) => {
    console.error(error.message);
    process.exit(2);
  });
}
