// Runs SPARQL 1.1 queries on exported files in an embedded store (Oxigraph), and formats the results.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import oxigraph from 'oxigraph';
import { CLASSES } from './classes.js';
import { DataError } from './errors.js';
import { conceptPrefixes, dataPrefixes } from './iri.js';
import { valueSets } from './ontology.js';
import { DEFAULT_BASE, STANDARD_PREFIXES } from './vocab.js';

/** The media type Oxigraph reads for each file extension. */
const FORMATS: Readonly<Record<string, string>> = {
  '.ttl': 'text/turtle', '.nt': 'application/n-triples', '.nq': 'application/n-quads', '.trig': 'application/trig',
};

/** The output formats of `kg query`. */
export const RESULT_FORMATS = ['table', 'csv', 'tsv', 'json'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

/** A query that cannot be parsed or run, reported as `file:line:column: message`. */
export class QueryError extends Error {
  override name = 'QueryError';
}

type JsonTerm = { type: 'uri' | 'literal' | 'bnode' | 'triple'; value: string; 'xml:lang'?: string; datatype?: string };
interface JsonResults { head: { vars?: string[] }; boolean?: boolean; results?: { bindings: Array<Record<string, JsonTerm>> } }

/** The RDF files a query reads by default: every file of a known format in the export folder. */
export function defaultDataFiles(outputDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(outputDir);
  } catch {
    throw new DataError([{ entity: outputDir, field: '(folder)', message: 'cannot read the export folder: run `kg export` first or pass --data' }]);
  }
  return names.filter((n) => FORMATS[extname(n)]).sort().map((n) => join(outputDir, n));
}

/** The files one article's query runs on: its own Turtle export (self-contained: it carries the shared entities it uses) and the ontology. */
export function articleDataFiles(outputDir: string, article: string): string[] {
  return [join(outputDir, `${article}.ttl`), join(outputDir, 'news-kg.ttl')];
}

/** Loads RDF files (by extension: .ttl, .nt, .nq, .trig) into a new in-memory store. */
export function loadStore(files: readonly string[]): oxigraph.Store {
  const store = new oxigraph.Store();
  for (const file of files) {
    const format = FORMATS[extname(file)];
    if (!format) throw new DataError([{ entity: file, field: '(file)', message: `unknown RDF format; use one of ${Object.keys(FORMATS).join(', ')}` }]);
    let text: string;
    try {
      if (statSync(file).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new DataError([{ entity: file, field: '(file)', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
    }
    try {
      store.load(text, { format });
    } catch (error) {
      throw new DataError([{ entity: file, field: '(file)', message: `cannot parse: ${(error as Error).message}` }]);
    }
  }
  return store;
}

/** Runs a query and returns the SPARQL 1.1 JSON results (SELECT and ASK); `source` names the query in errors. */
export function runQuery(store: oxigraph.Store, query: string, source: string): JsonResults {
  let out: unknown;
  try {
    out = store.query(query, { results_format: 'application/sparql-results+json' });
  } catch (error) {
    const message = (error as Error).message;
    if (/RDF format|media type/i.test(message)) throw new QueryError(`${source}: only SELECT and ASK queries are supported`);
    const at = /^error at (\d+):(\d+): ([\s\S]*)$/.exec(message);
    throw new QueryError(at ? `${source}:${at[1]}:${at[2]}: ${at[3]}` : `${source}: ${message}`);
  }
  if (typeof out !== 'string') throw new QueryError(`${source}: only SELECT and ASK queries are supported`);
  return JSON.parse(out) as JsonResults;
}

/** Prefixes used to shorten IRIs in the table format. */
const TABLE_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ...STANDARD_PREFIXES, ...conceptPrefixes([...valueSets().keys()]), ...dataPrefixes(DEFAULT_BASE, CLASSES),
];

function compact(iri: string): string {
  let best: readonly [string, string] | undefined;
  for (const p of TABLE_PREFIXES) if (iri.startsWith(p[1]) && (!best || p[1].length > best[1].length)) best = p;
  const local = best ? iri.slice(best[1].length) : '';
  return best && /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(local) && !local.endsWith('.') ? `${best[0]}:${local}` : `<${iri}>`;
}

/** A term in Turtle / SPARQL TSV syntax. */
function tsvTerm(t: JsonTerm | undefined): string {
  if (!t) return '';
  if (t.type === 'uri') return `<${t.value}>`;
  if (t.type === 'bnode') return `_:${t.value}`;
  const lexical = JSON.stringify(t.value);
  if (t['xml:lang']) return `${lexical}@${t['xml:lang']}`;
  return t.datatype && t.datatype !== 'http://www.w3.org/2001/XMLSchema#string' ? `${lexical}^^<${t.datatype}>` : lexical;
}

function csvField(t: JsonTerm | undefined): string {
  const v = t?.value ?? '';
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function tableCell(t: JsonTerm | undefined): string {
  if (!t) return '';
  const v = t.type === 'uri' ? compact(t.value) : t.value;
  return v.replace(/\s+/g, ' ');
}

/** Formats JSON results as a text table, CSV, TSV (SPARQL 1.1 result formats) or JSON; every format ends with a newline. */
export function formatResults(results: JsonResults, format: ResultFormat): string {
  if (format === 'json') return `${JSON.stringify(results, null, 2)}\n`;
  if (results.boolean !== undefined) return `${results.boolean}\n`;
  const vars = results.head.vars ?? [];
  const rows = results.results?.bindings ?? [];
  switch (format) {
    case 'tsv':
      return [vars.map((v) => `?${v}`).join('\t'), ...rows.map((r) => vars.map((v) => tsvTerm(r[v])).join('\t'))].join('\n') + '\n';
    case 'csv':
      return [vars.join(','), ...rows.map((r) => vars.map((v) => csvField(r[v])).join(','))].join('\r\n') + '\r\n';
    case 'table': {
      const cells = [vars, ...rows.map((r) => vars.map((v) => tableCell(r[v])))];
      const widths = vars.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)));
      const line = (row: string[]) => row.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length)).join(' | ').trimEnd();
      return [line(vars), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.slice(1).map(line), `(${rows.length} row${rows.length === 1 ? '' : 's'})`].join('\n') + '\n';
    }
  }
}
