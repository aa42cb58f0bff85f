// The embedded database is one process's alone: two processes writing one PGlite folder would
// corrupt it. The server and the CLI take this lock file before opening it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLockedError extends Error {}

export function acquireDataDirLock(dataDir: string, who: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'harbor.lock');
  try {
    const [pidText, holder] = readFileSync(file, 'utf8').split('\n');
    const pid = Number(pidText);
    if (pid && pid !== process.pid && alive(pid)) {
      throw new DataDirLockedError(
        `The embedded database in ${dataDir} is in use by ${holder || 'another process'} (pid ${pid}). ` +
          'Stop it first (Ctrl+C in its terminal), then run this again.',
      );
    }
  } catch (err) {
    if (err instanceof DataDirLockedError) throw err;
  }
  writeFileSync(file, `${process.pid}\n${who}\n`);
  return () => rmSync(file, { force: true });
}
