// The one writer of output sets: a run's files are staged in a folder of their own, then switched into place as one unit through a journal, under the folder's lock.
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, write, writeSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { cannotWrite, entriesOf, isDirectory, makeFolder, syncFolder } from './folder.js';
import { acquireLock, type HeldLock } from './lock.js';

/** The names this writer gives to what it leaves in an output folder while it works; every one starts with `.kg-`. */
export const STAGING_PREFIX = '.kg-staging-';
export const JOURNAL_FILE = '.kg-journal';
const TEMP_PREFIX = '.kg-tmp-';

/**
 * A file being written: a temporary file with a 256 KB buffer in front, flushed, fsynced and closed by `close`, removed
 * by `discard`. An output set makes it (in its staging folder) and moves it to `path` when the set is switched.
 */
export class StagedFile {
  private fd: number | undefined;
  private buffer: string[] = [];
  private size = 0;
  /** The write under way on the thread pool (see writeBytesLater), if any. */
  private pending: Promise<void> | undefined;

  /** Opens the temporary file `temp` (which must not exist) for the target `path`. */
  constructor(readonly path: string, readonly temp: string) {
    this.fd = openSync(temp, 'wx');
  }

  /** Appends text (written out in blocks of 256 KB). */
  write = (chunk: string): void => {
    this.assertIdle();
    this.buffer.push(chunk);
    this.size += chunk.length;
    if (this.size >= 1 << 18) this.flush();
  };

  /** Appends bytes already encoded as UTF-8 (text written before them is flushed first). */
  writeBytes(bytes: Uint8Array): void {
    this.flush();
    if (this.fd === undefined) throw new Error(`${this.temp} is closed`);
    for (let at = 0; at < bytes.length;) at += writeSync(this.fd, bytes, at, bytes.length - at);
  }

  /**
   * Appends bytes on the thread pool, so that this thread goes on (rendering the next batch) while they are written;
   * until `settled` resolves, nothing else may be written to this file and `bytes` must not change.
   */
  writeBytesLater(bytes: Uint8Array): void {
    this.flush();
    const fd = this.fd;
    if (fd === undefined) throw new Error(`${this.temp} is closed`);
    this.pending = new Promise<void>((resolve, reject) => {
      const from = (at: number): void => {
        if (at >= bytes.length) { resolve(); return; }
        write(fd, bytes, at, bytes.length - at, null, (error, written) => (error ? reject(error) : from(at + written)));
      };
      from(0);
    });
    // A failure is reported by `settled`; until then it must not count as unhandled.
    this.pending.catch(() => undefined);
  }

  /** Waits for the write under way (writeBytesLater), rethrowing its error. */
  async settled(): Promise<void> {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) await pending;
  }

  private assertIdle(): void {
    if (this.pending) throw new Error(`${this.temp}: a write is under way (await settled() first)`);
  }

  private flush(): void {
    this.assertIdle();
    if (this.size && this.fd !== undefined) writeSync(this.fd, this.buffer.join(''), null, 'utf8');
    this.buffer = [];
    this.size = 0;
  }

  /** Flushes, fsyncs and closes the temporary file (once). */
  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
  }

  /** Closes and removes the temporary file; the target is never touched. A write under way ends first (its descriptor is closed after it, never reused under it). */
  discard(): void {
    const fd = this.fd;
    const pending = this.pending;
    this.fd = undefined;
    this.pending = undefined;
    const close = (): void => {
      try {
        if (fd !== undefined) closeSync(fd);
      } catch { /* closing a broken file: it is removed anyway */ }
    };
    if (pending) void pending.then(close, close);
    else close();
    rmSync(this.temp, { force: true });
  }
}

/** What the journal of a switch holds: the staging folder, the files it moves into place and the files it removes (paths relative to the output folder, with '/'). */
interface Journal {
  readonly version: 1;
  readonly pid: number;
  readonly staging: string;
  readonly renames: readonly string[];
  readonly removes: readonly string[];
}

/** Options of an output set. */
export interface OutputSetOptions {
  /** Told, in one line each, what the set found and cleaned up after an earlier run; default: standard error, prefixed `kg: `. */
  readonly report?: (line: string) => void;
}

/** The sets open in this process, cleaned up when a signal or an exit ends it part-way. */
const open = new Set<OutputSet>();

/** SIGINT and SIGTERM while a set is open: remove its temporary files, then end as the signal would (exit 128 + number). */
function onSignal(signal: NodeJS.Signals): void {
  for (const set of [...open]) {
    const dropped = set.abandon();
    if (dropped) process.stderr.write(`kg: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; removed the unfinished files in ${set.root}, nothing there was changed\n`);
  }
  process.exit(signal === 'SIGINT' ? 130 : 143);
}
/** A process ending with a set still open (process.exit elsewhere, an uncaught error): remove its temporary files. */
function onExit(): void {
  for (const set of [...open]) set.abandon();
}

