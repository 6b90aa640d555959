// Runs SPARQL 1.1 queries on exported files in an embedded store (Oxigraph), and formats the results.
import { directMediaType, formatNamed, READ_EXTENSIONS } from '../rdf/formats.js';
import { ParseError, readForStore } from '../rdf/read.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import oxigraph from 'oxigraph';
import { CLASSES } from '../model/classes.js';
import { cannotRead, InputError, UsageError } from '../errors.js';
import { conceptPrefixes, dataPrefixes } from '../mapping/iri.js';
import { valueSets } from '../generate/ontology.js';
import { drain, sinkWriter } from '../rdf/turtle.js';
import { DEFAULT_BASE, STANDARD_PREFIXES } from '../model/vocab.js';


/** The output formats of `kg query` for SELECT and ASK (the first is the default). */
export const RESULT_FORMATS = ['table', 'csv', 'tsv', 'json'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];
/** The output formats of `kg query` for CONSTRUCT and DESCRIBE (the first is the default). */
export const GRAPH_FORMATS = ['ntriples', 'turtle'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** The four SPARQL query forms. */
export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';
const isGraphForm = (form: QueryForm): boolean => form === 'CONSTRUCT' || form === 'DESCRIBE';

/** A query that cannot be parsed or run, reported as `file:line:column: message`. */
export class QueryError extends Error {
  override name = 'QueryError';
}

type JsonTerm = { type: 'uri' | 'literal' | 'bnode' | 'triple'; value: string; 'xml:lang'?: string; datatype?: string };
interface JsonResults { head: { vars?: string[] }; boolean?: boolean; results?: { bindings: Array<Record<string, JsonTerm>> } }

/**
 * The RDF files a query reads by default: one copy of each dataset and the ontology, never the same graph twice.
 * That is the Turtle of every dataset in the export folder (`*.ttl`, the ontology news-kg.ttl included), but not
 * void.ttl (the description of the export) nor the other serialisations of the same graphs (.nt, .nq, .trig, .jsonld).
 */
export function defaultDataFiles(outputDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(outputDir);
  } catch (error) {
    throw new InputError(`${cannotRead(outputDir, error, 'the export folder').message}: run \`kg export\` first or pass --data`);
  }
  const files = names.filter((n) => extname(n) === '.ttl' && n !== 'void.ttl').sort().map((n) => join(outputDir, n));
  if (!files.length) throw new InputError(`no .ttl file in the export folder ${outputDir}: run \`kg export\` first or pass --data`);
  return files;
}

/** The files one article's query runs on: its own Turtle export (self-contained: it carries the shared entities it uses) and the ontology. */
export function articleDataFiles(outputDir: string, article: string): string[] {
  return [join(outputDir, `${article}.ttl`), join(outputDir, 'news-kg.ttl')];
}

