// Output sets in-process: files appear together or not at all, the folder's lock, recognisable temporary files cleaned, and output paths that cannot hold files refused at once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { writeFilesAtomically } from '../src/rdf/atomic.js';
import { makeFolder } from '../src/rdf/folder.js';
import { LOCK_FILE } from '../src/rdf/lock.js';
import { OutputSet, withOutputSet } from '../src/rdf/output-set.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'kg-atomic-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under a folder (relative path → content), `.kg-` entries included so that a leftover shows. */
function contents(root = dir): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) visit(join(d, e.name));
      else found[relative(root, join(d, e.name))] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  visit(root);
  return found;
}

/** The pid of a process that has ended (a child run to completion). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  if (r.pid === undefined) throw new Error('could not start a child process to get a dead pid');
  return r.pid;
}

describe('writeFilesAtomically', () => {
  it('writes every file, creating the folder when needed, and leaves nothing of its own behind', async () => {
    const sub = join(dir, 'new');
    await writeFilesAtomically([
      { path: join(sub, 'a.ttl'), write: (sink) => { sink('A1'); sink('A2'); } },
      { path: join(sub, 'b.ttl'), write: async (sink) => { sink('B'); } },
    ]);
    expect(contents(sub)).toEqual({ 'a.ttl': 'A1A2', 'b.ttl': 'B' });
  });

  it('leaves every target untouched and no temporary file when a write fails part-way', async () => {
    writeFileSync(join(dir, 'a.ttl'), 'old a');
    writeFileSync(join(dir, 'b.ttl'), 'old b');
    await expect(writeFilesAtomically([
      { path: join(dir, 'a.ttl'), write: (sink) => { sink('new a'); } },
      { path: join(dir, 'b.ttl'), write: (sink) => { sink('half of b'); throw new Error('disk on fire'); } },
    ])).rejects.toThrow('disk on fire');
    expect(contents()).toEqual({ 'a.ttl': 'old a', 'b.ttl': 'old b' });
  });

  it('creates no folder when a write fails in a folder that did not exist', async () => {
    const sub = join(dir, 'a', 'b');
    await expect(writeFilesAtomically([{ path: join(sub, 'x.ttl'), write: () => { throw new Error('bad data'); } }])).rejects.toThrow('bad data');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('replaces an existing file by the new content', async () => {
    writeFileSync(join(dir, 'a.ttl'), 'old');
    await writeFilesAtomically([{ path: join(dir, 'a.ttl'), write: (sink) => { sink('new'); } }]);
    expect(contents()).toEqual({ 'a.ttl': 'new' });
  });

  it('writes files in subfolders as one set of the common folder', async () => {
    await writeFilesAtomically([
      { path: join(dir, 'entity', 'person', 'a.html'), write: (sink) => { sink('a'); } },
      { path: join(dir, 'index.html'), write: (sink) => { sink('i'); } },
    ]);
    expect(contents()).toEqual({ [join('entity', 'person', 'a.html')]: 'a', 'index.html': 'i' });
  });

  it('refuses two files with the same path before writing anything', async () => {
    const file = { path: join(dir, 'a.ttl'), write: (sink: (c: string) => void) => { sink('x'); } };
    await expect(writeFilesAtomically([file, { ...file, path: join(dir, '.', 'a.ttl') }])).rejects.toThrow('same path');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a target that is a folder before the switch, leaving the old set whole', async () => {
    writeFileSync(join(dir, 'a.ttl'), 'old a');
    mkdirSync(join(dir, 'b.ttl'));
    const error = await writeFilesAtomically([
      { path: join(dir, 'a.ttl'), write: (sink) => { sink('new a'); } },
      { path: join(dir, 'b.ttl'), write: (sink) => { sink('new b'); } },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(String(error)).toContain(`cannot write into ${join(dir, 'b.ttl')}: it is a folder`);
    expect(contents()).toEqual({ 'a.ttl': 'old a' });
    expect(readdirSync(dir).sort()).toEqual(['a.ttl', 'b.ttl']);
  });
});

describe('an output set', () => {
  it('stages files in a .kg-staging folder inside the target folder, invisible under their names until the switch', async () => {
    writeFileSync(join(dir, 'a.ttl'), 'old');
    const set = OutputSet.open(dir);
    try {
      const a = set.stage('a.ttl');
      a.write('new');
      a.close();
      expect(relative(dir, a.temp).split(/[\\/]/)[0]).toMatch(/^\.kg-staging-\d+-[0-9a-f]+$/);
      expect(readFileSync(join(dir, 'a.ttl'), 'utf8')).toBe('old');
      expect(readdirSync(dir).sort()).toEqual([LOCK_FILE, relative(dir, a.temp).split(/[\\/]/)[0], 'a.ttl'].sort());
      expect(await set.commit()).toEqual([join(dir, 'a.ttl')]);
    } finally {
      set.close();
    }
    expect(contents()).toEqual({ 'a.ttl': 'new' });
  });

  it('removes in the same switch the files the new set no longer has', async () => {
    writeFileSync(join(dir, 'keep.html'), 'kept');
    writeFileSync(join(dir, 'gone.html'), 'old page');
    await withOutputSet(dir, (set) => {
      const f = set.stage('new.html');
      f.write('new page');
      f.close();
      set.remove('gone.html');
    });
    expect(contents()).toEqual({ 'keep.html': 'kept', 'new.html': 'new page' });
  });

  it('refuses names outside the folder and names kept for its own files', () => {
    const set = OutputSet.open(dir);
    try {
      expect(() => set.stage(join(dirname(dir), 'x.ttl'))).toThrow('is not inside the output folder');
      expect(() => set.stage('.kg-lock')).toThrow('names starting with .kg- are kept');
      set.stage('x.ttl').close();
      expect(() => set.stage(join(dir, 'x.ttl'))).toThrow('same path');
    } finally {
      set.close();
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the lock of an output folder', () => {
  it('refuses a second writer while the first holds the folder, naming its pid and the lock file', async () => {
    const first = OutputSet.open(dir);
    try {
      const error = (() => { try { OutputSet.open(dir); return undefined; } catch (e) { return e; } })();
      expect(error).toBeInstanceOf(UsageError);
      expect(String(error)).toContain(`another kg run (pid ${process.pid} on ${hostname()}, started `);
      expect(String(error)).toContain(`is writing to ${dir}; wait for it to finish, or remove ${join(dir, LOCK_FILE)} if that process no longer exists`);
    } finally {
      first.close();
    }
    expect(readdirSync(dir)).toEqual([]);
    OutputSet.open(dir).close();
  });

  it('refuses a lock held by a live process, and one from another host whatever its pid', () => {
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: hostname(), started: '2024-01-01T00:00:00.000Z' }));
    expect(() => OutputSet.open(dir)).toThrow(`another kg run (pid ${process.ppid} on ${hostname()}, started 2024-01-01T00:00:00.000Z)`);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: `not-${hostname()}`, started: '2024-01-01T00:00:00.000Z' }));
    expect(() => OutputSet.open(dir)).toThrow(`on not-${hostname()}`);
    writeFileSync(join(dir, LOCK_FILE), '');
    expect(() => OutputSet.open(dir)).toThrow(`another kg run is writing to ${dir}`);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it('takes over the lock of a run that no longer exists, and says so', () => {
    const pid = deadPid();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), started: '2024-01-01T00:00:00.000Z' }));
    const lines: string[] = [];
    const set = OutputSet.open(dir, { report: (l) => lines.push(l) });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    set.close();
    expect(lines).toEqual([`took over the lock of ${dir} from pid ${pid} (started 2024-01-01T00:00:00.000Z), which no longer runs`]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('temporary files of runs that were killed', () => {
  it('are removed by the next run into the folder, reported in one line with their count and bytes', () => {
    const pid = deadPid();
    mkdirSync(join(dir, `.kg-staging-${pid}-0badf00d`, 'entity'), { recursive: true });
    writeFileSync(join(dir, `.kg-staging-${pid}-0badf00d`, 'a.ttl'), 'x'.repeat(1000));
    writeFileSync(join(dir, `.kg-staging-${pid}-0badf00d`, 'entity', 'p.html'), 'x'.repeat(200));
    writeFileSync(join(dir, `.kg-tmp-${pid}-journal`), 'x'.repeat(50));
    writeFileSync(join(dir, `.article-000.ttl.${pid}-3.tmp`), 'x'.repeat(300));
    mkdirSync(join(dir, 'entity'));
    writeFileSync(join(dir, 'entity', `.person.html.${pid}.tmp`), 'x'.repeat(250));
    // Kept: the old-style file of a live process, a file of the user's that only looks similar, the set itself.
    writeFileSync(join(dir, `.article-000.ttl.${process.ppid}-1.tmp`), 'live');
    writeFileSync(join(dir, `.notes.${pid}.tmp`), 'mine');
    writeFileSync(join(dir, 'a.ttl'), 'old');
    const lines: string[] = [];
    OutputSet.open(dir, { report: (l) => lines.push(l) }).close();
    expect(lines).toEqual([`removed 5 temporary files (1.8 kB) that an interrupted run left in ${dir}`]);
    expect(contents()).toEqual({ [`.article-000.ttl.${process.ppid}-1.tmp`]: 'live', [`.notes.${pid}.tmp`]: 'mine', 'a.ttl': 'old' });
  });

  it('are reported with exact bytes below a kilobyte, and not at all when there are none', () => {
    const lines: string[] = [];
    OutputSet.open(dir, { report: (l) => lines.push(l) }).close();
    expect(lines).toEqual([]);
    writeFileSync(join(dir, `.kg-tmp-${deadPid()}-journal`), 'x');
    OutputSet.open(dir, { report: (l) => lines.push(l) }).close();
    expect(lines).toEqual([`removed 1 temporary file (1 byte) that an interrupted run left in ${dir}`]);
  });
});

describe('an output path that cannot hold files', () => {
  it('fails at once naming the path and the reason, where Node\'s recursive mkdir would loop (a procfs path)', () => {
    if (!existsSync('/proc/self')) throw new Error('this test needs Linux /proc (a file system that refuses new folders)');
    expect(() => makeFolder('/proc/self/x/y')).toThrow(new UsageError('cannot write into /proc/self/x/y: /proc/self exists but cannot hold new folders (ENOENT)'));
    expect(() => OutputSet.open('/proc/self')).toThrow(new UsageError('cannot write into /proc/self: /proc/self exists but cannot hold new files (ENOENT)'));
  });

  it('names the part of the path that is a file', () => {
    writeFileSync(join(dir, 'file'), '');
    expect(() => makeFolder(join(dir, 'file', 'a', 'b'))).toThrow(new UsageError(`cannot write into ${join(dir, 'file', 'a', 'b')}: ${join(dir, 'file')} is a file, not a folder (ENOTDIR)`));
    expect(statSync(join(dir, 'file')).isFile()).toBe(true);
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('names a broken symbolic link in the way', () => {
    symlinkSync(join(dir, 'nowhere'), join(dir, 'link'));
    expect(() => makeFolder(join(dir, 'link', 'a'))).toThrow(new UsageError(`cannot write into ${join(dir, 'link', 'a')}: ${join(dir, 'link')} exists and is not a folder (a broken symbolic link?) (EEXIST)`));
    expect(readdirSync(dir)).toEqual(['link']);
  });

  it('creates missing parents one by one and returns them', () => {
    expect(makeFolder(join(dir, 'a', 'b'))).toEqual([join(dir, 'a'), join(dir, 'a', 'b')]);
    expect(makeFolder(join(dir, 'a', 'b'))).toEqual([]);
  });
});
