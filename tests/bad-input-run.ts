// Runs the cases of the bad-input corpus (tests/fixtures/bad/cases.json) through the built kg, each in its own output folder of sentinel files.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectPath } from '../src/project.js';

/** The commands the corpus runs; each reads one kind of input. */
export type Command = 'validate' | 'import' | 'roundtrip' | 'query' | 'export';
export const COMMANDS: readonly Command[] = ['validate', 'import', 'roundtrip', 'query', 'export'];

/** A key word of a message: a string, a list of alternatives (any one will do), or a regular expression. */
export type Word = string | readonly string[] | { readonly re: string };

/** One case of the manifest (see tests/fixtures/bad/make.mjs, which writes it). */
export interface Case {
  readonly id: string;
  readonly area: string;
  readonly note: string;
  /** The file (or folder) given as input, relative to tests/fixtures/bad; absent for an options line run on the valid files. */
  readonly input?: string;
  /** The valid file the input differs from in one place. */
  readonly base?: string;
  /** For an RDF case the JSON dataset `kg roundtrip --input` compares with; for a JSON case the RDF file it is compared with. */
  readonly twin?: string;
  /** Options added to every command line of the case. */
  readonly extra?: readonly string[];
  /** `--out` of export and import instead of the run's own folder ("{out}" stands for that folder). */
  readonly out?: string;
  /** For an accepted export: files of the output folder and text each must hold. */
  readonly wrote?: Readonly<Record<string, readonly string[]>>;
  /** Per command: the exit code, then the key words of the message. */
  readonly expect: Readonly<Partial<Record<Command, readonly [number, ...Word[]]>>>;
}

export const FIXTURES = projectPath('tests/fixtures/bad');
const CLI = projectPath('dist/src/cli.js');
/** How long one run may take before it is killed and reported as hanging (a hang is a failure, not a measurement). */
const HANG_MS = 60_000;

/** The cases of the manifest, in order. */
export function loadCases(): Case[] {
  return JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as Case[];
}

/** Whether a case's input is a JSON dataset (read by `kg export --input` and `kg roundtrip --input`). */
export function isJsonCase(c: Case): boolean {
  return !!c.input && /\.json$/.test(c.input);
}

const fixture = (relative: string): string => join(FIXTURES, relative);

/** The command line of a case for one command, run with `out` as its output folder; `input` is the path the message should name. */
export function commandLine(c: Case, command: Command, out: string): { args: string[]; input: string } {
  const extra = c.extra ?? [];
  const outPath = (fallback: string): string => (c.out ?? fallback).replace('{out}', out);
  const json = isJsonCase(c);
  const input = fixture(c.input ?? (command === 'export' ? 'base/mini.json' : 'base/mini.ttl'));
  switch (command) {
    case 'validate': return { args: ['validate', input, ...extra], input };
    case 'import': return { args: ['import', input, '--out', outPath(join(out, 'imported.json')), ...extra], input };
    case 'query': return { args: ['query', '-q', 'ASK { ?s ?p ?o }', '--data', input, ...extra], input };
    case 'roundtrip':
      return json
        ? { args: ['roundtrip', fixture(c.twin ?? 'base/mini.ttl'), '--input', input, ...extra], input }
        : { args: ['roundtrip', input, '--input', fixture(c.twin ?? 'base/mini.json'), ...extra], input };
    case 'export': {
      const format = extra.includes('--format') ? [] : ['--format', 'all'];
      return { args: ['export', '--input', input, ...format, '--out', outPath(out), ...extra], input };
    }
  }
}

/** The files a run starts with in its output folder (and working directory): names an export or import would write, and others. */
const SENTINELS: Readonly<Record<string, string>> = {
  'keep.txt': 'a file no run may touch\n',
  '.hidden': 'a hidden file no run may touch\n',
  'imported.json': '{ "sentinel": "kg import --out lands here" }\n',
  'mini.ttl': '# sentinel: kg export would write mini.ttl here\n',
  'mini.nt': '# sentinel\n',
  'void.ttl': '# sentinel: the description of an earlier export\n',
  'news-kg.ttl': '# sentinel\n',
  'context.jsonld': '{ "sentinel": true }\n',
  'sub/nested.txt': 'a nested file\n',
};

/** Every entry under a folder (hidden ones too) with what identifies its content and its identity on disk. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = join(rel, name);
      const st = lstatSync(join(dir, path));
      if (st.isDirectory()) { out[`${path}/`] = `dir mode ${st.mode}`; walk(path); continue; }
      const hash = st.isFile() ? createHash('sha256').update(readFileSync(join(dir, path))).digest('hex').slice(0, 16) : 'not a file';
      out[path] = `${hash} size ${st.size} mode ${st.mode} ino ${st.ino} mtime ${st.mtimeMs}`;
    }
  };
  walk('');
  return out;
}

/** What one run of a case gave. */
export interface Outcome {
  readonly args: readonly string[];
  readonly input: string;
  readonly out: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly hung: boolean;
  readonly stdout: string;
  readonly stderr: string;
  /** The output folder before and after the run. */
  readonly before: Record<string, string>;
  readonly after: Record<string, string>;
  /** For an accepted export, the text of each file the case says it wrote (undefined when missing). */
  readonly wrote: Record<string, string | undefined>;
}

/** Runs one case through one command in a fresh folder of sentinels (its working directory and output folder), then removes the folder. */
export function runCase(c: Case, command: Command): Promise<Outcome> {
  const out = mkdtempSync(join(tmpdir(), `kg-bad-${c.id.slice(0, 40)}-`));
  for (const [name, text] of Object.entries(SENTINELS)) {
    mkdirSync(dirname(join(out, name)), { recursive: true });
    writeFileSync(join(out, name), text);
  }
  const before = snapshot(out);
  const { args, input } = commandLine(c, command, out);
  return new Promise<Outcome>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: out, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let hung = false;
    const timer = setTimeout(() => { hung = true; child.kill('SIGKILL'); }, HANG_MS);
    child.stdout.on('data', (b: Buffer) => stdout.push(b));
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    child.on('error', (e) => { clearTimeout(timer); rmSync(out, { recursive: true, force: true }); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      try {
        const after = snapshot(out);
        const wrote: Record<string, string | undefined> = {};
        for (const name of Object.keys(c.wrote ?? {})) {
          try { wrote[name] = readFileSync(join(out, name), 'utf8'); } catch { wrote[name] = undefined; }
        }
        resolve({ args, input, out, code, signal, hung, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), before, after, wrote });
      } catch (e) {
        reject(e);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });
}

/** A queue that runs at most `size` tasks at once, in the order they were added. */
export function pool(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** Whether a message holds a key word (with "{input}" and "{out}" filled in). */
export function holds(message: string, word: Word, input: string, out: string): boolean {
  const fill = (s: string): string => s.split('{input}').join(input).split('{out}').join(out);
  if (typeof word === 'string') return message.includes(fill(word));
  if ('re' in word) {
    const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const source = word.re.split('\\{input\\}').join(escape(input)).split('\\{out\\}').join(escape(out));
    return new RegExp(source).test(message);
  }
  return (word as readonly string[]).some((w) => message.includes(fill(w)));
}

/** A word as the test report shows it. */
export function showWord(word: Word): string {
  if (typeof word === 'string') return JSON.stringify(word);
  if ('re' in word) return `/${word.re}/`;
  return (word as readonly string[]).map((w) => JSON.stringify(w)).join(' or ');
}