/** The bytes of a data file, or an InputError naming it. */
function readDataFile(file: string): Buffer {
  try {
    if (statSync(file).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return readFileSync(file);
  } catch (error) {
    throw cannotRead(file, error);
  }
}

/**
 * Loads bytes of RDF into the store; a refusal becomes the reader's one error shape, `file:line:column: message`
 * (Oxigraph says "… at line L column C: …" or "… at line L between columns C and D: …", 1-based, in characters).
 * `positions` is false when lines and columns are not the file's own (the N-Quads of a JSON-LD graph).
 */
function loadBytes(store: oxigraph.Store, shown: string, bytes: Buffer, format: string, options: { lenient: boolean; positions: boolean }): void {
  try {
    store.load(bytes, { format, lenient: options.lenient });
  } catch (error) {
    const message = (error as Error).message;
    const at = /at line (\d+) (?:column (\d+)|between columns (\d+) and \d+):?\s*([\s\S]*)$/.exec(message);
    const what = `the query store (Oxigraph) cannot load it: ${((at ? at[4] : message) ?? message).split('\n')[0]}`;
    if (!at || !options.positions) throw new ParseError(shown, [{ kind: 'syntax', message: `${what}${at ? ` (line ${at[1]} of its graph as N-Quads)` : ''}` }]);
    throw new ParseError(shown, [{ kind: 'syntax', line: Number(at[1]), column: Number(at[2] ?? at[3]), message: what }]);
  }
}

/** The bytes of a file after its UTF-8 byte order mark, if any (the reader's BOM rule). */
function withoutBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** The unknown-format refusal of kg query, which has no --input-format. */
function unknownFormat(file: string): UsageError {
  return new UsageError(`cannot read ${file}: unknown RDF format "${extname(file).slice(1)}": use ${READ_EXTENSIONS}`);
}

/**
 * Loads RDF files (by extension: .ttl, .nt, .nq, .trig) into a new in-memory store as they are, a leading BOM skipped,
 * with Oxigraph's own checks only: for the project's own export (tests, the library); `kg query` reads through the one
 * reader with loadData.
 * @throws UsageError for an unknown format; InputError for an unreadable file; ParseError (file:line:column) for one Oxigraph refuses.
 */
export function loadStore(files: readonly string[]): oxigraph.Store {
  const store = new oxigraph.Store();
  for (const file of files) {
    const format = directMediaType(file);
    if (!format) throw unknownFormat(file);
    loadBytes(store, file, withoutBom(readDataFile(file)), format, { lenient: false, positions: true });
  }
  return store;
}

/**
 * Loads RDF files (by extension: .ttl, .nt, .nq, .trig, .jsonld, or `as.formats`) into a new in-memory store, each
 * read first by the one reader (readForStore: the checks of kg validate and kg import, RDF-star accepted), then
 * handed to Oxigraph as the reader read it (after the BOM; JSON-LD as the N-Quads of its graph), leniently (no
 * second check of IRIs and language tags): the reader has judged it, and data rules are the decoder's (kg validate). `onFile` is told of each file before it is read; `as.names` are the names errors show.
 * @throws UsageError for an unknown format; InputError for an unreadable file; ParseError (exit 2) for bytes that are
 *   not UTF-8 or a syntax error, as file:line:column; DataError for a file without triples or JSON-LD the reader refuses.
 */
export async function loadData(
  files: readonly string[], onFile?: (file: string, index: number) => void,
  as: { names?: readonly string[]; formats?: ReadonlyArray<string | undefined> } = {},
): Promise<oxigraph.Store> {
  const store = new oxigraph.Store();
  for (const [index, file] of files.entries()) {
    onFile?.(file, index);
    const shown = as.names?.[index] ?? file;
    const given = as.formats?.[index];
    if (!directMediaType(file, given) && formatNamed(given ?? extname(file)) !== 'jsonld') throw unknownFormat(shown);
    const read = await readForStore(file, { ...(given !== undefined ? { inputFormat: given } : {}), name: shown });
    loadBytes(store, shown, read.bytes, read.mediaType, { lenient: true, positions: read.positions });
  }
  return store;
}

/** The query text and the name errors give it: from --query, standard input (file "-") or a file. */
export async function readQuery(file: string | undefined, text: string | undefined, stdin: AsyncIterable<string | Buffer>): Promise<{ query: string; source: string }> {
  if (file !== undefined && text !== undefined) throw new UsageError('give the query either as a file or with --query, not both');
  if (text !== undefined) return { query: text, source: '<query>' };
  if (file === undefined) throw new UsageError('kg query needs a query: a file, "-" for standard input, or --query TEXT');
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return { query: Buffer.concat(chunks).toString('utf8'), source: '<stdin>' };
  }
  try {
    return { query: readFileSync(file, 'utf8'), source: file };
  } catch (error) {
    throw cannotRead(file, error, 'the query');
  }
}

