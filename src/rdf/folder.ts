// Output folders: created one level at a time (never looping where a path cannot hold files), fsynced, and the one error for a path that cannot be written.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readProblem, UsageError } from '../errors.js';

/** The error for an output path that cannot hold files: `cannot write into PATH: permission denied (EACCES)` (exit 2). */
export function cannotWrite(path: string, error: unknown, why?: string): UsageError {
  return new UsageError(`cannot write into ${path}: ${why ?? readProblem(error)}`);
}

/**
 * Creates the folder `path` and its missing parents, one `mkdir` each, and returns the folders it created (outermost
 * first); an existing folder is fine. Node's own `mkdirSync(…, { recursive: true })` retries forever when `mkdir`
 * answers ENOENT under a parent that exists (a procfs path such as `/proc/self/x`, a dangling symlink), so this walk
 * fails at once instead.
 * @throws UsageError naming the path and the OS reason when a part of it is a file or a folder cannot be created there.
 */
export function makeFolder(path: string): string[] {
  const target = resolve(path);
  const missing: string[] = [];
  for (let p = target; ; p = dirname(p)) {
    let isFolder: boolean;
    try {
      isFolder = statSync(p).isDirectory();
    } catch (error) {
      // ENOTDIR: a part further up is a file; walking up finds it and names it.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw cannotWrite(target, error);
      missing.unshift(p);
      if (dirname(p) === p) break;
      continue;
    }
    if (!isFolder) throw cannotWrite(target, undefined, `${p} is a file, not a folder (ENOTDIR)`);
    break;
  }
  const created: string[] = [];
  for (const p of missing) {
    try {
      mkdirSync(p);
      created.push(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && isDirectory(p)) continue;
      // The parent exists (it was there or was just made), so ENOENT means its file system refuses new entries.
      const why = code === 'ENOENT' ? `${dirname(p)} exists but cannot hold new folders (ENOENT)`
        : code === 'EEXIST' ? `${p} exists and is not a folder (a broken symbolic link?) (EEXIST)` : undefined;
      throw cannotWrite(target, error, why);
    }
  }
  return created;
}

/** Whether a path is a folder (following symbolic links); false when it does not exist or cannot be read. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Flushes a folder's entries (new, renamed and removed names) to disk with fsync(2) on the folder itself, as POSIX
 * requires for a rename to be durable; a platform that cannot open or sync a folder (Windows) is skipped silently.
 */
export function syncFolder(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR' && code !== 'EBADF') throw error;
  } finally {
    closeSync(fd);
  }
}

/** The entries of a folder, or none when it cannot be read (missing, not a folder, not permitted). */
export function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
