import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when another running process has the embedded database of this data folder open. */
export class DataDirInUseError extends Error {}

const LOCK_FILE = 'db.lock';
// Folders this process has open: a pid in the lock file equal to ours is otherwise a leftover of an earlier
// process that had the same pid (containers restart with the same small pids).
const heldHere = new Set<string>();

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the embedded database of `dataDir` for this process and returns the function that releases it.
 * PGlite works on an in-memory copy that it writes back on its own schedule: a second process on the same
 * folder works on a stale copy, and whichever closes last overwrites the other's writes (a staff account made
 * by `medstore admin create` beside a running server was lost that way). A lock left by a process that has
 * ended is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        rmSync(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
    const isOurs = holder === process.pid && heldHere.has(path);
    if (isOurs || (holder !== process.pid && isRunning(holder))) {
      throw new DataDirInUseError(
        `Another medstore process (pid ${holder}) has the database in ${dataDir} open. The embedded database ` +
          'can be open in one process at a time, so stop that process first (a running store included), then ' +
          `run this again. If no medstore process is running, delete ${path}.`,
      );
    }
    rmSync(path, { force: true });
  }
  throw new DataDirInUseError(`Could not claim the database in ${dataDir}: ${path} keeps coming back.`);
}
