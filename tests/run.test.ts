// The runners of src/commands/run/ are plain functions of their typed values and an Io: called here directly, with
// fake sinks, a temporary folder as cwd and an empty environment, and never touching process.stdout or stderr.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../src/errors.js';
import { coverage, formatCoverage, hasGaps } from '../src/commands/coverage.js';
import { ARTICLES } from '../src/data/index.js';
import type { Io } from '../src/commands/run/io.js';
import { runCoverage } from '../src/commands/run/coverage.js';
import { runOntology } from '../src/commands/run/ontology.js';

/** An Io writing into strings, in a folder of its own, with no environment and an empty standard input. */
function fakeIo(cwd: string, isTTY = false): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => { out += chunk; return true; } },
    stderr: { isTTY, write: (chunk: string) => { err += chunk; return true; } },
    stdin: Readable.from([]),
    cwd,
    env: {},
    out: () => out,
    err: () => err,
  };
}

let dir = '';
let processOut: ReturnType<typeof vi.spyOn>;
let processErr: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-run-'));
  processOut = vi.spyOn(process.stdout, 'write');
  processErr = vi.spyOn(process.stderr, 'write');
});
afterEach(() => {
  // Nothing a runner does goes to the process's own streams.
  expect(processOut).not.toHaveBeenCalled();
  expect(processErr).not.toHaveBeenCalled();
  processOut.mockRestore();
  processErr.mockRestore();
  rmSync(dir, { recursive: true, force: true });
});

describe('runOntology', () => {
  it('writes the ontology and shapes into a folder relative to io.cwd, naming them on io.stderr', async () => {
    const io = fakeIo(dir);
    expect(await runOntology({ out: 'onto' }, io)).toBeUndefined();
    const files = [join(dir, 'onto', 'news-kg.ttl'), join(dir, 'onto', 'shapes.ttl')];
    expect([io.out(), io.err()]).toEqual(['', files.map((f) => `wrote ${f}\n`).join('')]);
    const toStdout = fakeIo(dir);
    await runOntology({ out: '-' }, toStdout);
    expect(toStdout.err()).toBe('');
    expect(toStdout.out()).toContain('@prefix ');
    expect(readFileSync(files[0] ?? '', 'utf8')).toBe(toStdout.out());
    expect(readFileSync(files[1] ?? '', 'utf8')).toContain('sh:NodeShape');
  });

  it('throws a UsageError for an empty --out (main maps it to exit 2)', async () => {
    await expect(runOntology({ out: ' ' }, fakeIo(dir))).rejects.toThrow(new UsageError('--out needs a folder (or "-" for stdout)'));
  });
});

describe('runCoverage', () => {
  const first = ARTICLES[0];

  it('prints the report of the named article on io.stdout and returns its exit code', async () => {
    if (!first) throw new Error('no articles');
    const io = fakeIo(dir, true);
    const code = await runCoverage({ args: [first.name] }, io);
    const report = coverage(first);
    expect(io.out()).toBe(formatCoverage([report]));
    expect(io.err()).toBe('');
    expect(code).toBe(hasGaps(report) ? 1 : 0);
  });

  it('throws a UsageError for an unknown article, naming it', async () => {
    await expect(runCoverage({ args: ['article-999'] }, fakeIo(dir))).rejects.toThrow(UsageError);
    await expect(runCoverage({ args: ['article-999'] }, fakeIo(dir))).rejects.toThrow(/"article-999"/);
  });
});
