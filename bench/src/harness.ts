import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Started {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn until the "dashboard at" log line. */
  listeningAfterMs: number;
  stop(): Promise<void>;
}

/** Spawns a command of the product (`npm start` or `node backend/dist/main.js`) and waits for it to listen. */
export async function startProduct(command: string[], env: Record<string, string | undefined>): Promise<Started> {
  const started = Date.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'epiboard-bench-')), PORT: '0', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /dashboard at (http:\/\/localhost:\d+)/.exec(output);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      } else if (child.exitCode !== null || Date.now() - started > 180_000) {
        clearInterval(timer);
        reject(new Error(`did not start:\n${output}`));
      }
    }, 20);
  });
  return {
    url,
    child,
    listeningAfterMs: Date.now() - started,
    stop: async () => {
      // npm start runs node as a grandchild: signal the whole process group.
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
