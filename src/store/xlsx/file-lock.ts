import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RelacjeError } from '../../core/errors';

interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export interface FileLock {
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<file>.lock` for writing; a second writer is told who holds it. A lock left by a process
 * on this host that no longer runs (killed, crashed) is taken over.
 */
export async function acquireFileLock(file: string): Promise<FileLock> {
  const lockFile = `${file}.lock`;
  const me: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await fs.open(lockFile, 'wx');
      await handle.writeFile(JSON.stringify(me));
      await handle.sync();
      await handle.close();
      return { release: () => fs.rm(lockFile, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(lockFile);
    if (holder && (holder.host !== me.host || isAlive(holder.pid))) {
      throw new RelacjeError('workbookInUse', {
        file: path.basename(file),
        holder: `PID ${holder.pid}, ${holder.host}, ${holder.since}`,
      });
    }
    // The holder is gone (or the lock is unreadable, left by a crash while it was written).
    await fs.rm(lockFile, { force: true });
  }
  throw new RelacjeError('workbookInUse', { file: path.basename(file), holder: 'another process' });
}

async function readHolder(lockFile: string): Promise<LockHolder | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(lockFile, 'utf8')) as LockHolder;
    return typeof parsed.pid === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
