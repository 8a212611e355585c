import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirError extends Error {}

/**
 * Makes sure DATA_DIR is a writable folder that no other running Epiboard uses. Two processes
 * on one folder would fight over chDB's files and the embedded Redis (the second would stop the
 * first's). Returns a release function; the lock also goes when the process exits.
 */
export function claimDataDir(dataDir: string): () => void {
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = join(dataDir, `.write-test-${process.pid}`);
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (error) {
    throw new DataDirError(`DATA_DIR ${dataDir} is not a writable folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); set DATA_DIR to one Epiboard may write`);
  }
  const lockFile = join(dataDir, 'epiboard.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(lockFile, { force: true });
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      if (holder && holder !== process.pid && isRunningNode(holder)) {
        throw new DataDirError(`DATA_DIR ${dataDir} is in use by another Epiboard (process ${holder}); stop it or choose another DATA_DIR`);
      }
      // Left by a process that died without cleaning up.
      rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirError(`could not lock DATA_DIR ${dataDir}`);
}

function isRunningNode(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}