/** Installs the handlers while the first set is open, and removes them when the last one closes. */
function track(set: OutputSet, add: boolean): void {
  if (add) {
    if (open.size === 0) {
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      process.on('exit', onExit);
    }
    open.add(set);
  } else if (open.delete(set) && open.size === 0) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
  }
}

/**
 * Test hook: with `KG_TEST_KILL_AFTER_STEPS=k` the process kills itself with SIGKILL once `k` steps of a switch are
 * done (step 1 is the journal's rename, the commit point; then one step per file moved or removed; the last, the
 * journal's removal); k = 0 kills it with every file staged and the journal not yet in place.
 */
function killHook(step: number): void {
  const at = process.env.KG_TEST_KILL_AFTER_STEPS;
  if (at !== undefined && at !== '' && Number(at) === step) process.kill(process.pid, 'SIGKILL');
}

/** Test hook: with `KG_TEST_PAUSE_BEFORE_COMMIT=1`, once every file is staged, says `kg-test: staged <dir>` on stderr and waits for a line on stdin. */
async function pauseHook(root: string): Promise<void> {
  if (process.env.KG_TEST_PAUSE_BEFORE_COMMIT !== '1') return;
  process.stderr.write(`kg-test: staged ${root}\n`);
  await new Promise<void>((done) => {
    process.stdin.once('data', () => done());
    process.stdin.once('end', () => done());
  });
  process.stdin.pause();
}

/** A byte count for people: `812 bytes`, `12.3 kB`, `52.0 MB`. */
function bytes(n: number): string {
  if (n < 1000) return `${n} byte${n === 1 ? '' : 's'}`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) { v /= 1000; u++; }
  return `${v.toFixed(1)} ${units[u]}`;
}

/** The number of files and their bytes under a path (a file or a folder, not following links); 0 when it is gone. */
function measure(path: string): { files: number; size: number } {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch {
    return { files: 0, size: 0 };
  }
  if (!st.isDirectory()) return { files: 1, size: st.size };
  let files = 0;
  let size = 0;
  for (const name of readdirSync(path)) {
    const m = measure(join(path, name));
    files += m.files;
    size += m.size;
  }
  return { files, size };
}

/** Every folder under `dir` (itself included, deepest last). */
function foldersUnder(dir: string): string[] {
  const found = [dir];
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) found.push(...foldersUnder(join(dir, e.name)));
  return found;
}

/** A path relative to the output folder as the journal writes it ('/' between parts), refusing one that leaves the folder. */
function relativeName(root: string, path: string): string {
  const rel = relative(root, resolve(root, path));
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) throw new Error(`${path} is not inside the output folder ${root}`);
  return rel.split(sep).join('/');
}

/** The absolute path of a journal name under `root`. */
const under = (root: string, name: string): string => join(root, ...name.split('/'));

/** Whether a journal name is safe to act on: relative, no `..` or empty part. */
const safeName = (name: unknown): name is string =>
  typeof name === 'string' && name !== '' && !name.startsWith('/') && name.split('/').every((p) => p !== '' && p !== '.' && p !== '..' && !p.includes('\\'));

/** Reads a journal, or throws naming the file when it is not one this program wrote. */
function readJournal(path: string): Journal {
  let j: Partial<Journal>;
  try {
    j = JSON.parse(readFileSync(path, 'utf8')) as Partial<Journal>;
  } catch (error) {
    throw cannotWrite(dirname(path), error, `${path} is not a journal kg can read (${error instanceof Error ? error.message : String(error)}); look at it, then remove it`);
  }
  const ok = j.version === 1 && typeof j.staging === 'string' && /^\.kg-staging-[A-Za-z0-9-]+$/.test(j.staging)
    && Array.isArray(j.renames) && j.renames.every(safeName) && Array.isArray(j.removes) && j.removes.every(safeName);
  if (!ok) throw cannotWrite(dirname(path), undefined, `${path} is not a journal kg can read; look at it, then remove it`);
  return j as Journal;
}

/**
 * Carries out a journal in `root`: moves each staged file still in the staging folder over its target, removes the
 * files to remove, fsyncs the folders, then removes the journal and the staging folder. Every step can be repeated,
 * so a run killed part-way is completed by the next. Returns how many files it moved.
 */
function applyJournal(root: string, journal: Journal): number {
  const staging = join(root, journal.staging);
  const touched = new Set<string>([root]);
  let moved = 0;
  let step = 1;
  for (const name of journal.renames) {
    const from = under(staging, name);
    const to = under(root, name);
    if (isFile(from)) {
      makeFolder(dirname(to));
      renameSync(from, to);
      moved++;
      touched.add(dirname(to));
      touched.add(dirname(from));
    }
    killHook(++step);
  }
  for (const name of journal.removes) {
    const target = under(root, name);
    rmSync(target, { force: true });
    touched.add(dirname(target));
    killHook(++step);
  }
  for (const dir of touched) syncFolder(dir);
  rmSync(join(root, JOURNAL_FILE), { force: true });
  syncFolder(root);
  killHook(++step);
  rmSync(staging, { recursive: true, force: true });
  return moved;
}

