// The CLI's shared rules: "-" is standard input where a command reads one file (and is refused where it makes no
// sense), options outside their command's mode are usage errors, and one exit-code policy with one-line file errors.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../src/project.js';
import { kitchenSink } from './fixtures/kitchen-sink.js';
import { runCli } from './helpers.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'kg-modes-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article = projectPath('output/article-000.ttl');
const CLI = projectPath('dist/src/cli.js');

/** Runs the built `kg` in `dir` with the given standard input (through bash when the command line needs a shell). */
function kg(args: readonly string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('"-" is standard input', () => {
  const turtle = (): string => readFileSync(article, 'utf8');

  it.each([
    [['validate', '-'], /^<stdin>: valid \(\d+ triples, \d+ entities\)\n$/],
    [['validate', '/dev/stdin'], /^<stdin>: valid \(\d+ triples, \d+ entities\)\n$/],
    [['validate', '-', '--input-format', 'ttl', '--format', 'json'], /"file": "<stdin>"/],
    [['roundtrip', '-', '--dataset', 'article-000'], /^<stdin>: the same triples in the same order/],
  ])('kg %j reads the export from stdin and exits 0', (args, out) => {
    const r = kg(args, turtle());
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(out);
  });

  it('kg import - reads Turtle from stdin into the same entities as the file', () => {
    const fromStdin = kg(['import', '-'], turtle());
    const fromFile = kg(['import', article]);
    expect([fromStdin.code, fromFile.code]).toEqual([0, 0]);
    const a = JSON.parse(fromStdin.stdout) as { entities: unknown[] };
    const b = JSON.parse(fromFile.stdout) as { entities: unknown[] };
    expect(a.entities).toEqual(b.entities);
  });

  it('reads N-Triples from stdin with --input-format nt, and reports syntax errors as <stdin>:line:column', () => {
    expect(kg(['validate', '-', '--input-format', 'nt'], '<http://a> <http://b> <http://c> .\n').stdout).toMatch(/^<stdin>: invalid /);
    const bad = kg(['validate', '-'], '<http://a> <http://b> "x"@123 .\n');
    expect([bad.code, bad.stdout]).toEqual([2, '<stdin>:1:26: Unexpected "@123"\n']);
  });

  it('reads a JSON dataset from stdin with kg export --input -', () => {
    const r = kg(['export', '--input', '-', '--out', '-'], JSON.stringify(kitchenSink));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('@prefix');
  });
});

describe('usage errors (exit 2) naming the option', () => {
  it.each([
    [['export', '--synthetic', '2', '--out', '-'], ['--out -', '--synthetic', 'folder']],
    [['docs', '--out', '-'], ['--out -', 'folder']],
    [['export', '--split-size', '5'], ['--split-size only applies with --synthetic']],
    [['export', '--seed', '3'], ['--seed only applies with --synthetic']],
    [['export', '--synthetic', '2', '--input', 'x.json'], ['--input does not apply with --synthetic']],
    [['roundtrip', 'x.nt', '--seed', '2'], ['--seed only applies with --synthetic']],
    [['roundtrip', '-'], ['kg roundtrip -', '--dataset', '--input']],
    [['roundtrip', '-', '--input', '-'], ['standard input', 'only once']],
    [['validate', '-', '-'], ['standard input', 'only once']],
    [['export', '--input', '-', '-', '--out', '-'], ['standard input', 'only once']],
    [['push', '--endpoint', 'http://127.0.0.1:1', '--format', 'turtle', '--chunk-bytes', '10'], ['--chunk-bytes does not apply with --format turtle']],
    [['import', 'README.md'], ['unknown RDF format "md"']],
  ])('kg %j exits 2 saying %j, and writes nothing', async (args, words) => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await runCli(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      for (const w of words) expect(r.stderr).toContain(w);
      expect(existsSync(join(dir, '-'))).toBe(false);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('one exit-code policy: a missing file or folder is 2, in one line, in every command', () => {
  it.each([
    [['import', 'missing.ttl'], 'kg: cannot read missing.ttl: no such file (ENOENT)'],
    [['export', '--input', 'missing.json', '--out', 'out'], 'kg: cannot read the dataset missing.json: no such file (ENOENT)'],
    [['query', '-q', 'ASK {}', '--data', 'missing.ttl'], 'kg: cannot read missing.ttl: no such file (ENOENT)'],
    [['query', '-q', 'ASK {}'], 'kg: cannot read the export folder {dir}/output: no such file (ENOENT)'],
    [['query', 'missing.rq'], 'kg: cannot read the query missing.rq: no such file (ENOENT)'],
    [['roundtrip', 'missing.nt'], 'kg: cannot read missing.nt: no such file (ENOENT)'],
    [['roundtrip', 'x.nt', '--input', 'missing.json'], 'kg: cannot read the dataset missing.json: no such file (ENOENT)'],
    [['push', '--endpoint', 'http://127.0.0.1:1', 'missing.nt'], 'kg push: cannot read missing.nt: no such file (ENOENT)'],
  ])('kg %j exits 2 with %s', async (args, message) => {
    writeFileSync(join(dir, 'x.nt'), '');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message.replace('{dir}', dir));
      expect(r.stderr).not.toContain('field (file)');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      process.chdir(cwd);
    }
  });

  it('kg validate of a missing file exits 2 (its report names the file)', async () => {
    const r = await runCli(['validate', join(dir, 'missing.ttl')]);
    expect([r.code, r.stdout]).toEqual([2, `${join(dir, 'missing.ttl')}: cannot read: no such file\n`]);
  });

  it('kg push exits 3 when the store cannot be reached', async () => {
    const r = await runCli(['push', '--endpoint', 'http://127.0.0.1:1', '--retries', '0', article]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('connection refused');
  });

  it('prints no ANSI colour codes', async () => {
    const r = await runCli(['validate', article, join(dir, 'missing.ttl')]);
    expect(r.stdout + r.stderr).not.toMatch(/\u001b\[/);
  });
});
