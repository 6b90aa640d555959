// The progress line: on a terminal's stderr only, never under CI, never on stdout; rewritten in place with \r.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { duration, progress, type ProgressStream } from '../src/cli/progress.js';
import { projectPath } from '../src/project.js';
import { runCli } from './helpers.js';

/** A fake terminal: isTTY and a write spy. */
function fakeTty(isTTY = true): ProgressStream & { write: ReturnType<typeof vi.fn<(chunk: string) => boolean>> } {
  return { isTTY, write: vi.fn<(chunk: string) => boolean>(() => true) };
}

describe('progress', () => {
  it('writes \\r lines, at most one per interval unless forced, padded over a longer line, and a final newline', () => {
    const stream = fakeTty();
    let t = 0;
    const line = progress({ stream, env: {}, intervalMs: 100, now: () => t });
    expect(line.active).toBe(true);
    line.update('parsing, 65536 triples');
    t = 50;
    line.update('parsing, 131072 triples'); // too soon: skipped
    line.update('SHACL', true);
    t = 500;
    line.update('done');
    line.done();
    line.done(); // once
    expect(stream.write.mock.calls.map((c) => c[0])).toEqual([
      '\rparsing, 65536 triples',
      `\rSHACL${' '.repeat(17)}`,
      '\rdone ',
      '\n',
    ]);
  });

  it('blanks its line for a message, and shows again on the next update', () => {
    const stream = fakeTty();
    const line = progress({ stream, env: {} });
    line.update('graph 1/2');
    line.clear();
    line.update('graph 2/2');
    line.clear();
    line.done(); // nothing shown: no newline
    expect(stream.write.mock.calls.map((c) => c[0])).toEqual(['\rgraph 1/2', `\r${' '.repeat(9)}\r`, '\rgraph 2/2', `\r${' '.repeat(9)}\r`]);
  });

  it.each([
    ['not a terminal', fakeTty(false), {}],
    ['a terminal under CI', fakeTty(true), { CI: 'true' }],
  ])('writes nothing to %s', (_name, stream, env) => {
    const line = progress({ stream, env });
    expect(line.active).toBe(false);
    line.update('x', true);
    line.clear();
    line.done();
    expect(stream.write).not.toHaveBeenCalled();
  });

  it('gives an ETA in seconds or minutes', () => {
    expect([duration(4.4), duration(125), duration(-1)]).toEqual(['4 s', '2 min 5 s', '0 s']);
  });
});

describe('the commands that show progress', () => {
  const article = projectPath('output/article-000.ttl');
  const isTTY = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
  afterEach(() => {
    if (isTTY) Object.defineProperty(process.stderr, 'isTTY', isTTY);
    else delete (process.stderr as { isTTY?: boolean }).isTTY;
    vi.unstubAllEnvs();
  });

  it.each([
    [['validate', article]],
    [['query', '-q', 'ASK { ?s ?p ?o }', '-d', article]],
  ])('kg %j writes nothing to stderr when it is not a terminal', async (args) => {
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
    const r = await runCli(args);
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  it.each([
    [['validate', article], ['parsing', 'decoding', 'SHACL']],
    [['query', '-q', 'ASK { ?s ?p ?o }', '-d', article], ['loading 1/1', 'running the query']],
  ])('kg %j shows its steps on a terminal\'s stderr, never on stdout, and leaves the line blank', async (args, steps) => {
    const quiet = await runCli(args);
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    vi.stubEnv('CI', '');
    const r = await runCli(args);
    expect([r.code, r.stdout]).toEqual([0, quiet.stdout]);
    for (const s of steps) expect(r.stderr).toContain(s);
    expect(r.stderr.startsWith('\r')).toBe(true);
    expect(r.stderr).toMatch(/\r *\r$/);
    vi.stubEnv('CI', 'true');
    expect((await runCli(args)).stderr).toBe('');
  });
});
