// The lock of an output folder: `<dir>/.kg-lock`, made exclusively, naming the run that holds it; a lock whose run is gone is taken over.
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { cannotWrite } from './folder.js';

/** The name of the lock file inside an output folder. */
export const LOCK_FILE = '.kg-lock';

/** What a lock file holds: the process, its host, when it started the write, and (on Linux) the process's start tick, which tells a reused pid apart. */
export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  readonly tick?: string;
}

/** A lock held by this process. */
export interface HeldLock {
  readonly path: string;
  /** The lock of a run that no longer exists, taken over; undefined when the folder was free. */
  readonly staleFrom?: LockInfo;
  /** Removes the lock file if it is still this one. */
  release(): void;
}

/**
 * The start time of a process in clock ticks since boot (field 22 of `/proc/<pid>/stat`, proc(5)), or undefined off
 * Linux or when the process does not exist.
 */
function startTick(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Whether the run a lock names is gone: on this host, its pid is not running, or now belongs to a process started at another tick. */
export function isStale(info: LockInfo): boolean {
  if (info.host !== hostname()) return false;
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const tick = startTick(info.pid);
  return info.tick !== undefined && tick !== undefined && tick !== info.tick;
}

/** Parses a lock file's text; undefined when it is not a lock this program wrote. */
function parseLock(text: string): LockInfo | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    return typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.started === 'string' ? (v as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a file, or undefined when it is gone. */
function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The refusal when another run holds the folder (exit 2). */
function busy(dir: string, info: LockInfo | undefined): UsageError {
  const who = info ? `another kg run (pid ${info.pid} on ${info.host}, started ${info.started})` : 'another kg run';
  return new UsageError(`${who} is writing to ${dir}; wait for it to finish, or remove ${join(dir, LOCK_FILE)} if that process no longer exists`);
}

/**
 * Writes `text` into a new file at `path` that appears whole or not at all: written and fsynced under a temporary
 * name, then hard-linked to `path`, which fails with EEXIST if `path` exists (the classic lock of link(2)); where the
 * file system has no hard links, `open(path, 'wx')` instead.
 */
function createExclusive(path: string, temp: string, text: string): void {
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    const fd2 = openSync(path, 'wx');
    try { writeSync(fd2, text); } finally { closeSync(fd2); }
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Takes the lock of folder `dir` (which must exist): creates `<dir>/.kg-lock` holding this process's pid, host and
 * start time. A lock whose run is gone (same host, pid not running) is taken over and reported in `staleFrom`.
 * @throws UsageError (exit 2) when another live run holds the folder, or when the folder cannot hold files.
 */
export function acquireLock(dir: string): HeldLock {
  const path = join(dir, LOCK_FILE);
  const tick = startTick(process.pid);
  const mine: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), ...(tick ? { tick } : {}) };
  const text = `${JSON.stringify(mine)}\n`;
  const held = (staleFrom?: LockInfo): HeldLock => ({
    path,
    ...(staleFrom ? { staleFrom } : {}),
    release: () => { if (readIfThere(path) === text) rmSync(path, { force: true }); },
  });
  let staleFrom: LockInfo | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      createExclusive(path, join(dir, `.kg-tmp-${process.pid}-lock`), text);
      return held(staleFrom);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw cannotWrite(dir, error, `${dir} exists but cannot hold new files (ENOENT)`);
      if (code !== 'EEXIST') throw cannotWrite(dir, error);
    }
    const found = readIfThere(path);
    if (found === undefined) continue;
    const info = parseLock(found);
    if (!info || !isStale(info)) throw busy(dir, info);
    // Take the stale lock aside under a name of our own; if what we moved is not the stale lock we read (another run
    // replaced it meanwhile), put it back (link never overwrites) and give way.
    const aside = join(dir, `.kg-tmp-${process.pid}-stale-lock`);
    try {
      renameSync(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw cannotWrite(dir, error);
    }
    const moved = readIfThere(aside);
    if (moved !== found) {
      try { linkSync(aside, path); } catch { /* a newer lock is in place already */ }
      rmSync(aside, { force: true });
      throw busy(dir, moved === undefined ? undefined : parseLock(moved));
    }
    rmSync(aside, { force: true });
    staleFrom = info;
  }
  throw busy(dir, parseLock(readIfThere(path) ?? ''));
}
