// The `kg` command line: help, version, exit codes, stdout/stderr, and the README's reference kept in step with the option table.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliReference, COMMANDS } from '../src/cli/options.js';
import { PACKAGE, projectPath } from '../src/project.js';
import { kitchenSink } from './fixtures/kitchen-sink.js';
import { DATASETS } from '../src/data/index.js';
import { parseTurtle, runCli } from './helpers.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'kg-cli-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('kg', () => {
  it('prints its version and exits 0', async () => {
    const r = await runCli(['--version']);
    expect([r.code, r.stdout.trim()]).toEqual([0, PACKAGE.version]);
  });

  it('prints help listing every command and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(c.name);
  });

  it('prints the options of export in its help', async () => {
    const r = await runCli(['export', '--help']);
    expect(r.code).toBe(0);
    for (const o of COMMANDS.find((c) => c.name === 'export')?.options ?? []) expect(r.stdout).toContain(o.flags);
  });

  it.each([
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['export', '--colour'], "unknown option '--colour'"],
    [['export', '--base'], "option '-b, --base <iri>' argument missing"],
    [[], 'Usage: kg'],
  ])('exits 2 on the usage error %j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it.each([
    [['push'], 2, 'kg: kg push needs --endpoint URL'],
    [['push', '--endpoint', 'http://127.0.0.1:1', '--replace', '--append'], 2, 'kg: --replace and --append exclude each other'],
    [['push', '--endpoint', 'http://127.0.0.1:1', '--format', 'jsonld'], 2, 'kg: --format must be ntriples or turtle, not "jsonld"'],
    [['push', '--endpoint', 'http://127.0.0.1:1', '--retries', '0'], 3, 'kg push: PUT http://127.0.0.1:1/sparql-graph-crud-auth: connection refused (is the store running?)'],
  ])('kg push %j exits %i with a clear message', async (args, code, message) => {
    const r = await runCli(args);
    expect([r.code, r.stderr.trim()]).toEqual([code, message]);
  });

  it('exits 2 on an empty --out', async () => {
    const r = await runCli(['export', '--out', '']);
    expect([r.code, r.stderr]).toEqual([2, 'kg: --out needs a folder (or "-" for stdout)\n']);
  });

  it('exits 2 on a base IRI that is not valid, and writes nothing', async () => {
    const r = await runCli(['export', '--out', dir, '--base', 'no base']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kg: base IRI "no base" (--base) is not a valid absolute IRI (RFC 3987): scheme: has no scheme: an absolute IRI starts with a scheme and ":" (e.g. "https:")\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exports into a folder, reporting on stderr only', async () => {
    const r = await runCli(['export', '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const datasets = DATASETS.map((d) => `${d.name}.ttl`);
    expect(datasets).toContain('entities.ttl');
    for (const f of datasets) expect(r.stderr).toContain(`wrote ${join(dir, f)}`);
    expect(readdirSync(dir).sort()).toEqual([...datasets, 'news-kg.ttl', 'void.ttl'].sort());
  });

  it('exports to stdout with --out -, with the base it is given', async () => {
    const r = await runCli(['export', '--out', '-', '--base', 'http://example.org/kg/']);
    expect(r.code).toBe(0);
    const quads = parseTurtle(r.stdout);
    expect(quads.some((q) => q.subject.value === 'http://example.org/kg/person/sergey-lavrov')).toBe(true);
    expect(quads.every((q) => !q.subject.value.startsWith('https://w3id.org/news-kg/id/'))).toBe(true);
  });

  it('exports a JSON dataset given with --input', async () => {
    const input = join(dir, 'sink.json');
    writeFileSync(input, JSON.stringify(kitchenSink));
    const r = await runCli(['export', '--input', input, '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['kitchen-sink.ttl', 'news-kg.ttl', 'void.ttl']);
  });

  describe('leaves the folder and its description (void.ttl) consistent when it exports fewer formats', () => {
    /** The file names void.ttl lists as distributions. */
    const listed = (folder: string): string[] => parseTurtle(readFileSync(join(folder, 'void.ttl'), 'utf8'))
      .filter((q) => q.predicate.value === 'http://purl.org/dc/terms/identifier').map((q) => q.object.value).sort();
    /** Every file of the folder and its bytes. */
    const snapshot = (folder: string): Record<string, string> => Object.fromEntries(readdirSync(folder).sort().map((f) => [f, readFileSync(join(folder, f), 'utf8')]));

    it('changes nothing on a Turtle-only export after an export of every format', async () => {
      const out = join(dir, 'out');
      expect((await runCli(['export', '--out', out, '--format', 'all'])).code).toBe(0);
      const before = snapshot(out);
      expect(listed(out)).toEqual(DATASETS.flatMap((d) => ['jsonld', 'nq', 'nt', 'trig', 'ttl'].map((e) => `${d.name}.${e}`)).sort());
      expect((await runCli(['export', '--out', out])).code).toBe(0);
      expect(snapshot(out)).toEqual(before);
      for (const f of listed(out)) expect(statSync(join(out, f)).isFile(), f).toBe(true);
    });

    it('rewrites a file of another format whose dataset changed, and lists it', async () => {
      const input = join(dir, 'sink.json');
      const out = join(dir, 'out');
      writeFileSync(input, JSON.stringify(kitchenSink));
      expect((await runCli(['export', '--input', input, '--out', out, '--format', 'turtle,ntriples'])).code).toBe(0);
      const changed = { ...kitchenSink, entities: kitchenSink.entities.map((e) => (e.id === kitchenSink.entities[0]?.id ? { ...e, label: [{ value: 'A changed label', lang: 'en' }] } : e)) };
      writeFileSync(input, JSON.stringify(changed));
      const r = await runCli(['export', '--input', input, '--out', out]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`wrote ${join(out, 'kitchen-sink.nt')}`);
      expect(readFileSync(join(out, 'kitchen-sink.nt'), 'utf8')).toContain('"A changed label"@en');
      expect(listed(out)).toEqual(['kitchen-sink.nt', 'kitchen-sink.ttl']);
    });

    it('does not list the files of a dataset that is no longer exported, nor touch them', async () => {
      const input = join(dir, 'sink.json');
      const out = join(dir, 'out');
      writeFileSync(input, JSON.stringify(kitchenSink));
      expect((await runCli(['export', '--input', input, '--out', out, '--format', 'all'])).code).toBe(0);
      const stale = readFileSync(join(out, 'kitchen-sink.nt'), 'utf8');
      writeFileSync(input, JSON.stringify({ ...kitchenSink, name: 'renamed' }));
      expect((await runCli(['export', '--input', input, '--out', out])).code).toBe(0);
      expect(listed(out)).toEqual(['renamed.ttl']);
      expect(readFileSync(join(out, 'kitchen-sink.nt'), 'utf8')).toBe(stale);
    });
  });

  it('exits 2 on a missing --input file, with one line naming it', async () => {
    const input = join(dir, 'missing.json');
    const r = await runCli(['export', '--input', input, '--out', join(dir, 'out')]);
    expect([r.code, r.stderr]).toEqual([2, `kg: cannot read the dataset ${input}: no such file (ENOENT)\n`]);
  });

  it.each([
    ['array.json', '[]', 'expected an object { name, title, entities }'],
  ])('exits 1 on the bad input file %s', async (name, content, message) => {
    const input = join(dir, name);
    if (content !== null) writeFileSync(input, content);
    const r = await runCli(['export', '--input', input, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`entity ${input}, field (file): ${message}`);
  });

  it('writes the ontology to stdout with kg ontology --out -', async () => {
    const r = await runCli(['ontology', '--out', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(projectPath('ontology/news-kg.ttl'), 'utf8'));
  });
});

describe('the kg program', () => {
  it('runs when started through a symbolic link, as npm installs bins', () => {
    const link = join(dir, 'kg');
    symlinkSync(projectPath('dist/src/cli.js'), link);
    const r = spawnSync(process.execPath, [link, '--version'], { encoding: 'utf8' });
    expect([r.status, r.stdout.trim()]).toEqual([0, PACKAGE.version]);
  });
});

describe('the README', () => {
  const readme = readFileSync(projectPath('README.md'), 'utf8');

  it('begins with the two commands: set up and export, then test', () => {
    const commands = [...readme.matchAll(/^```(?:sh|bash)\n([\s\S]*?)```/gm)].map((m) => m[1]?.trim());
    expect(commands.slice(0, 2)).toEqual(['npm install && npm run export', 'npm test']);
    expect(readme.indexOf('npm install && npm run export')).toBeLessThan(600);
  });

  it('holds the CLI reference generated from the option table', () => {
    const block = /<!-- cli-reference:start -->\n([\s\S]*?)\n<!-- cli-reference:end -->/.exec(readme)?.[1];
    expect(block, 'README CLI reference is stale: paste the output of cliReference()').toBe(cliReference());
  });

  it('ends quietly with exit 0 when its reader goes away (EPIPE), as `kg export -o - | head -1` does', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(projectPath('dist/src/cli.js'))} export -o - --format ntriples | head -c 10 >/dev/null`], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it('is built as an executable file, so `npx kg` and `npm link` can run it', () => {
    expect(statSync(projectPath('dist/src/cli.js')).mode & 0o111).not.toBe(0);
    expect(readFileSync(projectPath('dist/src/cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('is what .ci/run runs first, in a lone clone: the first two sh blocks of this README', () => {
    expect(readFileSync(projectPath('.ci/run'), 'utf8')).toMatch(/^set -euo pipefail\ncd .*\nbash scripts\/lone-clone\.sh$/m);
    const script = readFileSync(projectPath('scripts/lone-clone.sh'), 'utf8');
    expect(script).toContain('git clone');
    expect(script).toMatch(/awk '\/\^```sh\$\/.*README\.md \| head -n 2/);
  });
});
