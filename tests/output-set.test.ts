// The output folder switches as one unit, through the built kg as a child process: killed after every step of a switch, two runs at once, signals, stale files of dead runs, bad data, paths that cannot hold files.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectPath } from '../src/project.js';
import { JOURNAL_FILE, OutputSet } from '../src/rdf/output-set.js';

const CLI = projectPath('dist/src/cli.js');
const OTHER_BASE = 'https://example.org/other/';

let dir: string;
beforeEach(() => {
  if (!existsSync(CLI)) throw new Error(`these tests run the built kg: ${CLI} is missing (npx tsc -p tsconfig.json)`);
  dir = mkdtempSync(join(tmpdir(), 'kg-output-set-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the built kg to completion (a guard of 120 s turns a hang into a failure, not a wait). */
function kg(args: readonly string[], env: Record<string, string> = {}): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** The files of a folder (relative path → content), leaving out kg's own `.kg-` entries. */
function snapshot(root: string): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.kg-')) continue;
      if (e.isDirectory()) visit(join(d, e.name));
      else found[relative(root, join(d, e.name)).split('\\').join('/')] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  visit(root);
  return found;
}

/** The entries of a folder, its subfolders included, whose names start with `.` and are kg's (`.kg-…`) or end in `.tmp`. */
function leftovers(root: string): string[] {
  const found: string[] = [];
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (e.name.startsWith('.kg-') || e.name.endsWith('.tmp')) found.push(relative(root, join(e.parentPath, e.name)));
  }
  return found.sort();
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  if (r.pid === undefined) throw new Error('could not start a child process to get a dead pid');
  return r.pid;
}

/** Starts kg paused once every file is staged (KG_TEST_PAUSE_BEFORE_COMMIT) and resolves when it says so; a line on its stdin lets it go on. */
async function startPaused(args: readonly string[]): Promise<{ child: ChildProcess; stderr: () => string; exit: Promise<number | null> }> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, KG_TEST_PAUSE_BEFORE_COMMIT: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  await new Promise<void>((ready, fail) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
      if (err.includes('kg-test: staged ')) ready();
    });
    child.on('exit', (code) => fail(new Error(`kg ended (exit ${code}) before staging its files: ${err}`)));
  });
  return { child, stderr: () => err, exit };
}

/**
 * Kills a switch after every step k = 0, 1, 2 … (KG_TEST_KILL_AFTER_STEPS) until a run completes, each time on a fresh
 * copy of the old set; checks that the folder is wholly old or wholly new once the next open of the folder has recovered,
 * and that the journal is what says which (present: the switch is under way and recovery completes it). Returns the
 * steps counted and at which the journal was there.
 */
function killAtEveryStep(old: string, run: (target: string, env: Record<string, string>) => { status: number | null; signal: NodeJS.Signals | null }, wanted: Record<string, string>): { steps: number; withJournal: number[] } {
  const before = snapshot(old);
  const withJournal: number[] = [];
  for (let k = 0; k < 100; k++) {
    const target = join(dir, `k${k}`);
    cpSync(old, target, { recursive: true });
    const r = run(target, { KG_TEST_KILL_AFTER_STEPS: String(k) });
    if (r.status === 0) {
      expect(snapshot(target), `k=${k}: the run that was not killed`).toEqual(wanted);
      expect(leftovers(target)).toEqual([]);
      return { steps: k, withJournal };
    }
    expect(r.signal, `k=${k}`).toBe('SIGKILL');
    const journalPath = join(target, JOURNAL_FILE);
    const journal = existsSync(journalPath) ? JSON.parse(readFileSync(journalPath, 'utf8')) as { pid: number; staging: string; renames: string[]; removes: string[] } : undefined;
    const seen = snapshot(target);
    if (journal) {
      withJournal.push(k);
      // The old set with the journal applied (each file moved from staging, or already in place; each removal) is the new set.
      const applied: Record<string, string | undefined> = { ...before };
      for (const name of journal.removes) delete applied[name];
      for (const name of journal.renames) {
        const staged = join(target, journal.staging, ...name.split('/'));
        applied[name] = existsSync(staged) ? readFileSync(staged, 'utf8') : seen[name];
      }
      expect(applied, `k=${k}: the journal's switch`).toEqual(wanted);
    } else {
      expect(seen, `k=${k}: no journal, so the folder must be wholly ${k === 0 ? 'old' : 'new'}`).toEqual(k === 0 ? before : wanted);
    }
    const lines: string[] = [];
    OutputSet.open(target, { report: (l) => lines.push(l) }).close();
    expect(snapshot(target), `k=${k}: after recovery`).toEqual(k === 0 ? before : wanted);
    expect(leftovers(target), `k=${k}: after recovery`).toEqual([]);
    if (journal) expect(lines.join('\n'), `k=${k}`).toContain(`completed the switch of ${target} that run ${journal.pid} began`);
  }
  throw new Error('the run was still killed after 100 steps');
}

