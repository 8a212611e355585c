import { readCsv } from '@epiboard/pipelines';

/**
 * Splits a CSV into requests of at most `rowsPerChunk` records, each with the header, cutting
 * only between records (quoted fields may hold newlines).
 */
export function chunkCsv(text: string, rowsPerChunk: number): Array<{ body: string; rows: number }> {
  const records = readCsv(text);
  const header = records.shift();
  if (!header) return [];
  const line = (fields: string[]) => fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
  const chunks: Array<{ body: string; rows: number }> = [];
  for (let i = 0; i < records.length; i += rowsPerChunk) {
    const part = records.slice(i, i + rowsPerChunk);
    chunks.push({ body: [line(header.fields), ...part.map((r) => line(r.fields))].join('\n') + '\n', rows: part.length });
  }
  return chunks;
}

export function chunkJsonArray(items: unknown[], perChunk: number): Array<{ body: string; rows: number }> {
  const chunks: Array<{ body: string; rows: number }> = [];
  for (let i = 0; i < items.length; i += perChunk) {
    const part = items.slice(i, i + perChunk);
    chunks.push({ body: JSON.stringify(part), rows: part.length });
  }
  return chunks;
}

export function progressBar(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total} rows`;
}

export interface ImportSummary {
  read: number;
  accepted: number;
  rejected: number;
  reasons: Map<string, number>;
}

export function formatSummary(s: ImportSummary, seconds: number): string {
  const lines = [`read ${s.read}, accepted ${s.accepted}, rejected ${s.rejected} in ${seconds.toFixed(1)} s`];
  const reasons = [...s.reasons.entries()].sort((a, b) => b[1] - a[1]);
  for (const [reason, n] of reasons) lines.push(`  ${String(n).padStart(7)}  ${reason}`);
  return lines.join('\n');
}
