import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces `file` with `content` so that a reader or a crash sees either the old file or the
 * new one, never a mix.
 */
export async function writeFileAtomically(file: string, content: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${Date.now()}`);
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(content);
    // Without fsync the rename below can reach the disk before the data does: after a power
    // cut the file would exist with the new name and no content.
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    // rename(2) is atomic within one file system, which the same directory guarantees.
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(file));
}

/** Makes a rename or a new file in `dir` durable: the directory entry itself must reach the disk. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Temp files of writes that a crash interrupted; they hold nothing acknowledged and can go. */
export async function removeInterruptedWrites(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.tmp-`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.filter((n) => n.startsWith(prefix)).map((n) => fs.rm(path.join(dir, n), { force: true })),
  );
}

/**
 * Like `writeFileAtomically`, for content too large to hold in memory at once: `write` fills the
 * temp file through its handle (positional writes allowed). Whatever fails, the temp file goes
 * and `file` stays as it was.
 */
export async function writeFileAtomicallyWith(
  file: string,
  write: (handle: FileHandle) => Promise<void>,
  /** Runs once the new content is on disk, before it replaces `file` (a failure keeps the old file). */
  beforeRename?: (tempFile: string) => Promise<void>,
): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${Date.now()}`);
  const handle = await fs.open(temp, 'w');
  try {
    try {
      await write(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await beforeRename?.(temp);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(file));
}
