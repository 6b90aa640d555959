// The one table of CLI commands and options: it drives commander and the README's CLI reference.
import { DEFAULT_BASE } from '../model/vocab.js';

/** One option of a command. */
export interface OptionSpec {
  readonly flags: string;
  readonly description: string;
  readonly default?: string;
  /** Whether the option may be given several times, anywhere on the line (`-d a -d b`): its values are collected in order. */
  readonly repeatable?: boolean;
  /** The long flag of the mode this option belongs to (`--synthetic`): given without it, the option is a usage error. */
  readonly onlyWith?: string;
  /** Long flags of modes this option does not apply to: given together, they are a usage error. */
  readonly notWith?: readonly string[];
}

/** One command: its name, arguments, summary and options. */
export interface CommandSpec {
  readonly name: string;
  readonly args?: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
}

/** The --base option, described for one command. */
function baseOption(description: string): OptionSpec {
  return { flags: '-b, --base <iri>', description, default: DEFAULT_BASE };
}

/** Every command of `kg`. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'export',
    summary: 'Check every dataset, then write each as Turtle plus the ontology into the output folder (atomically).',
    options: [
      { flags: '-o, --out <dir>', description: 'folder to write into; "-" writes the datasets\' Turtle to stdout instead (not with --synthetic, which streams into a folder)', default: 'output' },
      baseOption('base IRI under which entity IRIs are minted (must end with "/", no "#")'),
      { flags: '-f, --format <format...>', description: 'turtle, ntriples, nquads, trig, jsonld, or all; several allowed (space- or comma-separated); N-Quads and TriG put each dataset in its own named graph <base>graph/<name>', default: 'turtle' },
      { flags: '-i, --input <file...>', description: 'export these JSON datasets (`{ name, title, entities }`) instead of the built-in ones; "-" reads one from standard input', notWith: ['--synthetic'] },
      { flags: '--synthetic <n>', description: 'export a synthetic corpus of n generated articles (every class, tricky strings) instead, streaming, into --out (default ./synthetic)' },
      { flags: '--seed <s>', description: 'seed of the synthetic corpus: the same seed gives the same bytes', default: '1', onlyWith: '--synthetic' },
      { flags: '--split-size <n>', description: 'at most n triples per N-Triples / N-Quads file (name-00001.nt, …)', onlyWith: '--synthetic' },
    ],
  },
  {
    name: 'query',
    args: '[file.rq]',
    summary: 'Run a SPARQL 1.1 query on the export in an embedded store (Oxigraph): print the rows of a SELECT or ASK query, or the graph of a CONSTRUCT or DESCRIBE query (N-Triples or Turtle). The query is read from the file, from standard input when the file is "-", or given with --query. Syntax errors are reported as file:line:column: message.',
    options: [
      { flags: '-q, --query <text>', description: 'the query itself, instead of a file' },
      { flags: '-d, --data <file>', repeatable: true, description: 'RDF file to query (.ttl, .nt, .nq, .trig, or .jsonld, read as JSON-LD); repeat for several (`-d a.ttl -d b.nt`), before or after the query file; by default the Turtle of each dataset in ./output with the ontology (output/*.ttl except void.ttl), so that no graph is loaded twice' },
      { flags: '-f, --format <format>', description: 'for SELECT and ASK: table (the default), csv, tsv (SPARQL 1.1 TSV) or json (SPARQL 1.1 JSON results); for CONSTRUCT and DESCRIBE: ntriples (the default) or turtle' },
    ],
  },
  {
    name: 'validate',
    args: '<file...>',
    summary: 'Check RDF files: syntax (file:line:column), strict decoding into entities, the declarations\' rules, and SHACL. A file "-" (or /dev/stdin, or a pipe) is read from standard input, as Turtle (which N-Triples also is) unless --input-format says otherwise. Exit 0 valid, 1 invalid data, 2 a file could not be read or parsed.',
    options: [
      { flags: '-f, --format <format>', description: 'text or json', default: 'text' },
      { flags: '-s, --shapes <file>', description: 'SHACL shapes to use instead of ontology/shapes.ttl (Turtle)' },
      { flags: '--input-format <format>', description: 'ttl, nt, nq or trig, overriding the file extension' },
      baseOption('base IRI of the entities in the files'),
      { flags: '--shacl-max-triples <n>', description: 'largest file (in triples) given to the in-memory SHACL engine; larger files are still decoded and checked entity by entity, in a stream', default: '200000' },
      { flags: '--verbose', description: 'print a stack trace on internal errors' },
    ],
  },
  {
    name: 'import',
    args: '<file>',
    summary: 'Read RDF (our export, or a file edited by hand) back into typed entities as JSON, strictly; `kg export --input` of the result gives the same graph. The file "-" (or /dev/stdin) is standard input, read as Turtle unless --input-format says otherwise.',
    options: [
      { flags: '-o, --out <file>', description: 'JSON file to write (atomically); "-" for stdout', default: '-' },
      baseOption('base IRI of the entities in the file'),
      { flags: '--input-format <format>', description: 'ttl, nt, nq or trig, overriding the file extension' },
    ],
  },
  {
    name: 'push',
    args: '[file...]',
    summary: 'Upload the export into named graphs of a triple store over the SPARQL 1.1 Graph Store HTTP Protocol (PUT replaces, POST appends), then count each graph through its SPARQL endpoint and report both numbers. Credentials come from KG_PUSH_USER and KG_PUSH_PASSWORD (basic or digest auth). Files default to the datasets of the export, output/*.nt (or *.ttl with --format turtle): the shared entities and each article, each into its own graph.',
    options: [
      { flags: '-e, --endpoint <url>', description: 'base URL of the store, e.g. http://127.0.0.1:8890 (never put credentials in it)' },
      { flags: '-g, --graph <iri>', description: 'put every file into this one named graph; without it, each file goes into the graph of its dataset, <base>graph/<file name> (entities, article-000, …)' },
      { flags: '--replace', description: 'replace the graph (PUT, then POST for further chunks); the default' },
      { flags: '--append', description: 'add to the graph (POST); the count must then lie between the old count and old + new' },
      { flags: '-f, --format <format>', description: 'ntriples (streamed in chunks) or turtle (one request per file)', default: 'ntriples' },
      baseOption('base IRI of the export, for the default graph name'),
      { flags: '--gsp-path <path>', description: 'path of the Graph Store service under the endpoint (Virtuoso: /sparql-graph-crud-auth; Fuseki: /<dataset>/data)', default: '/sparql-graph-crud-auth' },
      { flags: '--sparql-path <path>', description: 'path of the SPARQL query service under the endpoint (Fuseki: /<dataset>/sparql)', default: '/sparql' },
      { flags: '--chunk-bytes <n>', description: 'largest request body cut from an N-Triples file (not with --format turtle, sent whole)', default: String(8 * 1024 * 1024) },
      { flags: '--timeout-ms <n>', description: 'give up a request after this long without progress', default: '60000' },
      { flags: '--retries <n>', description: 'how often a transient failure (5xx, reset, timeout) is retried, with backoff', default: '3' },
      { flags: '--verbose', description: 'log each request on stderr' },
    ],
  },
  {
    name: 'roundtrip',
    args: '<file>',
    summary: 'Re-read an export (.ttl, .nt, .nq, .trig) and compare it as a set of triples, in bounded memory, with what the entities give now: a built-in dataset (--dataset, or by default the one named like the file), a JSON dataset (--input), or the synthetic corpus. Reports how many triples are missing and extra, and the first of each (sorted); exit 0 same, 1 different, 2 wrong usage (unknown dataset, a file that cannot be read). The file "-" is standard input (Turtle unless --input-format says otherwise) and needs --dataset, --input or --synthetic.',
    options: [
      { flags: '-d, --dataset <name>', description: 'compare with this built-in dataset (entities, article-000, …) whatever the file is called' },
      { flags: '-i, --input <file>', description: 'compare with this JSON dataset (`{ name, title, entities }`, as `kg export --input` reads)' },
      { flags: '--synthetic <n>', description: 'compare with the synthetic corpus of n articles' },
      { flags: '--seed <s>', description: 'seed of the synthetic corpus', default: '1', onlyWith: '--synthetic' },
      { flags: '--input-format <format>', description: 'ttl, nt, nq or trig, overriding the file extension' },
      baseOption('base IRI the export was written with'),
    ],
  },
  {
    name: 'docs',
    summary: 'Write a static site (no server, no JavaScript) from the declarations and the export: the ontology reference, one page per entity, one page per article with every annotated span highlighted, and pictures of the graph and of the classes.',
    options: [
      { flags: '-o, --out <dir>', description: 'folder to write the site into (not "-": a site is many files)', default: 'site' },
      baseOption('base IRI of the entities'),
    ],
  },
  {
    name: 'ontology',
    summary: 'Write the ontology (news-kg.ttl) and the SHACL shapes (shapes.ttl) generated from the class declarations into a folder.',
    options: [
      { flags: '-o, --out <dir>', description: 'folder to write into; "-" writes the ontology alone to stdout', default: 'ontology' },
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
      { flags: '--date <YYYY-MM-DD>', description: 'publication date of the article (required)' },
      { flags: '--name <article-NNN>', description: 'name of the article; default the next free number after the registered articles' },
      { flags: '--title <title>', description: 'one-line title of the dataset; default "article NNN of <date>"' },
    ],
  },
];

/** An option's description with the mode it belongs to or excludes, as help and the README show it. */
export function describeOption(o: OptionSpec): string {
  const notes = [o.onlyWith && `only with ${o.onlyWith}`, o.notWith?.length && `not with ${o.notWith.join(', ')}`].filter(Boolean);
  return notes.length ? `${o.description} (${notes.join('; ')})` : o.description;
}

