// The one table of CLI commands and options: each option's type, allowed values, parser and typed default, and the
// types of the values each command's runner receives (CommandValues). Below the command line (src/cli/options.ts
// re-exports it, and adds help and the README's reference), so that the runners of src/commands/run/ can use its types.
import { UsageError } from '../../errors.js';
import { FORMAT_ALIASES } from '../../rdf/format-registry.js';
import { DEFAULT_BASE } from '../../model/vocab.js';

/** What kind of value an option takes. */
export type OptionType = 'string' | 'path' | 'number' | 'boolean' | 'choice' | 'list';

/** One option of a command; `T` is the type of its value once parsed. */
export interface OptionSpec<T = unknown> {
  readonly flags: string;
  readonly description: string;
  readonly type: OptionType;
  /** The value when the option is not given (typed: a number for a number option). */
  readonly default?: T;
  /** The values allowed (a choice, or each item of a list). */
  readonly choices?: readonly string[];
  /** The least value of a whole-number option. */
  readonly min?: number;
  /**
   * Turns one raw value from the command line into the typed value (for a list, added to the values so far); throws
   * a UsageError naming the option and what is allowed. Options without one take the raw string.
   */
  parse?(raw: string, previous: T | undefined): T;
  /** Whether the option may be given several times, anywhere on the line (`-d a -d b`): its values are collected in order. */
  readonly repeatable?: boolean;
  /** The long flag of the mode this option belongs to (`--synthetic`): given without it, the option is a usage error. */
  readonly onlyWith?: string;
  /** Long flags of modes this option does not apply to: given together, they are a usage error. */
  readonly notWith?: readonly string[];
}

/** An option whose flags and value type are known to the compiler; `D` says whether it always has a value (a default). */
export interface Opt<F extends string, T, D extends boolean> extends OptionSpec<T> {
  readonly flags: F;
  /** Phantom fields carrying the types; never set. */
  readonly __value?: T;
  readonly __defaulted?: D;
}