describe('a switch killed after any step', () => {
  it('leaves kg export\'s folder wholly old or wholly new after the next run recovers it', () => {
    const old = join(dir, 'old');
    expect(kg(['export', '--out', old]).status).toBe(0);
    const args = (target: string): string[] => ['export', '--out', target, '--format', 'turtle,ntriples', '--base', OTHER_BASE];
    const reference = join(dir, 'reference');
    cpSync(old, reference, { recursive: true });
    expect(kg(args(reference)).status).toBe(0);
    const wanted = snapshot(reference);
    expect(wanted).not.toEqual(snapshot(old));
    const { steps, withJournal } = killAtEveryStep(old, (target, env) => kg(args(target), env), wanted);
    // One step for the journal, one per file moved, one for the journal's removal: every step was a kill point.
    expect(steps).toBe(Object.keys(wanted).length + 3);
    expect(withJournal).toEqual(Array.from({ length: Object.keys(wanted).length + 1 }, (_x, i) => i + 1));
  });
});

describe('a switch with removals and subfolders, killed after any step', () => {
  it('is completed or never begun, file moves and removals alike', () => {
    const lib = pathToFileURL(projectPath('dist/src/rdf/output-set.js')).href;
    const script = `import { withOutputSet } from ${JSON.stringify(lib)};
      await withOutputSet(process.argv[1], (set) => {
        for (const [name, text] of [['a.ttl', 'new a'], ['sub/b.html', 'new b'], ['sub/deeper/c.html', 'new c']]) { const f = set.stage(name); f.write(text); f.close(); }
        set.remove('gone.html');
        set.remove('sub/old.html');
      });`;
    const old = join(dir, 'old');
    mkdirSync(join(old, 'sub'), { recursive: true });
    writeFileSync(join(old, 'a.ttl'), 'old a');
    writeFileSync(join(old, 'gone.html'), 'old page');
    writeFileSync(join(old, 'sub', 'old.html'), 'old sub page');
    writeFileSync(join(old, 'sub', 'b.html'), 'old b');
    writeFileSync(join(old, 'keep.txt'), 'not in the set');
    const wanted = { 'a.ttl': 'new a', 'keep.txt': 'not in the set', 'sub/b.html': 'new b', 'sub/deeper/c.html': 'new c' };
    const run = (target: string, env: Record<string, string>): ReturnType<typeof kg> => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, target], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
      if (r.error) throw r.error;
      return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
    };
    const { steps, withJournal } = killAtEveryStep(old, run, wanted);
    expect(steps).toBe(3 + 2 + 3);
    expect(withJournal).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('two kg runs into one folder', () => {
  it('refuses the second while the first holds the folder (exit 2, naming the first), and the first completes its set', async () => {
    const out = join(dir, 'out');
    expect(kg(['export', '--out', out]).status).toBe(0);
    const old = snapshot(out);
    const first = await startPaused(['export', '--out', out, '--format', 'turtle,nquads', '--base', OTHER_BASE]);
    expect(snapshot(out)).toEqual(old);
    const second = kg(['export', '--out', out, '--format', 'trig']);
    expect(second.status).toBe(2);
    expect(second.stderr).toBe(`kg: another kg run (pid ${first.child.pid} on ${hostname()}, started ${JSON.parse(readFileSync(join(out, '.kg-lock'), 'utf8')).started}) is writing to ${out}; wait for it to finish, or remove ${join(out, '.kg-lock')} if that process no longer exists\n`);
    first.child.stdin?.end('go\n');
    expect(await first.exit).toBe(0);
    expect(Object.keys(snapshot(out)).sort()).toEqual(['article-000.nq', 'article-000.ttl', 'entities.nq', 'entities.ttl', 'news-kg.ttl', 'void.ttl']);
    expect(snapshot(out)['void.ttl']).toContain(OTHER_BASE);
    expect(leftovers(out)).toEqual([]);
  });

  it('never leave a mixed set when started together: each exits 0 or refuses, and the folder holds one run\'s files', async () => {
    const alone = (base: string): Record<string, string> => {
      const target = join(dir, `alone-${base.length}`);
      expect(kg(['export', '--out', target, '--format', 'all', '--base', base]).status).toBe(0);
      return snapshot(target);
    };
    const sets = [alone('https://example.org/a/'), alone('https://example.org/bb/')];
    for (let round = 0; round < 3; round++) {
      const out = join(dir, `together-${round}`);
      const runs = ['https://example.org/a/', 'https://example.org/bb/'].map((base) => new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = spawn(process.execPath, [CLI, 'export', '--out', out, '--format', 'all', '--base', base], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
        child.on('exit', (code) => done({ code, stderr }));
      }));
      const results = await Promise.all(runs);
      for (const r of results) {
        expect([0, 2], r.stderr).toContain(r.code);
        if (r.code === 2) expect(r.stderr).toMatch(/^kg: another kg run \(pid \d+ on .*\) is writing to /);
      }
      expect(results.some((r) => r.code === 0)).toBe(true);
      const final = snapshot(out);
      expect(sets.some((s) => JSON.stringify(s) === JSON.stringify(final)), `round ${round}: the folder is one run's set`).toBe(true);
      expect(leftovers(out)).toEqual([]);
    }
  });
});

describe('a signal while a run writes', () => {
  it.each([['SIGTERM', 143], ['SIGINT', 130]] as const)('%s removes every temporary file and the lock, changes nothing, and exits %i', async (signal, code) => {
    const out = join(dir, 'out');
    expect(kg(['export', '--out', out]).status).toBe(0);
    const old = snapshot(out);
    const run = await startPaused(['export', '--out', out, '--format', 'all', '--base', OTHER_BASE]);
    expect(leftovers(out).some((f) => f.startsWith('.kg-staging-'))).toBe(true);
    run.child.kill(signal);
    expect(await run.exit).toBe(code);
    expect(run.stderr()).toContain(`kg: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; removed the unfinished files in ${out}, nothing there was changed`);
    expect(snapshot(out)).toEqual(old);
    expect(leftovers(out)).toEqual([]);
  });

  it('stops a streaming export the same way, leaving a new folder out', async () => {
    const out = join(dir, 'new', 'synthetic');
    const run = await startPaused(['export', '--synthetic', '3', '--out', out]);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(143);
    expect(existsSync(join(dir, 'new'))).toBe(false);
  });
});

describe('what a killed run left', () => {
  it('is cleaned by the next kg run into the folder: its lock taken over, its temporary files removed and reported in one line', () => {
    const out = join(dir, 'out');
    expect(kg(['export', '--out', out]).status).toBe(0);
    const pid = deadPid();
    writeFileSync(join(out, '.kg-lock'), JSON.stringify({ pid, host: hostname(), started: '2024-05-01T10:00:00.000Z' }));
    mkdirSync(join(out, `.kg-staging-${pid}-00c0ffee`));
    writeFileSync(join(out, `.kg-staging-${pid}-00c0ffee`, 'article-000.ttl'), 'x'.repeat(4000));
    writeFileSync(join(out, `.kg-tmp-${pid}-journal`), 'x'.repeat(100));
    writeFileSync(join(out, `.void.ttl.${pid}-2.tmp`), 'x'.repeat(600));
    const r = kg(['export', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter((l) => !l.startsWith('wrote '))).toEqual([
      `kg: took over the lock of ${out} from pid ${pid} (started 2024-05-01T10:00:00.000Z), which no longer runs`,
      `kg: removed 3 temporary files (4.7 kB) that an interrupted run left in ${out}`,
      '',
    ]);
    expect(leftovers(out)).toEqual([]);
  });
});

describe('a run that fails', () => {
  it('on bad data writes and overwrites nothing, and creates no folder', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'bad', title: 'Bad', entities: [{ type: 'Person', id: 'person/x', label: [] }] }));
    const out = join(dir, 'out');
    expect(kg(['export', '--out', out]).status).toBe(0);
    const old = snapshot(out);
    const r = kg(['export', '--input', bad, '--out', out, '--format', 'all']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^kg: invalid input, nothing was written:\n {2}entity person\/x, field label: /);
    expect(snapshot(out)).toEqual(old);
    expect(leftovers(out)).toEqual([]);
    expect(kg(['export', '--input', bad, '--out', join(dir, 'fresh')]).status).toBe(1);
    expect(existsSync(join(dir, 'fresh'))).toBe(false);
  });

  it.each([
    ['export', ['export']],
    ['export --synthetic', ['export', '--synthetic', '1']],
    ['docs', ['docs']],
    ['ontology', ['ontology']],
  ])('kg %s fails at once with exit 2 on an --out that cannot hold files, naming it and the reason', (_name, args) => {
    if (!existsSync('/proc/self')) throw new Error('this test needs Linux /proc (a file system that refuses new folders)');
    const file = join(dir, 'file');
    writeFileSync(file, '');
    for (const [out, why] of [
      ['/proc/self/x', '/proc/self exists but cannot hold new folders (ENOENT)'],
      ['/proc/self', '/proc/self exists but cannot hold new files (ENOENT)'],
      [join(file, 'sub'), `${file} is a file, not a folder (ENOTDIR)`],
    ]) {
      const r = kg([...args, '--out', out!]);
      expect([r.status, r.stderr], out).toEqual([2, `kg: cannot write into ${out}: ${why}\n`]);
    }
  });

  it('kg import fails at once with exit 2 when the folder of --out cannot hold files', () => {
    if (!existsSync('/proc/self')) throw new Error('this test needs Linux /proc (a file system that refuses new folders)');
    const r = kg(['import', projectPath('output/entities.ttl'), '--out', '/proc/self/x/entities.json']);
    expect([r.status, r.stderr]).toEqual([2, 'kg: cannot write into /proc/self/x: /proc/self exists but cannot hold new folders (ENOENT)\n']);
  });
});