/** The output format for a query form: the one asked for (checked), or the form's default; `form` undefined when not known yet. */
export function outputFormat(asked: string | undefined, form: QueryForm | undefined): ResultFormat | GraphFormat | undefined {
  const all: readonly string[] = [...RESULT_FORMATS, ...GRAPH_FORMATS];
  if (asked !== undefined && !all.includes(asked)) {
    throw new UsageError(`unknown format ${JSON.stringify(asked)}: use one of ${RESULT_FORMATS.join(', ')} for SELECT and ASK, ${GRAPH_FORMATS.join(', ')} for CONSTRUCT and DESCRIBE`);
  }
  if (form === undefined) return asked as ResultFormat | GraphFormat | undefined;
  if (isGraphForm(form)) {
    if (asked === undefined) return 'ntriples';
    if ((GRAPH_FORMATS as readonly string[]).includes(asked)) return asked as GraphFormat;
    throw new UsageError(`--format ${asked} is for SELECT and ASK results; a ${form} query gives a graph: use --format ${GRAPH_FORMATS.join(' or ')}`);
  }
  if (asked === undefined) return 'table';
  if ((RESULT_FORMATS as readonly string[]).includes(asked)) return asked as ResultFormat;
  throw new UsageError(`--format ${asked} is for a graph (CONSTRUCT and DESCRIBE); ${form === 'ASK' ? 'an ASK query gives a boolean' : 'a SELECT query gives rows'}: use --format ${RESULT_FORMATS.join(', ')}`);
}

/** Runs a query and returns the SPARQL 1.1 JSON results (SELECT and ASK); `source` names the query in errors. */
export function runQuery(store: oxigraph.Store, query: string, source: string): JsonResults {
  const result = runAnyQuery(store, query, source);
  if (result.kind === 'graph') throw new QueryError(`${source}: a ${queryForm(query) ?? 'graph'} query gives a graph, not rows`);
  return result.results;
}

/** What a query gives: rows or a boolean (SELECT, ASK) as SPARQL JSON results, or the triples of a graph (CONSTRUCT, DESCRIBE). */
export type QueryResult = { readonly kind: 'results'; readonly results: JsonResults } | { readonly kind: 'graph'; readonly quads: readonly Quad[] };

/** Runs any query form; `source` names the query in errors. */
export function runAnyQuery(store: oxigraph.Store, query: string, source: string): QueryResult {
  const form = queryForm(query);
  const run = (graph: boolean): QueryResult => {
    const out = store.query(query, graph ? {} : { results_format: 'application/sparql-results+json' });
    if (graph) return { kind: 'graph', quads: (out as oxigraph.Quad[]).map(toN3Quad) };
    return { kind: 'results', results: JSON.parse(out as string) as JsonResults };
  };
  try {
    if (form) return run(isGraphForm(form));
    try {
      return run(false);
    } catch (error) {
      if (/RDF format|media type/i.test((error as Error).message)) return run(true); // a graph query we did not recognise
      throw error;
    }
  } catch (error) {
    throw new QueryError(syntaxMessage(source, query, (error as Error).message));
  }
}

function toN3Term(t: Term): Term {
  switch (t.termType) {
    case 'NamedNode': return DataFactory.namedNode(t.value);
    case 'BlankNode': return DataFactory.blankNode(t.value);
    case 'Literal': return DataFactory.literal(t.value, t.language || DataFactory.namedNode(t.datatype.value));
    case 'Quad': return toN3Quad(t as unknown as Quad) as unknown as Term;
    default: return DataFactory.defaultGraph();
  }
}

function toN3Quad(q: Quad | oxigraph.Quad): Quad {
  const x = q as Quad;
  return DataFactory.quad(toN3Term(x.subject) as Quad['subject'], toN3Term(x.predicate) as Quad['predicate'], toN3Term(x.object) as Quad['object']);
}