/** Whether a path is a regular file (not following a final link). */
function isFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/** The temporary files earlier versions left beside their targets (kg's file kinds only): `.<name>.<pid>.tmp` and `.<name>.<pid>-<n>.tmp`. */
const OLD_TEMP = /^\..+\.(?:ttl|nt|nq|trig|jsonld|json|html|css)\.(\d+)(?:-\d+)?\.tmp$/;

/** Whether the process `pid` (on this host) no longer exists (kill(2) with signal 0 answers ESRCH). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * An output set: the files one run writes into the folder `root`, switched into place as one unit. `open` creates the
 * folder, takes its lock, completes a switch an earlier run left half-done and removes the temporary files of runs that
 * were killed; `stage` gives a file to write; `remove` names a file the new set no longer has; `commit` switches.
 * Until the journal is in place the folder holds the old set; after it, the new one (completed by the next run if this
 * one dies). `close` discards what was not committed and releases the lock.
 */
export class OutputSet {
  readonly root: string;
  private readonly lock: HeldLock;
  private readonly created: string[];
  private readonly files = new Map<string, StagedFile>();
  private readonly removes = new Set<string>();
  private staging: string | undefined;
  private state: 'open' | 'switching' | 'done' = 'open';

  private constructor(root: string, lock: HeldLock, created: string[]) {
    this.root = root;
    this.lock = lock;
    this.created = created;
  }

  /**
   * Opens the output set of folder `root` (created with its parents when missing).
   * @throws UsageError (exit 2) when the folder cannot hold files (naming it and the OS reason) or another kg run holds its lock.
   */
  static open(root: string, options: OutputSetOptions = {}): OutputSet {
    const dir = resolve(root);
    const report = options.report ?? ((line: string) => { process.stderr.write(`kg: ${line}\n`); });
    const created = makeFolder(dir);
    let lock: HeldLock;
    try {
      lock = acquireLock(dir);
    } catch (error) {
      for (const f of [...created].reverse()) try { rmdirSync(f); } catch { /* not empty */ }
      throw error;
    }
    const set = new OutputSet(dir, lock, created);
    track(set, true);
    try {
      if (lock.staleFrom) report(`took over the lock of ${dir} from pid ${lock.staleFrom.pid} (started ${lock.staleFrom.started}), which no longer runs`);
      set.recover(report);
    } catch (error) {
      set.close();
      throw error;
    }
    return set;
  }

