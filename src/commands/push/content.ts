// The content check of `kg push`: the triples of the upload (all, or a sample chosen by hash) asked back from the store, so that a store keeping an older graph of the same size fails.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Quad, Term } from '@rdfjs/types';
import { readProblem } from '../../errors.js';
import { baseType, NTRIPLES } from './chunks.js';
import type { Context } from './context.js';
import { PushError } from './errors.js';
import { selectRows } from './sparql.js';
import { withRetries } from './upload.js';

/**
 * At most this many triples are asked in one query. Measured against Virtuoso 7.2 (2551 triples of article-000): 64
 * per query took 0.76 s in all, 16 took 1.0 s, 256 took 1.4 s, and 1024 were refused (HTTP 503); a basic graph
 * pattern of 128 triples in one ASK overflowed its stack (SR483), and `VALUES` rows were miscounted.
 */
export const CHECK_TRIPLES = 64;
/** At most this many characters of triples are asked in one query (a triple longer than that is asked alone). */
export const CHECK_CHARS = 64 * 1024;

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** One triple of the upload: as asked in SPARQL (undefined when SPARQL cannot ask for it) and as shown in a message (N-Triples). */
export interface UploadedTriple {
  readonly sparql: string | undefined;
  readonly shown: string;
}

/**
 * A term in SPARQL 1.1 syntax (§19.5 IRIREF, §19.7 string escapes), or undefined when a query cannot ask for it:
 * a blank node (a variable in a query), an IRI with a character IRIREF excludes, or a literal holding a lone
 * surrogate or a backslash followed by `u`/`U` (which SPARQL's codepoint escapes, §19.2, would read as an escape).
 * A literal of xsd:string is written plain unless `explicitString` (as the file wrote it: some stores keep the two apart).
 */
export function sparqlTerm(term: Term, explicitString = false): string | undefined {
  if (term.termType === 'NamedNode') return iri(term.value);
  if (term.termType !== 'Literal') return undefined;
  const value = term.value;
  if (/\\[uU]/.test(value) || /\p{Cs}/u.test(value)) return undefined;
  const quoted = `"${value.replace(/[\\"\n\r]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r' })[c] as string)}"`;
  if (term.language) return `${quoted}@${term.language}`;
  const datatype = term.datatype.value;
  if (datatype === XSD_STRING && !explicitString) return quoted;
  const dt = iri(datatype);
  return dt === undefined ? undefined : `${quoted}^^${dt}`;
}

function iri(value: string): string | undefined {
  return /[\u0000-\u0020<>"{}|^`\\]/.test(value) ? undefined : `<${value}>`;
}

/** The triple pattern of a quad in SPARQL, or undefined when one of its terms cannot be asked (see `sparqlTerm`). */
export function sparqlTriple(quad: Quad, explicitString = false): string | undefined {
  const s = sparqlTerm(quad.subject);
  const p = sparqlTerm(quad.predicate);
  const o = sparqlTerm(quad.object, explicitString);
  return s === undefined || p === undefined || o === undefined ? undefined : `${s} ${p} ${o}`;
}

/** Whether an N-Triples line writes its object with the datatype xsd:string spelled out. */
function spellsXsdString(line: string): boolean {
  return /\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#string>\s*\.\s*(?:#.*)?$/.test(line);
}

/**
 * The triples of the files, in file order: N-Triples read line by line (each line shown as written), Turtle parsed
 * whole (each triple shown as n3 writes it in N-Triples). Throws an 'input' PushError naming the file and line of a
 * line it cannot read, and for any other media type.
 */
export async function* uploadedTriples(files: readonly { path: string; mediaType: string }[]): AsyncGenerator<UploadedTriple> {
  const { Parser, Writer } = await import('n3');
  for (const f of files) {
    const type = baseType(f.mediaType);
    if (type === NTRIPLES) {
      const lines = createInterface({ input: createReadStream(f.path), crlfDelay: Infinity });
      let n = 0;
      try {
        for await (const raw of lines) {
          n++;
          const line = raw.trim();
          if (line === '' || line.startsWith('#')) continue;
          let quads: Quad[];
          try {
            quads = new Parser({ format: 'N-Triples' }).parse(line) as Quad[];
          } catch (error) {
            throw new PushError('input', `${f.path}:${n}: cannot read this line to ask the store for it: ${(error as Error).message}`);
          }
          for (const q of quads) yield { sparql: sparqlTriple(q, spellsXsdString(line)), shown: line };
        }
      } catch (error) {
        if (error instanceof PushError) throw error;
        throw new PushError('input', `cannot read ${f.path}: ${readProblem(error)}`);
      } finally {
        lines.close();
      }
    } else if (type === 'text/turtle') {
      let quads: Quad[];
      try {
        quads = new Parser({ format: 'text/turtle' }).parse(await readFile(f.path, 'utf8')) as Quad[];
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new PushError('input', code ? `cannot read ${f.path}: ${readProblem(error)}` : `${f.path}: cannot read it to ask the store for its triples: ${(error as Error).message}`);
      }
      const writer = new Writer({ format: 'N-Triples' });
      for (const q of quads) yield { sparql: sparqlTriple(q), shown: writer.quadToString(q.subject, q.predicate, q.object).trim() };
    } else {
      throw new PushError('input', `cannot check the content of ${f.mediaType} files: push N-Triples or Turtle, or skip the check (verifySample 0)`);
    }
  }
}

/** The SHA-256 of a triple's SPARQL form, as the key that chooses the sample (hex). */
function sampleKey(sparql: string): string {
  return createHash('sha256').update(sparql, 'utf8').digest('hex');
}

/**
 * The `k` triples with the smallest `sampleKey`, in key order: the same triples give the same sample, whatever the
 * order of the files, their chunks or their spelling. Memory: `k` triples.
 */
export async function sampleByHash(triples: AsyncIterable<UploadedTriple>, k: number): Promise<UploadedTriple[]> {
  const kept: Array<{ key: string; triple: UploadedTriple }> = [];
  if (k <= 0) return [];
  for await (const t of triples) {
    if (t.sparql === undefined) continue;
    const key = sampleKey(t.sparql);
    if (kept.length === k && key >= kept[k - 1]!.key) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (kept[mid]!.key < key) lo = mid + 1; else hi = mid; }
    if (kept[lo]?.key === key) continue; // the same triple from another file
    kept.splice(lo, 0, { key, triple: t });
    if (kept.length > k) kept.pop();
  }
  return kept.map((e) => e.triple);
}