/** The long flag of an option (`--split-size` of `--split-size <n>`). */
export function longFlag(o: OptionSpec): string {
  return /--[a-z][a-z-]*/.exec(o.flags)?.[0] ?? o.flags;
}

/** The README's CLI reference, generated from the table (a test keeps the README in step). */
export function cliReference(): string {
  const lines: string[] = [];
  for (const c of COMMANDS) {
    lines.push(`### \`kg ${c.name}${c.args ? ` ${c.args}` : ''}\``, '', c.summary, '');
    if (c.options.length) {
      lines.push('| option | description | default |', '| --- | --- | --- |');
      for (const o of c.options) lines.push(`| \`${o.flags}\` | ${describeOption(o)} | ${o.default !== undefined ? `\`${o.default}\`` : ''} |`);
      lines.push('');
    }
  }
  lines.push('Every command also takes `-h, --help`; `kg --version` prints the version.',
    'An option that does not apply to the mode of a command (`--seed` without `--synthetic`, `--input` with `--synthetic`, …) is a usage error naming it.',
    '',
    'Exit codes, the same in every command: 0 success; 1 invalid data (data problems name the entity, field and what is wrong; query syntax errors give file:line:column; a round trip that differs); 2 wrong usage or input that cannot be read (a missing or unreadable file or folder, printed as `kg: cannot read FILE: no such file (ENOENT)`; `kg validate` also gives 2 for a file it cannot parse); 3 a remote service failed (`kg push`: network error, HTTP error, or a triple count that does not match).');
  return lines.join('\n');
}