  /** Completes a switch an earlier run left half-done, then removes temporary files of runs that no longer exist (reported in one line). */
  private recover(report: (line: string) => void): void {
    const journalPath = join(this.root, JOURNAL_FILE);
    if (isFile(journalPath)) {
      const journal = readJournal(journalPath);
      const moved = applyJournal(this.root, journal);
      report(`completed the switch of ${this.root} that run ${journal.pid} began (${moved} of ${journal.renames.length} files still to move, ${journal.removes.length} to remove)`);
    }
    let files = 0;
    let size = 0;
    const take = (path: string): void => {
      const m = measure(path);
      rmSync(path, { recursive: true, force: true });
      files += m.files;
      size += m.size;
    };
    const visit = (dir: string, depth: number): void => {
      for (const e of entriesOf(dir)) {
        const path = join(dir, e.name);
        if (depth === 0 && (e.name.startsWith(STAGING_PREFIX) || e.name.startsWith(TEMP_PREFIX))) {
          // Made only under the lock, which this run holds: they belong to no live run, except the lock files a run makes before it holds the lock.
          const pid = Number(/^\.kg-[a-z]+-(\d+)-/.exec(e.name)?.[1]);
          if (!e.name.endsWith('-lock') || (pid !== process.pid && gone(pid))) take(path);
          continue;
        }
        const old = OLD_TEMP.exec(e.name);
        if (old && e.isFile() && Number(old[1]) !== process.pid && gone(Number(old[1]))) { take(path); continue; }
        if (depth === 0 && e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') visit(path, 1);
      }
    };
    visit(this.root, 0);
    if (files || size) report(`removed ${files} temporary file${files === 1 ? '' : 's'} (${bytes(size)}) that an interrupted run left in ${this.root}`);
  }

  /**
   * A new file of the set at `path` (absolute, or relative to the folder; subfolders allowed), to write and `close`.
   * @throws Error when the path is outside the folder, has a part starting with `.kg-`, or is given twice.
   */
  stage(path: string): StagedFile {
    if (this.state !== 'open') throw new Error(`the output set of ${this.root} is no longer open`);
    const name = relativeName(this.root, path);
    if (name.split('/').some((p) => p.startsWith('.kg-'))) throw new Error(`${path}: names starting with .kg- are kept for kg's own files`);
    if (this.files.has(name) || this.removes.has(name)) throw new Error(`two files to write have the same path: ${under(this.root, name)}`);
    if (this.staging === undefined) {
      const staging = join(this.root, `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
      try {
        mkdirSync(staging);
      } catch (error) {
        throw cannotWrite(this.root, error);
      }
      this.staging = staging;
    }
    const temp = under(this.staging, name);
    mkdirSync(dirname(temp), { recursive: true });
    const file = new StagedFile(under(this.root, name), temp);
    this.files.set(name, file);
    return file;
  }

  /** Names a file the new set no longer has: it is removed at the switch (nothing happens if it is not there). */
  remove(path: string): void {
    const name = relativeName(this.root, path);
    if (this.files.has(name)) throw new Error(`${path} is both written and removed`);
    this.removes.add(name);
  }

  /**
   * Switches the new set into place and returns the paths written: closes (fsyncs) every staged file, fsyncs the staging
   * folders, writes the journal (temporary name, fsync, rename: the commit point, then the folder fsynced), moves each
   * file over its target, removes the files named by `remove`, fsyncs the folders, and removes the journal and staging folder.
   * @throws UsageError before the commit point when a target is a folder or on another file system; after it, the error
   * of the step that failed (the next run into the folder completes the switch).
   */
  async commit(): Promise<string[]> {
    if (this.state !== 'open') throw new Error(`the output set of ${this.root} is no longer open`);
    await pauseHook(this.root);
    const names = [...this.files.keys()];
    for (const f of this.files.values()) f.close();
    if (this.staging !== undefined) {
      const device = statSync(this.staging).dev;
      for (const name of names) {
        const target = under(this.root, name);
        this.created.push(...makeFolder(dirname(target)));
        if (isDirectory(target)) throw cannotWrite(target, undefined, 'it is a folder, where a file is to be written (EISDIR)');
        if (statSync(dirname(target)).dev !== device) throw cannotWrite(target, undefined, `${dirname(target)} is on another file system than ${this.root}, so the file cannot be moved there in one step (EXDEV)`);
      }
      for (const dir of foldersUnder(this.staging).reverse()) syncFolder(dir);
    }
    const journal: Journal = { version: 1, pid: process.pid, staging: this.staging === undefined ? `${STAGING_PREFIX}${process.pid}-none` : relative(this.root, this.staging), renames: names, removes: [...this.removes] };
    if (names.length === 0 && this.removes.size === 0) {
      this.state = 'done';
      return [];
    }
    const temp = join(this.root, `${TEMP_PREFIX}${process.pid}-journal`);
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, `${JSON.stringify(journal)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    killHook(0);
    renameSync(temp, join(this.root, JOURNAL_FILE));
    this.state = 'switching';
    syncFolder(this.root);
    killHook(1);
    applyJournal(this.root, journal);
    this.staging = undefined;
    this.state = 'done';
    return names.map((n) => under(this.root, n));
  }

  /**
   * Ends the set: if it was not switched, removes the staging folder (the old set is untouched) and the folders `open`
   * or `commit` created, if empty; if the switch failed part-way, leaves the journal for the next run. Releases the lock.
   * Returns whether unfinished files were removed.
   */
  abandon(): boolean {
    let dropped = false;
    if (this.state === 'open') {
      for (const f of this.files.values()) f.discard();
      if (this.staging !== undefined) rmSync(this.staging, { recursive: true, force: true });
      rmSync(join(this.root, `${TEMP_PREFIX}${process.pid}-journal`), { force: true });
      dropped = this.files.size > 0;
      this.state = 'done';
      this.lock.release();
      for (const f of [...this.created].reverse()) try { rmdirSync(f); } catch { /* not empty, or gone */ }
    } else {
      this.lock.release();
    }
    track(this, false);
    return dropped;
  }

  /** Discards what was not switched and releases the lock (see `abandon`); safe to call more than once. */
  close(): void {
    if (!open.has(this)) return;
    this.abandon();
  }
}

/**
 * Opens the output set of folder `root`, lets `build` stage (and remove) its files, switches them into place as one
 * unit if `build` resolves, and always releases the folder; returns what `build` returns.
 * @throws what `build` throws (nothing in the folder is changed), or the errors of `OutputSet.open` and `commit`.
 */
export async function withOutputSet<T>(root: string, build: (set: OutputSet) => Promise<T> | T, options: OutputSetOptions = {}): Promise<T> {
  const set = OutputSet.open(root, options);
  try {
    const result = await build(set);
    await set.commit();
    return result;
  } finally {
    set.close();
  }
}
