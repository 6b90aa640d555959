// The bad-input corpus (tests/fixtures/bad): every case through every command that reads its kind of input, with the exit code, the key words of the message, no stack trace, and nothing written or overwritten.
//
// Runs the built CLI (dist/src/cli.js: `npx tsc -p tsconfig.json` first). The cases and their expectations are in
// tests/fixtures/bad/cases.json, written by tests/fixtures/bad/make.mjs from the valid files in tests/fixtures/bad/base.
// Every run gets its own folder of sentinel files, which is its working directory and its --out; the processes run
// a few at a time, all queued before the first test, so that they overlap.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonldContext } from '../src/generate/context.js';
import { DEFAULT_BASE } from '../src/model/vocab.js';
import { projectPath } from '../src/project.js';
import {
  COMMANDS, FIXTURES, holds, isJsonCase, loadCases, pool, runCase, showWord, snapshot, type Case, type Command, type Outcome, type Word,
} from './bad-input-run.js';

const CASES = loadCases();
const BUILT = projectPath('dist/src/cli.js');
const FIXTURES_BEFORE = snapshot(FIXTURES);

/** Which commands read which kind of input: RDF files, JSON datasets; options say themselves. */
const READS: Readonly<Record<'rdf' | 'json', readonly Command[]>> = {
  rdf: ['validate', 'import', 'roundtrip', 'query'],
  json: ['export', 'roundtrip'],
};

// Every run is queued now, in test order, at most three processes at once (the machine has two cores).
const queue = pool(3);
const runs = new Map<string, Promise<Outcome>>();
if (existsSync(BUILT)) {
  for (const c of CASES) {
    for (const command of COMMANDS) {
      if (c.expect[command]) runs.set(`${c.id} ${command}`, queue(() => runCase(c, command)));
    }
  }
}

/** What a run printed, for the failure message. */
function shown(o: Outcome): string {
  const clip = (s: string): string => (s.length > 3000 ? `${s.slice(0, 3000)}… (${s.length} chars)` : s);
  return `kg ${o.args.map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ')}\n--- exit ${o.code}${o.signal ? ` (${o.signal})` : ''}\n--- stdout\n${clip(o.stdout)}\n--- stderr\n${clip(o.stderr)}`;
}

/** The files and folders that differ between two snapshots of a folder. */
function changes(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((n) => before[n] !== after[n]).map((n) => (before[n] === undefined ? `new ${n}` : after[n] === undefined ? `removed ${n}` : `changed ${n}`));
}

describe('the corpus', () => {
  it('is built: dist/src/cli.js exists (run `npx tsc -p tsconfig.json`)', () => {
    expect(existsSync(BUILT), `${BUILT} is missing: build with npx tsc -p tsconfig.json`).toBe(true);
  });

  it('has at least 80 cases, unique ids, and covers every syntax and the options', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    for (const prefix of ['ttl-', 'nt-', 'nq-', 'trig-', 'jsonld-', 'json-', 'opt-']) {
      expect(CASES.filter((c) => c.id.startsWith(prefix)).length, prefix).toBeGreaterThanOrEqual(5);
    }
  });

  it('runs every case through every command that reads its kind of input', () => {
    for (const c of CASES) {
      const commands = Object.keys(c.expect) as Command[];
      expect(commands.length, c.id).toBeGreaterThan(0);
      if (!c.input || c.id.startsWith('opt-')) continue;
      const kind = isJsonCase(c) ? 'json' : 'rdf';
      // query only reads what it loads (syntax and encoding): data rules are for the decoder of validate and import.
      const needed = READS[kind].filter((command) => command !== 'query');
      expect(commands, `${c.id} must run through ${needed.join(', ')}`).toEqual(expect.arrayContaining(needed));
    }
  });

  it('has every case file on disk, and no file that no case uses', () => {
    const used = new Set(CASES.flatMap((c) => [c.input, c.base, c.twin].filter((p): p is string => !!p)));
    for (const c of CASES) {
      if (!c.input) continue;
      if (c.input.startsWith('missing.')) expect(existsSync(join(FIXTURES, c.input)), c.id).toBe(false);
      else expect(existsSync(join(FIXTURES, c.input)), `${c.id}: ${c.input}`).toBe(true);
    }
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(relative(FIXTURES, path));
      }
    };
    for (const folder of ['ttl', 'nt', 'nq', 'trig', 'jsonld', 'json', 'twins']) walk(join(FIXTURES, folder));
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });

  it('makes each case file differ from its valid base in one place', () => {
    for (const c of CASES) {
      if (!c.input || !c.base || c.input === c.base) continue;
      const a = readFileSync(join(FIXTURES, c.base));
      const b = readFileSync(join(FIXTURES, c.input));
      let start = 0;
      while (start < a.length && start < b.length && a[start] === b[start]) start++;
      let end = 0;
      while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
      const removed = a.length - start - end;
      const added = b.length - start - end;
      expect(removed + added, `${c.id}: ${removed} bytes of ${c.base} replaced by ${added}`).toBeGreaterThan(0);
      expect(removed, `${c.id}: ${removed} bytes of ${c.base} changed`).toBeLessThanOrEqual(200);
      expect(added, `${c.id}: ${added} bytes added to ${c.base}`).toBeLessThanOrEqual(600);
    }
  });

  it('has a --base case for every prefix of the JSON-LD context (a base whose scheme is that prefix)', () => {
    const context = jsonldContext(DEFAULT_BASE)['@context'] as Record<string, unknown>;
    const prefixes = Object.entries(context).filter(([, v]) => typeof v === 'string' && /[/#]$/.test(v)).map(([k]) => k).sort();
    expect(prefixes.length).toBeGreaterThan(10);
    const covered = CASES.filter((c) => c.id.startsWith('opt-base-context-prefix-')).map((c) => c.id.slice('opt-base-context-prefix-'.length)).sort();
    expect(covered).toEqual(prefixes);
  });
});

