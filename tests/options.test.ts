// The option table: every option with a parser takes a good value and refuses a bad one through the CLI (exit 2,
// naming the option and what it allows); the types actions receive come from the table; lists kept in step.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { COMMANDS, EXPORT_FORMATS, INPUT_FORMAT_NAMES, longFlag, QUERY_FORMATS, type CommandSpec, type CommandValues, type OptionSpec } from '../src/cli/options.js';
import { FORMATS } from '../src/rdf/formats.js';
import { INPUT_FORMATS } from '../src/rdf/read.js';
import { GRAPH_FORMATS, RESULT_FORMATS } from '../src/commands/query.js';
import { DEFAULT_CHUNK_BYTES, DEFAULT_GSP_PATH, DEFAULT_RETRIES, DEFAULT_SPARQL_PATH, DEFAULT_TIMEOUT_MS } from '../src/commands/push.js';
import { runCli } from './helpers.js';

const commands: readonly CommandSpec[] = COMMANDS;
/** Every option with a parser, with its command. */
const parsed = commands.flatMap((c) => c.options.filter((o) => o.parse).map((o) => [c.name, longFlag(o), o] as const));

/** A value the option takes, and one it refuses. */
function samples(o: OptionSpec): { good: string; bad: string } {
  if (o.type === 'number') return { good: String(o.min), bad: String((o.min ?? 0) - 1) };
  if (o.choices) return { good: o.choices[0] ?? '', bad: 'no-such-value' };
  throw new Error(`no samples for ${o.flags}`);
}

/** What the message of a refused value must name: the option and each allowed value (or the least whole number). */
function allowedWords(o: OptionSpec): string[] {
  return o.type === 'number' ? ['whole number', `at least ${o.min}`] : [...(o.choices ?? [])];
}

describe('every option with a parser', () => {
  it('covers the numbers and choices of the table', () => {
    expect(parsed.length).toBeGreaterThanOrEqual(15);
    for (const c of commands) for (const o of c.options) if (o.type === 'number' || o.type === 'choice') expect(o.parse, `${c.name} ${o.flags}`).toBeDefined();
  });

  // `--help` last: the value is parsed, then help is shown instead of running the command (exit 0).
  it.each(parsed)('kg %s %s takes a good value', async (command, flag, o) => {
    const r = await runCli([command, flag, samples(o).good, '--help']);
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  it.each(parsed)('kg %s %s refuses a bad value with exit 2, naming the option and what it allows', async (command, flag, o) => {
    const r = await runCli([command, flag, samples(o).bad, '--help']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^kg: ${flag} must be `));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    for (const w of allowedWords(o)) expect(r.stderr).toContain(w);
  });

  it.each(parsed.filter(([, , o]) => o.type === 'number'))('kg %s %s refuses what is not a whole number', async (command, flag) => {
    for (const bad of ['x', '1.5', '', '1e3']) {
      const r = await runCli([command, flag, bad, '--help']);
      expect([r.code, r.stderr], bad).toEqual([2, `kg: ${flag} must be a whole number of at least ${parsed.find(([c, f]) => c === command && f === flag)?.[2].min}, not ${JSON.stringify(bad)}\n`]);
    }
  });

  it.each(commands.flatMap((c) => c.options.filter((o) => o.parse && o.default !== undefined).map((o) => [c.name, o.flags, o] as const)))(
    'kg %s %s has a default its own parser gives back', (_command, _flags, o) => {
      const raw = Array.isArray(o.default) ? o.default.join(',') : String(o.default);
      expect(o.parse?.(raw, undefined)).toEqual(o.default);
    });
});

describe('parsers', () => {
  const option = (command: string, flag: string): OptionSpec => {
    const o = commands.find((c) => c.name === command)?.options.find((x) => longFlag(x) === flag);
    if (!o?.parse) throw new Error(`no parser for ${command} ${flag}`);
    return o;
  };

  it('gives numbers as numbers', () => {
    expect(option('push', '--retries').parse?.('0', undefined)).toBe(0);
    expect(option('validate', '--shacl-max-triples').parse?.('250000', undefined)).toBe(250_000);
  });

  it('collects a list of formats, comma- or space-separated, "all" for every one, each once', () => {
    const format = option('export', '--format');
    expect(format.parse?.('turtle,ntriples', undefined)).toEqual(['turtle', 'ntriples']);
    expect(format.parse?.('nquads', ['turtle'])).toEqual(['turtle', 'nquads']);
    expect(format.parse?.('turtle,all', undefined)).toEqual([...EXPORT_FORMATS]);
    expect(format.parse?.('nt,TTL,n-quads,json-ld', undefined)).toEqual(['ntriples', 'turtle', 'nquads', 'jsonld']);
  });

  it('reads --input-format in any case', () => {
    expect(option('validate', '--input-format').parse?.('TTL', undefined)).toBe('ttl');
  });
});

describe('the types actions receive come from the table', () => {
  it('types each option by its kind, optional unless it has a default', () => {
    expectTypeOf<CommandValues<'push'>['retries']>().toEqualTypeOf<number>();
    expectTypeOf<CommandValues<'push'>['format']>().toEqualTypeOf<'ntriples' | 'turtle'>();
    expectTypeOf<CommandValues<'push'>['endpoint']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CommandValues<'push'>['verbose']>().toEqualTypeOf<true | undefined>();
    expectTypeOf<CommandValues<'push'>['args']>().toEqualTypeOf<string[]>();
    expectTypeOf<CommandValues<'export'>['format']>().toEqualTypeOf<('turtle' | 'ntriples' | 'nquads' | 'trig' | 'jsonld')[]>();
    expectTypeOf<CommandValues<'export'>['synthetic']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CommandValues<'export'>['splitSize']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CommandValues<'validate'>['shaclMaxTriples']>().toEqualTypeOf<number>();
    expectTypeOf<CommandValues<'validate'>['format']>().toEqualTypeOf<'text' | 'json' | 'turtle'>();
    expectTypeOf<CommandValues<'validate'>['args']>().toEqualTypeOf<string[]>();
    expectTypeOf<CommandValues<'query'>['args']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CommandValues<'query'>['data']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<CommandValues<'import'>['args']>().toEqualTypeOf<string>();
    expectTypeOf<CommandValues<'roundtrip'>['inputFormat']>().toEqualTypeOf<(typeof INPUT_FORMAT_NAMES)[number] | undefined>();
    expectTypeOf<CommandValues<'ontology'>>().not.toHaveProperty('args');
    expectTypeOf<CommandValues<'docs'>>().not.toHaveProperty('format');
  });
});

describe('the lists of values the table keeps in step with the library', () => {
  it('names the formats the library knows', () => {
    expect([...EXPORT_FORMATS]).toEqual(Object.keys(FORMATS));
    expect([...INPUT_FORMAT_NAMES].sort()).toEqual(Object.keys(INPUT_FORMATS).sort());
    expect([...QUERY_FORMATS]).toEqual([...RESULT_FORMATS, ...GRAPH_FORMATS]);
  });

  it('gives kg push the defaults of the push library', () => {
    const push = commands.find((c) => c.name === 'push');
    const dflt = (flag: string): unknown => push?.options.find((o) => longFlag(o) === flag)?.default;
    expect([dflt('--chunk-bytes'), dflt('--timeout-ms'), dflt('--retries'), dflt('--gsp-path'), dflt('--sparql-path')])
      .toEqual([DEFAULT_CHUNK_BYTES, DEFAULT_TIMEOUT_MS, DEFAULT_RETRIES, DEFAULT_GSP_PATH, DEFAULT_SPARQL_PATH]);
  });
});