/** Writes a graph result as N-Triples (one triple a line, in the store's order) or Turtle (grouped by subject, with the prefixes it uses); ends with a newline. */
export async function formatGraph(quads: readonly Quad[], format: GraphFormat): Promise<string> {
  const chunks: string[] = [];
  if (format === 'ntriples') {
    await drain(sinkWriter((c) => chunks.push(c), { format: 'N-Triples' }), quads);
    return chunks.join('');
  }
  const order = new Map<string, Quad[]>();
  for (const q of quads) {
    const key = `${q.subject.termType}:${q.subject.value}`;
    order.set(key, [...(order.get(key) ?? []), q]);
  }
  const iris = new Set(quads.flatMap((q) => [q.subject, q.predicate, q.object, ...(q.object.termType === 'Literal' ? [q.object.datatype] : [])])
    .filter((t) => t.termType === 'NamedNode').map((t) => t.value));
  const used = TABLE_PREFIXES.filter(([, ns]) => [...iris].some((iri) => iri.startsWith(ns)));
  await drain(sinkWriter((c) => chunks.push(c), { prefixes: Object.fromEntries(used) }), [...order.values()].flat());
  const text = chunks.join('');
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** A token of a query, for naming the offending one in a syntax error. */
interface Token { readonly kind: 'word' | 'pname' | 'iri' | 'var' | 'string' | 'unterminated' | 'other'; readonly text: string; readonly start: number }

/** The words SPARQL 1.1 (and SPARQL 1.2, as Oxigraph reads it) knows: keywords and built-in functions. */
const KEYWORDS = new Set(`BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK DISTINCT REDUCED AS FROM NAMED WHERE ORDER BY ASC DESC LIMIT OFFSET
VALUES GROUP HAVING UNDEF OPTIONAL GRAPH SERVICE SILENT BIND MINUS FILTER UNION NOT IN EXISTS A TRUE FALSE LATERAL VERSION
LOAD CLEAR DROP CREATE ADD MOVE COPY TO INTO INSERT DELETE DATA WITH USING DEFAULT ALL
STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE LCASE ENCODE_FOR_URI CONTAINS
STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384
SHA512 COALESCE IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE COUNT SUM MIN MAX AVG
SAMPLE GROUP_CONCAT SEPARATOR TRIPLE SUBJECT PREDICATE OBJECT ISTRIPLE LANGDIR HASLANG HASLANGDIR STRLANGDIR ADJUST`.split(/\s+/));

const PN_CHARS_BASE = 'A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD';
const PN_CHARS = `${PN_CHARS_BASE}_0-9\\-\u00B7\u0300-\u036F\u203F-\u2040`;
const PNAME = new RegExp(`(?:[${PN_CHARS_BASE}](?:[${PN_CHARS}.]*[${PN_CHARS}])?)?:(?:(?:[${PN_CHARS}:]|%[0-9A-Fa-f]{2}|\\\\.)(?:(?:[${PN_CHARS}.:]|%[0-9A-Fa-f]{2}|\\\\.)*(?:[${PN_CHARS}:]|%[0-9A-Fa-f]{2}|\\\\.))?)?`, 'y');
const LEXEMES: ReadonlyArray<readonly [Token['kind'] | 'skip', RegExp]> = [
  ['skip', /\s+|#[^\n\r]*/y],
  ['string', /"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""|'\'\'(?:[^'\\]|\\[\s\S]|'(?!''))*'\'\'|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*'/y],
  ['unterminated', /"""|'\'\'|"|'/y],
  ['iri', /<[^<>"{}|^`\\\u0000-\u0020]*>/y],
  ['var', /[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFD]+/y],
  ['other', /_:[^\s.;,(){}[\]]+|@[A-Za-z]+(?:-[A-Za-z0-9]+)*|[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?/y],
  ['pname', PNAME],
  ['word', /[A-Za-z_][A-Za-z0-9_]*/y],
  ['other', /\^\^|&&|\|\||!=|<=|>=|[\s\S]/y],
];

/** Splits a query into tokens (comments and white space left out); an unterminated string ends the list. */
function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < query.length) {
    for (const [kind, re] of LEXEMES) {
      re.lastIndex = at;
      const m = re.exec(query);
      if (!m || m[0] === '') continue;
      if (kind !== 'skip') tokens.push({ kind, text: m[0], start: at });
      if (kind === 'unterminated') return tokens;
      at += m[0].length;
      break;
    }
  }
  return tokens;
}

/** The form of a query (SELECT, ASK, CONSTRUCT, DESCRIBE): its first keyword after the prologue (BASE, PREFIX); undefined if none is found. */
export function queryForm(query: string): QueryForm | undefined {
  const tokens = tokenize(query);
  for (let i = 0; i < tokens.length;) {
    const word = (tokens[i] as Token).text.toUpperCase();
    if (word === 'BASE') i += 2;
    else if (word === 'PREFIX') i += 3;
    else if (word === 'SELECT' || word === 'ASK' || word === 'CONSTRUCT' || word === 'DESCRIBE') return (tokens[i] as Token).kind === 'word' ? word : undefined;
    else return undefined;
  }
  return undefined;
}

/** The 1-based line and column (in characters) of an offset. */
function lineColumn(query: string, offset: number): string {
  const before = query.slice(0, offset).split(/\r\n|\n|\r/);
  return `${before.length}:${[...(before.at(-1) ?? '')].length + 1}`;
}

/** The offset of a 1-based line and column. */
function offsetOf(query: string, line: number, column: number): number {
  let offset = 0;
  const lines = query.split(/(?<=\r\n|\n|\r(?!\n))/);
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += (lines[i] as string).length;
  return offset + [...(lines[line - 1] ?? '')].slice(0, column - 1).join('').length;
}

/**
 * Oxigraph's error message rephrased into one line, `source:line:column: message`, naming the offending token: an
 * undefined prefix, an unknown word (a misspelt keyword), an unterminated string, the end of an unfinished query, or
 * the token where parsing stopped; otherwise the first line of Oxigraph's message.
 */
export function syntaxMessage(source: string, query: string, message: string): string {
  const at = /^error at (\d+):(\d+): ([\s\S]*)$/.exec(message);
  if (!at) return `${source}: ${message.split('\n')[0]}`;
  const detail = (at[3] as string).split('\n')[0] as string;
  const offset = offsetOf(query, Number(at[1]), Number(at[2]));
  const here = `${source}:${at[1]}:${at[2]}`;
  const tokens = tokenize(query);
  const named = (t: Token, text: string) => `${source}:${lineColumn(query, t.start)}: ${text}`;
  if (/Prefix not found/.test(message)) {
    const declared = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.kind === 'word' && t.text.toUpperCase() === 'PREFIX' && tokens[i + 1]?.kind === 'pname') { declared.add((tokens[i + 1] as Token).text.replace(/:.*$/s, '')); i++; continue; }
      const prefix = t.text.replace(/:.*$/s, '');
      if (t.kind === 'pname' && !declared.has(prefix)) return named(t, `undefined prefix "${prefix}:"`);
    }
    return `${here}: undefined prefix`;
  }
  if (tokens.length === 0) return `${here}: empty query`;
  const unterminated = tokens.find((t) => t.kind === 'unterminated' && t.start <= offset);
  if (unterminated) return named(unterminated, 'unterminated string');
  if (/IRI parsing failed/.test(message)) return `${here}: invalid IRI`;
  const unknown = tokens.find((t) => t.kind === 'word' && t.start <= offset && !KEYWORDS.has(t.text.toUpperCase()));
  if (unknown) return named(unknown, `unexpected "${unknown.text}"`);
  const next = tokens.find((t) => t.start + t.text.length > offset);
  let depth = 0;
  for (const t of tokens) {
    depth += t.kind === 'other' && '({['.includes(t.text) ? 1 : t.kind === 'other' && ')}]'.includes(t.text) ? -1 : 0;
    if (depth < 0) return named(t, `unexpected "${t.text}"`); // a closing bracket that closes nothing
  }
  if (!next) {
    if (detail !== 'expected [_]' || depth > 0) return `${here}: unexpected end of query`;
    return `${here}: ${detail}`;
  }
  if (next.start <= offset) return named(next, `unexpected "${next.text}"`);
  return `${here}: ${detail}`;
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
