// The one table of CLI commands and options: it drives commander and the README's CLI reference.
import { DEFAULT_BASE } from './vocab.js';

/** One option of a command. */
export interface OptionSpec {
  readonly flags: string;
  readonly description: string;
  readonly default?: string;
}

/** One command: its name, arguments, summary and options. */
export interface CommandSpec {
  readonly name: string;
  readonly args?: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
}

/** Every command of `kg`. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'export',
    summary: 'Check every dataset, then write each as Turtle plus the ontology into the output folder (atomically).',
    options: [
      { flags: '-o, --out <dir>', description: 'folder to write into; "-" writes the datasets\' Turtle to stdout instead', default: 'output' },
      { flags: '-b, --base <iri>', description: 'base IRI under which entity IRIs are minted (must end with "/" or "#")', default: DEFAULT_BASE },
      { flags: '-i, --input <file...>', description: 'export these JSON datasets (`{ name, title, entities }`) instead of the built-in ones' },
    ],
  },
  {
    name: 'query',
    args: '<file.rq>',
    summary: 'Run a SPARQL 1.1 SELECT or ASK query on the export in an embedded store (Oxigraph) and print the rows.',
    options: [
      { flags: '-d, --data <file...>', description: 'RDF files to query (.ttl, .nt, .nq, .trig); by default every such file in output/' },
      { flags: '-f, --format <format>', description: 'table, csv, tsv (SPARQL 1.1 TSV) or json (SPARQL 1.1 JSON results)', default: 'table' },
    ],
  },
  {
    name: 'ontology',
    summary: 'Write the ontology generated from the class declarations (news-kg.ttl) into a folder.',
    options: [
      { flags: '-o, --out <dir>', description: 'folder to write into; "-" writes to stdout', default: 'ontology' },
    ],
  },
];

/** The README's CLI reference, generated from the table (a test keeps the README in step). */
export function cliReference(): string {
  const lines: string[] = [];
  for (const c of COMMANDS) {
    lines.push(`### \`kg ${c.name}${c.args ? ` ${c.args}` : ''}\``, '', c.summary, '');
    if (c.options.length) {
      lines.push('| option | description | default |', '| --- | --- | --- |');
      for (const o of c.options) lines.push(`| \`${o.flags}\` | ${o.description} | ${o.default !== undefined ? `\`${o.default}\`` : ''} |`);
      lines.push('');
    }
  }
  lines.push('Every command also takes `-h, --help`; `kg --version` prints the version.',
    'Exit codes: 0 success, 1 bad input (data problems name the entity, field and what is wrong; query syntax errors give file:line:column), 2 wrong usage.');
  return lines.join('\n');
}