/** One command: its name, arguments, summary and options. */
export interface CommandSpec {
  readonly name: string;
  readonly args?: string;
  readonly summary: string;
  readonly options: readonly OptionSpec<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Extra fields of an option (everything but flags, description, type and parser). */
type Extra = Pick<OptionSpec, 'repeatable' | 'onlyWith' | 'notWith'>;

/** The long flag of a flags string (`--split-size` of `--split-size <n>`). */
function long(flags: string): string {
  return /--[a-z][a-z-]*/.exec(flags)?.[0] ?? flags;
}

/** "a, b or c". */
function orList(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** A string option (no check). */
function str<const F extends string>(flags: F, description: string, extra: Extra & { default: string }): Opt<F, string, true>;
function str<const F extends string>(flags: F, description: string, extra?: Extra): Opt<F, string, false>;
function str(flags: string, description: string, extra: Extra & { default?: string } = {}): OptionSpec<string> {
  return { flags, description, type: 'string', ...extra };
}

/** A file or folder option (no check here: the command reads it). */
function path<const F extends string>(flags: F, description: string, extra: Extra & { default: string }): Opt<F, string, true>;
function path<const F extends string>(flags: F, description: string, extra?: Extra): Opt<F, string, false>;
function path(flags: string, description: string, extra: Extra & { default?: string } = {}): OptionSpec<string> {
  return { flags, description, type: 'path', ...extra };
}

/** A list of files, given as many values after the flag (`-i a.json b.json`) or by repeating it (`-d a -d b`). */
function paths<const F extends string>(flags: F, description: string, extra?: Extra): Opt<F, string[], false> {
  return { flags, description, type: 'list', ...extra };
}

/** A flag without a value. */
function flag<const F extends string>(flags: F, description: string, extra: Extra = {}): Opt<F, true, false> {
  return { flags, description, type: 'boolean', ...extra };
}

/** A whole number of at least `min`. */
function whole<const F extends string>(flags: F, description: string, extra: Extra & { min: number; default: number }): Opt<F, number, true>;
function whole<const F extends string>(flags: F, description: string, extra: Extra & { min: number }): Opt<F, number, false>;
function whole(flags: string, description: string, extra: Extra & { min: number; default?: number }): OptionSpec<number> {
  const { min } = extra;
  return {
    flags, description, type: 'number', ...extra,
    parse(raw) {
      const n = /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${long(flags)} must be a whole number of at least ${min}, not ${JSON.stringify(raw)}`);
      return n;
    },
  };
}

/** One of `choices` (compared without case when `ignoreCase`, and then given in lower case). */
function choice<const F extends string, const C extends readonly string[]>(flags: F, description: string, choices: C, extra: Extra & { ignoreCase?: boolean; default: C[number] }): Opt<F, C[number], true>;
function choice<const F extends string, const C extends readonly string[]>(flags: F, description: string, choices: C, extra?: Extra & { ignoreCase?: boolean }): Opt<F, C[number], false>;
function choice(flags: string, description: string, choices: readonly string[], extra: Extra & { ignoreCase?: boolean; default?: string } = {}): OptionSpec<string> {
  const { ignoreCase, ...rest } = extra;
  return {
    flags, description, type: 'choice', choices, ...rest,
    parse(raw) {
      const value = ignoreCase ? raw.toLowerCase() : raw;
      if (!choices.includes(value)) throw new UsageError(`${long(flags)} must be ${orList(choices)}, not ${JSON.stringify(raw)}`);
      return value;
    },
  };
}

/**
 * A list of `choices`, space- or comma-separated, the option given once or more; `all` (when given) stands for every
 * choice. Repeated values are kept once, in the order first given.
 */
function choices<const F extends string, const C extends readonly string[]>(flags: F, description: string, allowed: C, extra: Extra & { all?: boolean; aliases?: Readonly<Record<string, C[number]>>; default: C[number][] }): Opt<F, C[number][], true> {
  const { all, aliases, ...rest } = extra;
  const shown = all ? [...allowed, 'all'] : allowed;
  return {
    flags, description, type: 'list', choices: shown, ...rest,
    parse(raw, previous) {
      const out: C[number][] = [...(previous ?? [])];
      for (const given of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
        const v = aliases?.[given.toLowerCase()] ?? given;
        if (all && v === 'all') out.push(...allowed);
        else if ((allowed as readonly string[]).includes(v)) out.push(v);
        else throw new UsageError(`${long(flags)} must be ${orList(shown)} (several allowed), not ${JSON.stringify(v)}`);
      }
      return [...new Set(out)];
    },
  };
}

/** The --base option, described for one command. */
function baseOption(description: string): Opt<'-b, --base <iri>', string, true> {
  return str('-b, --base <iri>', description, { default: DEFAULT_BASE });
}

/** The formats `kg export` writes (the names of FORMATS in src/rdf/formats.ts; a test keeps them in step). */
export const EXPORT_FORMATS = ['turtle', 'ntriples', 'nquads', 'trig', 'jsonld'] as const;
/** The names --input-format takes (INPUT_FORMATS of src/commands/validate.ts; a test keeps them in step). */
export const INPUT_FORMAT_NAMES = ['ttl', 'turtle', 'nt', 'ntriples', 'n-triples', 'nq', 'nquads', 'n-quads', 'trig'] as const;
/** The output formats of `kg query` (RESULT_FORMATS then GRAPH_FORMATS of src/commands/query.ts; a test keeps them in step). */
export const QUERY_FORMATS = ['table', 'csv', 'tsv', 'json', 'ntriples', 'turtle'] as const;

/** The --input-format option. */
const inputFormat = () => choice('--input-format <format>', 'ttl, nt, nq or trig (or turtle, ntriples, n-triples, nquads, n-quads), overriding the file extension', INPUT_FORMAT_NAMES, { ignoreCase: true });

/** Every command of `kg`. */
export const COMMANDS = [
  {
    name: 'export',
    summary: 'Check every dataset, then write each as Turtle plus the ontology into the output folder (atomically).',
    options: [
      path('-o, --out <dir>', 'folder to write into; "-" writes the datasets\' Turtle to stdout instead (not with --synthetic, which streams into a folder)', { default: 'output' }),
      baseOption('base IRI under which entity IRIs are minted (must end with "/", no "#")'),
      choices('-f, --format <format...>', 'several allowed (space- or comma-separated; the aliases ttl, nt, n-triples, nq, n-quads, json-ld also work); N-Quads and TriG put each dataset in its own named graph <base>graph/<name>', EXPORT_FORMATS, { all: true, aliases: FORMAT_ALIASES, default: ['turtle'] }),
      paths('-i, --input <file...>', 'export these JSON datasets (`{ name, title, entities }`) instead of the built-in ones; "-" reads one from standard input', { notWith: ['--synthetic'] }),
      whole('--synthetic <n>', 'export a synthetic corpus of n generated articles (every class, tricky strings) instead, streaming, into --out (default ./synthetic)', { min: 1 }),
      whole('--seed <s>', 'seed of the synthetic corpus: the same seed gives the same bytes', { min: 0, default: 1, onlyWith: '--synthetic' }),
      whole('--split-size <n>', 'at most n triples per N-Triples / N-Quads file (name-00001.nt, …)', { min: 1, onlyWith: '--synthetic' }),
      whole('-j, --jobs <n>', 'worker threads rendering the synthetic corpus (default: the number of cores Node may use, or 1 below 400 articles); the files are byte-identical whatever n', { min: 1, onlyWith: '--synthetic' }),
      str('--shard <i/n>', 'export only shard i of n (0 ≤ i < n): the i-th of n contiguous runs of the synthetic corpus, with manifest.json (files, triples, bytes, SHA-256) for a bulk loader', { onlyWith: '--synthetic' }),
    ],
  },
  {
    name: 'query',
    args: '[file.rq]',
    summary: 'Run a SPARQL 1.1 query on the export in an embedded store (Oxigraph): print the rows of a SELECT or ASK query, or the graph of a CONSTRUCT or DESCRIBE query (N-Triples or Turtle). The query is read from the file, from standard input when the file is "-", or given with --query. Syntax errors are reported as file:line:column: message. Data files are read as kg validate reads them (UTF-8, a leading BOM skipped, syntax errors as file:line:column with exit 2, a file without triples refused), RDF-star / RDF 1.2 accepted.',
    options: [
      str('-q, --query <text>', 'the query itself, instead of a file'),
      paths('-d, --data <file>', 'RDF file to query (.ttl, .nt, .nq, .trig, or .jsonld, read as JSON-LD); repeat for several (`-d a.ttl -d b.nt`), before or after the query file; by default the Turtle of each dataset in ./output with the ontology (output/*.ttl except void.ttl), so that no graph is loaded twice', { repeatable: true }),
      choice('-f, --format <format>', 'for SELECT and ASK: table (the default), csv, tsv (SPARQL 1.1 TSV) or json (SPARQL 1.1 JSON results); for CONSTRUCT and DESCRIBE: ntriples (the default) or turtle', QUERY_FORMATS),
    ],
  },
  {
    name: 'validate',
    args: '<file...>',
    summary: 'Check RDF files: syntax (file:line:column), strict decoding into entities, the declarations\' rules, and SHACL. A file "-" (or /dev/stdin, or a pipe) is read from standard input, as Turtle (which N-Triples also is) unless --input-format says otherwise. Exit 0 valid, 1 invalid data, 2 a file could not be read or parsed.',
    options: [
      choice('-f, --format <format>', 'how to print the reports: text, json, or turtle (a SHACL sh:ValidationReport per file, its results as blank nodes; findings of the other steps as comments)', ['text', 'json', 'turtle'], { default: 'text' }),
      path('-s, --shapes <file>', 'SHACL shapes to use instead of ontology/shapes.ttl (Turtle)'),
      inputFormat(),
      baseOption('base IRI of the entities in the files'),
      whole('--shacl-max-triples <n>', 'largest file (in triples) validated in memory: by rdf-validate-shacl, for --shapes the streaming SHACL validator does not implement (the generated shapes are checked in a stream at any size), and a file whose entities\' triples are not together; larger ones are still decoded and checked entity by entity', { min: 0, default: 200_000 }),
      flag('--verbose', 'print a stack trace on internal errors'),
    ],
  },
  {
    name: 'import',
    args: '<file>',
    summary: 'Read RDF (our export, or a file edited by hand) back into typed entities as JSON, strictly; `kg export --input` of the result gives the same graph. The file "-" (or /dev/stdin) is standard input, read as Turtle unless --input-format says otherwise.',
    options: [
      path('-o, --out <file>', 'JSON file to write (atomically); "-" for stdout', { default: '-' }),
      baseOption('base IRI of the entities in the file'),
      inputFormat(),
    ],
  },
  {
    name: 'push',
    args: '[file...]',
    summary: 'Upload the export into named graphs of a triple store over the SPARQL 1.1 Graph Store HTTP Protocol (PUT replaces, POST appends), then count each graph through its SPARQL endpoint and ask it for the uploaded triples; exit 3 if either check fails. Credentials come from KG_PUSH_USER and KG_PUSH_PASSWORD (basic or digest auth). Files default to the datasets of the export, output/*.nt (or *.ttl with --format turtle): the shared entities and each article, each into its own graph.',
    options: [
      str('-e, --endpoint <url>', 'base URL of the store, e.g. http://127.0.0.1:8890 (never put credentials in it)'),
      str('-g, --graph <iri>', 'put every file into this one named graph; without it, each file goes into the graph of its dataset, <base>graph/<file name> (entities, article-000, …)'),
      flag('--replace', 'replace the graph (PUT, then POST for further chunks); the default'),
      flag('--append', 'add to the graph (POST); the count must then lie between the old count and old + new'),
      choice('-f, --format <format>', 'ntriples (streamed in chunks) or turtle (one request per file)', ['ntriples', 'turtle'], { default: 'ntriples' }),
      baseOption('base IRI of the export, for the default graph name'),
      str('--gsp-path <path>', 'path of the Graph Store service under the endpoint (Virtuoso: /sparql-graph-crud-auth; Fuseki: /<dataset>/data)', { default: '/sparql-graph-crud-auth' }),
      str('--sparql-path <path>', 'path of the SPARQL query service under the endpoint (Fuseki: /<dataset>/sparql)', { default: '/sparql' }),
      whole('--chunk-bytes <n>', 'largest request body cut from an N-Triples file (not with --format turtle, sent whole)', { min: 1, default: 8 * 1024 * 1024 }),
      whole('--timeout-ms <n>', 'give up a request after this long without progress', { min: 1, default: 60_000 }),
      whole('--retries <n>', 'how often a transient failure (5xx, reset, timeout) is retried, with backoff', { min: 0, default: 3 }),
      whole('--verify-sample <n>', 'after the count, ask the store for n triples of each graph chosen by a hash of the triple (default: every triple); 0 checks the count only', { min: 0 }),
      flag('--verbose', 'log each request on stderr'),
    ],
  },
  {
    name: 'roundtrip',
    args: '<file>',
    summary: 'Re-read an export (.ttl, .nt, .nq, .trig) and compare it as a set of triples, in bounded memory, with what the entities give now: a built-in dataset (--dataset, or by default the one named like the file), a JSON dataset (--input), or the synthetic corpus. Reports how many triples are missing and extra, and the first of each (sorted); exit 0 same, 1 different, 2 wrong usage (unknown dataset, a file that cannot be read). The file "-" is standard input (Turtle unless --input-format says otherwise) and needs --dataset, --input or --synthetic.',
    options: [
      str('-d, --dataset <name>', 'compare with this built-in dataset (entities, article-000, …) whatever the file is called'),
      path('-i, --input <file>', 'compare with this JSON dataset (`{ name, title, entities }`, as `kg export --input` reads)'),
      whole('--synthetic <n>', 'compare with the synthetic corpus of n articles', { min: 1 }),
      whole('--seed <s>', 'seed of the synthetic corpus', { min: 0, default: 1, onlyWith: '--synthetic' }),
      whole('-j, --jobs <n>', 'worker threads rendering the synthetic corpus to compare with (default: the number of cores Node may use, or 1 below 400 articles)', { min: 1, onlyWith: '--synthetic' }),
      inputFormat(),
      baseOption('base IRI the export was written with'),
    ],
  },
  {
    name: 'docs',
    summary: 'Write a static site (no server, no JavaScript) from the declarations and the export: the ontology reference, one page per entity, one page per article with every annotated span highlighted, and pictures of the graph and of the classes.',
    options: [
      path('-o, --out <dir>', 'folder to write the site into (not "-": a site is many files)', { default: 'site' }),
      baseOption('base IRI of the entities'),
    ],
  },
  {
    name: 'ontology',
    summary: 'Write the ontology (news-kg.ttl) and the SHACL shapes (shapes.ttl) generated from the class declarations into a folder.',
    options: [
      path('-o, --out <dir>', 'folder to write into; "-" writes the ontology alone to stdout', { default: 'ontology' }),
    ],
  },
  {
    name: 'coverage',
    args: '[name...]',
    summary: 'List, for each article (or the named ones), the body sentences that no fact or claim is stated in and the quoted passages that no claim quotes or is stated in. Runs on the built code: rebuild (npm run -s build) after editing an article. Exit 0 all covered, 1 something uncovered or an article module fails to load (the message names its line), 2 an unknown name.',
    options: [],
  },
  {
    name: 'new-article',
    args: '<source.txt>',
    summary: 'Start a new article: copy the text into src/data/sources/<NNN>_<sha256 prefix>.txt, write a skeleton module src/data/<name>.ts (the kit set up, its sentences listed) and register it in src/data/index.ts. Never overwrites anything.',
    options: [
      str('--date <YYYY-MM-DD>', 'publication date of the article (required)'),
      str('--name <article-NNN>', 'name of the article; default the next free number after the registered articles'),
      str('--title <title>', 'one-line title of the dataset; default "article NNN of <date>"'),
    ],
  },
] as const satisfies readonly CommandSpec[];

/** The name of a command. */
export type CommandName = (typeof COMMANDS)[number]['name'];

/** The long name of flags (`split-size` of `--split-size <n>`). */
type LongName<F extends string> = F extends `${string}--${infer R}` ? (R extends `${infer N} ${string}` ? N : R) : never;
/** `split-size` → `splitSize`, as commander names option values. */
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;
/** The value type of an option: its parsed type, `| undefined` unless it has a default. */
type ValueOf<O> = O extends Opt<string, infer T, infer D> ? (D extends true ? T : T | undefined) : never;
/** The value of a command's arguments: a list for `<file...>`, possibly undefined for `[file]`. */
type ArgsValue<A extends string> = A extends `${string}...${string}` ? string[] : A extends `[${string}` ? string | undefined : string;

/** The checked, typed values an action receives: one per option (camelCase), and `args` for a command's arguments. */
export type CommandValues<N extends CommandName> = Extract<(typeof COMMANDS)[number], { name: N }> extends infer C
  ? { readonly [O in (C extends { options: readonly (infer E)[] } ? E : never) as O extends { flags: infer F extends string } ? Camel<LongName<F>> : never]: ValueOf<O> }
    & (C extends { args: infer A extends string } ? { readonly args: ArgsValue<A> } : unknown)
  : never;

/** The long flag of an option (`--split-size` of `--split-size <n>`). */
export function longFlag(o: OptionSpec): string {
  return long(o.flags);
}