describe('a staged file written on the thread pool', () => {
  it('writes in order around a write under way, refuses to write past it, and a discard waits for it', async () => {
    const { StagedFile } = await import('../src/rdf/output-set.js');
    const dir = mkdtempSync(join(tmpdir(), 'kg-later-'));
    try {
      const file = new StagedFile(join(dir, 'out.nt'), join(dir, 'out.tmp'));
      file.write('# head\n');
      const big = new TextEncoder().encode('<a> <b> "c" .\n'.repeat(50_000));
      file.writeBytesLater(big);
      expect(() => file.write('x'.repeat(1 << 19))).toThrow(/a write is under way/);
      await file.settled();
      file.writeBytesLater(new TextEncoder().encode('<d> <e> <f> .\n'));
      await file.settled();
      file.write('# tail\n');
      file.close();
      expect(readFileSync(join(dir, 'out.tmp'), 'utf8')).toBe(`# head\n${'<a> <b> "c" .\n'.repeat(50_000)}<d> <e> <f> .\n# tail\n`);

      const dropped = new StagedFile(join(dir, 'gone.nt'), join(dir, 'gone.tmp'));
      dropped.writeBytesLater(big);
      dropped.discard();
      expect(existsSync(join(dir, 'gone.tmp'))).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(existsSync(join(dir, 'gone.tmp'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