/** The title of one run's test: what it must give. */
function title(c: Case, command: Command): string {
  const [exit, ...words] = c.expect[command]!;
  const writes = exit === 0 && (command === 'export' || command === 'import');
  return `kg ${command}: exit ${exit}${words.length ? `, saying ${words.map(showWord).join(', ')}` : ''}; no stack trace; ${writes ? 'writes its output' : 'nothing written'}`;
}

describe.each(CASES)('$id', (c: Case) => {
  it.each(COMMANDS.filter((k) => c.expect[k]).map((command) => ({ command, name: title(c, command) })))('$name', async ({ command }: { command: Command }) => {
    const [exit, ...words] = c.expect[command]!;
    const run = runs.get(`${c.id} ${command}`);
    expect(run, `${BUILT} is missing: build with npx tsc -p tsconfig.json`).toBeDefined();
    const o = await run!;
    const report = `${c.note}\n${shown(o)}`;
    expect(o.hung, `kg did not finish within a minute and was killed\n${report}`).toBe(false);
    expect(o.code, report).toBe(exit);
    const message = `${o.stdout}\n${o.stderr}`;
    const missing = words.filter((w: Word) => !holds(message, w, o.input, o.out)).map(showWord);
    expect(missing, `the message lacks these key words\n${report}`).toEqual([]);
    expect(message.split('\n').filter((l) => /^\s{4}at /.test(l)), `a stack trace\n${report}`).toEqual([]);
    if (!(exit === 0 && (command === 'export' || command === 'import'))) {
      expect(changes(o.before, o.after), `the output folder changed\n${report}`).toEqual([]);
      return;
    }
    // An accepted run wrote its output, and left no temporary file beside it.
    expect(changes(o.before, o.after).filter((n) => /\.tmp\b|\.kg-|staging|journal|lock/i.test(n)), `temporary files left\n${report}`).toEqual([]);
    if (command === 'import') expect(changes(o.before, o.after), report).toContain('changed imported.json');
    for (const [file, texts] of Object.entries(c.wrote ?? {})) {
      const text = o.wrote[file];
      expect(text, `${file} was not written\n${report}`).toBeDefined();
      for (const t of texts) expect(text, `${file} lacks ${JSON.stringify(t)}\n${report}`).toContain(t);
    }
  });
});

describe('after every run', () => {
  it('the corpus folder itself is unchanged (no file written beside an input)', async () => {
    await Promise.allSettled(runs.values());
    expect(changes(FIXTURES_BEFORE, snapshot(FIXTURES))).toEqual([]);
  });
});