/** What the content check found: triples asked, triples it cannot ask (left to the count), and the missing ones. */
export interface ContentReport {
  /** Distinct triples asked back from the store. */
  asked: number;
  /** Triples the check cannot ask for (blank nodes, see `sparqlTerm`): only the count covers them. */
  unaskable: number;
  /** Triples asked and not found. */
  missing: number;
  /** The first triple not found, in N-Triples as the file writes it. */
  firstMissing?: string;
}

/** The query that asks which of a batch of triples graph `graph` holds: the index of each one found (SPARQL 1.1: UNION, BIND). */
export function presenceQuery(graph: string, patterns: readonly string[]): string {
  const arms = patterns.map((p, i) => `{ GRAPH <${graph}> { ${p} } BIND(${i} AS ?i) }`);
  return `SELECT DISTINCT ?i WHERE {\n  ${arms.join('\n  UNION ')}\n}`;
}

/**
 * Asks the store which triples of the upload graph `ctx.options.graph` holds: every triple (`ctx.verifySample` 'all')
 * or the sample of `sampleByHash`, in queries of at most `CHECK_TRIPLES` triples and `CHECK_CHARS` characters, each
 * retried like the count. Several files are deduplicated by SHA-256 (they share triples); one file only within a query.
 */
export async function checkContent(ctx: Context): Promise<ContentReport> {
  const report: ContentReport = { asked: 0, unaskable: 0, missing: 0 };
  const files = ctx.options.files;
  const all = uploadedTriples(files);
  const counted = async function* (source: AsyncIterable<UploadedTriple>): AsyncGenerator<UploadedTriple> {
    for await (const t of source) { if (t.sparql === undefined) report.unaskable++; else yield t; }
  };
  let source: AsyncIterable<UploadedTriple> | Iterable<UploadedTriple>;
  if (ctx.verifySample === 'all') {
    const seen = files.length > 1 ? new Set<string>() : undefined;
    source = (async function* () {
      for await (const t of counted(all)) {
        if (seen) { const key = sampleKey(t.sparql!); if (seen.has(key)) continue; seen.add(key); }
        yield t;
      }
    })();
  } else {
    source = await sampleByHash(counted(all), ctx.verifySample);
  }
  let batch: UploadedTriple[] = [];
  let chars = 0;
  let queries = 0;
  const ask = async (): Promise<void> => {
    const query = presenceQuery(ctx.options.graph, batch.map((t) => t.sparql!));
    const asked = batch;
    batch = [];
    chars = 0;
    queries++;
    const { rows } = await withRetries(ctx, 'content check', () => selectRows(ctx, query, 'content check'));
    const found = new Set<number>();
    for (const row of rows) {
      const i = Number(String(row.i?.value ?? '').trim());
      if (Number.isSafeInteger(i)) found.add(i);
    }
    report.asked += asked.length;
    for (const [i, t] of asked.entries()) {
      if (found.has(i)) continue;
      report.missing++;
      report.firstMissing ??= t.shown;
    }
  };
  for await (const t of source) {
    const size = t.sparql!.length;
    if (batch.length > 0 && (batch.length >= CHECK_TRIPLES || chars + size > CHECK_CHARS)) await ask();
    if (batch.some((b) => b.sparql === t.sparql)) continue;
    batch.push(t);
    chars += size;
  }
  if (batch.length > 0) await ask();
  ctx.log(`content check: asked for ${report.asked} triple${report.asked === 1 ? '' : 's'} in ${queries} quer${queries === 1 ? 'y' : 'ies'}, ${report.missing} missing${report.unaskable ? `, ${report.unaskable} with a blank node or a term SPARQL cannot write (left to the count)` : ''}`);
  return report;
}

/**
 * Throws a 'content-mismatch' PushError when the check found a triple missing: the message names the graph and the
 * query service, says the count matched, how many are missing, and shows the first missing triple in N-Triples.
 */
export function checkFound(ctx: Context, report: ContentReport): void {
  if (report.missing === 0) return;
  const where = `graph <${ctx.options.graph}> at ${ctx.display(ctx.sparqlUrl)}`;
  const of = ctx.verifySample === 'all' ? `the ${report.asked} triples of the upload` : `the ${report.asked} triples of the upload's sample`;
  throw new PushError('content-mismatch',
    `${where} fails the content check: ${report.missing} of ${of} ${report.missing === 1 ? 'is' : 'are'} not in it, though its triple count matched (the store may have kept an older graph and ignored the upload); the first missing: ${report.firstMissing}`);
}
