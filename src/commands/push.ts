// Uploads RDF files into named graphs of a triple store (SPARQL 1.1 Graph Store HTTP Protocol), then checks each graph's count.
import { readProblem } from '../errors.js';
import { createReadStream, readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** What went wrong, so that a caller can tell a wrong password from a full disk. */
export type PushErrorKind =
  | 'connect' | 'dns' | 'auth' | 'not-found' | 'too-large' | 'server' | 'timeout' | 'count-mismatch' | 'protocol' | 'input';

/** A failed push: `kind` says what failed, the one-line message names the endpoint (never the credentials) and the status. */
export class PushError extends Error {
  override name = 'PushError';
  readonly kind: PushErrorKind;
  /** The HTTP status, when the store answered. */
  readonly status: number | undefined;
  /** Whether trying again may help (5xx, connection reset, timeout). */
  readonly transient: boolean;

  /** Makes an error of one kind; `status` is the HTTP status when there was one. */
  constructor(kind: PushErrorKind, message: string, details: { status?: number; transient?: boolean } = {}) {
    super(message);
    this.kind = kind;
    this.status = details.status;
    this.transient = details.transient ?? (kind === 'server' || kind === 'timeout');
  }
}

/** The user name and password sent to the store (HTTP basic or digest, as the store asks). */
export interface Credentials {
  readonly user: string;
  readonly password: string;
}

/** What to upload where, and how. */
export interface PushOptions {
  /** Base URL of the store, e.g. `http://127.0.0.1:8890` (no user or password in it). */
  endpoint: string;
  /** The named graph IRI written to. */
  graph: string;
  /** `replace`: the first request is a PUT, which replaces the graph; `append`: every request is a POST, which adds to it. */
  mode: 'replace' | 'append';
  /** The files to upload, in order, each with its media type (N-Triples files are cut into chunks). */
  files: Array<{ path: string; mediaType: string }>;
  /** How many distinct triples the files hold together (checked against the store's count afterwards). */
  expectedTriples: number;
  credentials?: Credentials;
  /** Idle time after which a request is abandoned (no byte sent or received), in ms; default 60 000. */
  timeoutMs?: number;
  /** How many times a transient failure (5xx, connection reset, timeout) is retried; default 3. */
  retries?: number;
  /** The first wait before a retry in ms, doubled at each further retry; default 500. */
  backoffMs?: number;
  /** Largest request body cut from an N-Triples file, in bytes (cut on line boundaries); default 8 MiB. */
  chunkBytes?: number;
  /** Path of the Graph Store service under the endpoint; default `/sparql-graph-crud-auth` (Virtuoso's). */
  gspPath?: string;
  /** Path of the SPARQL query service under the endpoint; default `/sparql`. */
  sparqlPath?: string;
  /** Receives one line per step (never a credential). */
  log?: (line: string) => void;
}

/** What a successful push did: bytes sent and both triple counts. */
export interface PushReport {
  /** Bytes of RDF sent in successful requests (a retried upload counts once). */
  uploaded: number;
  expected: number;
  /** Triples in the graph after the upload, as the store's query service counts them. */
  counted: number;
  graph: string;
  /** Requests whose body was accepted (chunks of the successful upload). */
  chunks: number;
  /** Append mode only: triples in the graph before the upload. */
  before?: number;
}

/** The defaults of the options (Virtuoso's paths: basic gets 401 at /sparql-graph-crud-auth, digest works). */
export const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;
export const DEFAULT_GSP_PATH = '/sparql-graph-crud-auth';
export const DEFAULT_SPARQL_PATH = '/sparql';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_RETRIES = 3;
export const DEFAULT_BACKOFF_MS = 500;

const NTRIPLES = 'application/n-triples';

/**
 * Reads the credentials for `kg push` from the environment: `KG_PUSH_USER` and `KG_PUSH_PASSWORD` (both needed;
 * neither is ever taken from the command line nor printed); undefined when `KG_PUSH_USER` is unset or empty.
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv | Record<string, string | undefined>): Credentials | undefined {
  const user = env.KG_PUSH_USER;
  if (user === undefined || user === '') return undefined;
  const password = env.KG_PUSH_PASSWORD;
  if (password === undefined) throw new PushError('input', 'KG_PUSH_USER is set but KG_PUSH_PASSWORD is not: set both, or neither');
  return { user, password };
}

/**
 * Uploads the files into the named graph and checks the store's triple count against `expectedTriples`.
 *
 * Requests: the Graph Store protocol at `<endpoint><gspPath>?graph=<IRI>`. In replace mode the first request is a
 * PUT and every further chunk a POST; in append mode all are POSTs. N-Triples files are read as streams and cut on
 * line boundaries into bodies of at most `chunkBytes`; other formats are streamed whole in one request each.
 * Blank nodes cannot be cut apart (each request is its own document), so a file that needs several chunks must
 * have none (the export has none).
 *
 * Retries of transient failures (5xx, connection reset, timeout), at most `retries` times with exponential backoff:
 * - replace: the whole upload starts again with a PUT, which throws away whatever a broken attempt left;
 * - append: only the failed request is sent again. A POST of the same ground triples twice leaves the graph as
 *   one POST does (a graph is a set), so a chunk the store did take before the failure is not duplicated.
 *
 * The count check: in replace mode the graph must hold exactly `expectedTriples`. In append mode the graph is
 * counted before and after; afterwards it must hold at least `max(before, expectedTriples)` and at most
 * `before + expectedTriples` triples (triples already in the graph are not added twice), else 'count-mismatch'.
 */
export async function push(options: PushOptions): Promise<PushReport> {
  const ctx = new Context(options);
  const log = ctx.log;
  const files = await inspectFiles(options.files, ctx.chunkBytes);
  if (!Number.isSafeInteger(options.expectedTriples) || options.expectedTriples < 0) {
    throw new PushError('input', `the expected triple count must be a whole number, not ${String(options.expectedTriples)}`);
  }
  let before: number | undefined;
  if (options.mode === 'append') {
    before = await ctx.withRetries('count', () => ctx.count());
    log(`graph <${options.graph}> holds ${before} triples before the upload`);
  }
  let sent: { bytes: number; chunks: number };
  if (options.mode === 'replace') {
    sent = await ctx.withRetries('upload', () => ctx.uploadAll(files, 'PUT', false));
  } else {
    sent = await ctx.uploadAll(files, 'POST', true);
  }
  log(`uploaded ${sent.bytes} bytes in ${sent.chunks} request${sent.chunks === 1 ? '' : 's'}`);
  const counted = await ctx.withRetries('count', () => ctx.count());
  const expected = options.expectedTriples;
  const where = `graph <${options.graph}> at ${ctx.display(ctx.sparqlUrl)}`;
  if (before === undefined) {
    if (counted !== expected) throw new PushError('count-mismatch', `${where} holds ${counted} triples, expected ${expected}`);
  } else {
    const low = Math.max(before, expected);
    const high = before + expected;
    if (counted < low || counted > high) {
      throw new PushError('count-mismatch', `${where} holds ${counted} triples after appending ${expected} to ${before}, expected between ${low} and ${high}`);
    }
  }
  log(`graph <${options.graph}> holds ${counted} triples (expected ${expected})`);
  return { uploaded: sent.bytes, expected, counted, graph: options.graph, chunks: sent.chunks, ...(before === undefined ? {} : { before }) };
}

/** The files of an export folder that hold no dataset: the ontology, the VoID description, the SHACL shapes, the JSON-LD context. */
const NOT_DATASETS: ReadonlySet<string> = new Set(['news-kg', 'void', 'shapes', 'context']);

/**
 * The dataset files `kg push` sends by default: every `<name>.<ext>` of the export folder (the shared entities,
 * then one per article: `entities.nt`, `article-000.nt`, …), not the ontology, VoID, shapes or context; sorted by
 * name. None when the folder does not exist.
 */
export function exportedDatasetFiles(dir: string, ext: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new PushError('input', `cannot read the export folder ${dir}: ${readProblem(error)}`);
  }
  const suffix = `.${ext}`;
  return names.filter((n) => n.endsWith(suffix) && n.length > suffix.length && !NOT_DATASETS.has(n.slice(0, -suffix.length)))
    .sort().map((n) => join(dir, n));
}

/** One named graph of a push and the files that go into it. */
export interface GraphFiles {
  readonly graph: string;
  readonly files: readonly string[];
}

/**
 * Which graph each file goes into. With `graph`, every file goes into it (one push). Without, each file goes into
 * the graph of the dataset it holds, `graphOf(<file name without .ext>)` (`entities.nt` into `<base>graph/entities`,
 * `article-000.nt` into `<base>graph/article-000`); files of one name (from different folders) go into one graph
 * together. Graphs come in the order of their first file.
 */
export function graphsOfFiles(files: readonly string[], options: { ext: string; graph?: string; graphOf: (name: string) => string }): GraphFiles[] {
  if (options.graph !== undefined) return [{ graph: options.graph, files: [...files] }];
  const out = new Map<string, string[]>();
  for (const f of files) {
    const graph = options.graphOf(basename(f, `.${options.ext}`));
    out.set(graph, [...(out.get(graph) ?? []), f]);
  }
  return [...out].map(([graph, list]) => ({ graph, files: list }));
}

/**
 * The number of distinct triples the files hold together, i.e. how many the graph holds after they are all sent.
 * One N-Triples file is counted as a stream (the export writes no triple twice). Several N-Triples files are read
 * into a set of lines, because the files of one export share triples (each article's file holds copies of the
 * shared entities it uses; the export writes a triple as the same line wherever it appears). Turtle files are parsed
 * into a set of triples. A blank node is counted once per file (each file is its own document to the store).
 */
export async function countDistinctTriples(paths: readonly string[], mediaType: string): Promise<number> {
  const type = baseType(mediaType);
  const failed = (path: string, error: unknown): PushError => {
    if (error instanceof PushError) return error;
    const code = (error as NodeJS.ErrnoException).code;
    return new PushError('input', code ? `cannot read ${path}: ${readProblem(error)}` : `cannot count the triples of ${path}: ${(error as Error).message}`);
  };
  if (type === NTRIPLES) {
    if (paths.length === 1) {
      const path = paths[0] as string;
      try { return await countNTriples(path); } catch (error) { throw failed(path, error); }
    }
    const seen = new Set<string>();
    for (const [i, path] of paths.entries()) {
      const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
      try {
        for await (const raw of lines) {
          const line = raw.trim();
          if (line === '' || line.startsWith('#')) continue;
          seen.add(line.includes('_:') ? `${i} ${line}` : line);
        }
      } catch (error) {
        throw failed(path, error);
      } finally {
        lines.close();
      }
    }
    return seen.size;
  }
  if (type === 'text/turtle') {
    const { Parser } = await import('n3');
    const seen = new Set<string>();
    const key = (t: { termType: string; value: string; language?: string; datatype?: { value: string } }, file: number): string =>
      t.termType === 'BlankNode' ? `_:${file}:${t.value}` : t.termType === 'Literal' ? `${JSON.stringify(t.value)}@${t.language ?? ''}^^${t.datatype?.value ?? ''}` : `<${t.value}>`;
    for (const [i, path] of paths.entries()) {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
        for (const q of new Parser({ format: 'text/turtle' }).parse(text)) seen.add(`${key(q.subject, i)} ${key(q.predicate, i)} ${key(q.object, i)}`);
      } catch (error) {
        throw failed(path, error);
      }
    }
    return seen.size;
  }
  throw new PushError('input', `cannot count the triples of ${mediaType} files: push N-Triples or Turtle`);
}

/** The options of `pushEach`: those of `push` shared by every graph, the graphs with their files, and their media type. */
export type PushEachOptions = Omit<PushOptions, 'graph' | 'files' | 'expectedTriples'> & {
  readonly graphs: readonly GraphFiles[];
  /** The media type of every file: N-Triples or Turtle. */
  readonly mediaType: string;
  /** Called once a graph is pushed and its count checked, before the next graph starts. */
  readonly onPushed?: (report: PushReport, graph: GraphFiles) => void;
};

/**
 * Pushes several named graphs one after the other: one `push()` per graph, with its own replace (PUT) or append, and
 * its own count check against the distinct triples of its own files (`countDistinctTriples`). Every graph is
 * counted before anything is sent. Stops at the first graph that fails and throws its PushError (a count mismatch
 * names that graph); graphs pushed before it stay pushed, and were reported through `onPushed`.
 */
export async function pushEach(options: PushEachOptions): Promise<PushReport[]> {
  const { graphs, mediaType, onPushed, ...common } = options;
  const expected: number[] = [];
  for (const g of graphs) expected.push(await countDistinctTriples(g.files, mediaType));
  const reports: PushReport[] = [];
  for (const [i, g] of graphs.entries()) {
    const report = await push({ ...common, graph: g.graph, files: g.files.map((path) => ({ path, mediaType })), expectedTriples: expected[i] ?? 0 });
    reports.push(report);
    onPushed?.(report, g);
  }
  return reports;
}

interface FileInfo { path: string; mediaType: string; size: number; chunked: boolean }

/** Checks the files exist, and that an N-Triples file cut into several chunks has no blank node. */
async function inspectFiles(files: PushOptions['files'], chunkBytes: number): Promise<FileInfo[]> {
  const out: FileInfo[] = [];
  for (const f of files) {
    let size: number;
    try {
      const s = await stat(f.path);
      if (!s.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      size = s.size;
    } catch (error) {
      throw new PushError('input', `cannot read ${f.path}: ${readProblem(error)}`);
    }
    const chunked = baseType(f.mediaType) === NTRIPLES;
    if (chunked && size > chunkBytes) {
      const line = await firstBlankNodeLine(f.path);
      if (line !== undefined) {
        throw new PushError('input', `${f.path}:${line}: a blank node in a file cut into several requests would be split apart; upload it in one chunk`);
      }
    }
    out.push({ path: f.path, mediaType: f.mediaType, size, chunked });
  }
  return out;
}

/** The 1-based number of the first N-Triples line with a blank node as subject or object, if any. */
async function firstBlankNodeLine(path: string): Promise<number | undefined> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (/^\s*(?:_:|<[^>]*>\s*<[^>]*>\s*_:)/.test(line)) return n;
    }
  } finally {
    lines.close();
  }
  return undefined;
}

/** Counts the statements of an N-Triples file (lines neither blank nor comments), reading it as a stream. */
export async function countNTriples(path: string): Promise<number> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) if (!/^\s*(?:#|$)/.test(line)) n++;
  return n;
}

/** Reads an N-Triples file as a stream and yields bodies of at most `max` bytes, each ending on a line boundary. */
export async function* ntriplesChunks(path: string, max: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  let carry: Buffer = Buffer.alloc(0);
  const flush = (): Buffer => { const b = Buffer.concat(parts, size); parts = []; size = 0; return b; };
  function* add(lines: Buffer): Generator<Buffer> {
    let rest = lines;
    while (rest.length > 0) {
      if (size + rest.length <= max) { parts.push(rest); size += rest.length; return; }
      const cut = max - size > 0 ? rest.lastIndexOf(10, max - size - 1) : -1;
      if (cut >= 0) {
        parts.push(rest.subarray(0, cut + 1)); size += cut + 1;
        rest = rest.subarray(cut + 1);
        yield flush();
      } else if (size > 0) {
        yield flush();
      } else {
        // One line longer than a chunk: it goes alone (the store may refuse it with 413).
        const nl = rest.indexOf(10);
        const end = nl < 0 ? rest.length : nl + 1;
        parts.push(rest.subarray(0, end)); size += end;
        rest = rest.subarray(end);
        yield flush();
      }
    }
  }
  for await (const data of createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    const buf = carry.length > 0 ? Buffer.concat([carry, data]) : data;
    const last = buf.lastIndexOf(10);
    if (last < 0) { carry = buf; continue; }
    carry = Buffer.from(buf.subarray(last + 1));
    yield* add(buf.subarray(0, last + 1));
  }
  if (carry.length > 0) yield* add(carry);
  if (size > 0) yield flush();
}

/** A request body: bytes in memory, or a file streamed whole. */
type Body = { kind: 'buffer'; data: Buffer } | { kind: 'file'; path: string; size: number } | { kind: 'none' };

function bodyLength(b: Body): number {
  return b.kind === 'buffer' ? b.data.length : b.kind === 'file' ? b.size : 0;
}

interface Answer { status: number; statusText: string; challenges: string[]; contentType: string; text: string }

/** A failure below HTTP (or a timeout) before the store answered. */
class NetFailure extends Error {
  constructor(readonly what: 'refused' | 'dns' | 'reset' | 'timeout' | 'other', message: string) { super(message); }
}

type AuthState = { scheme: 'basic' } | { scheme: 'digest'; challenge: Record<string, string>; nc: number };


class Context {
  readonly base: URL;
  readonly gspUrl: URL;
  readonly sparqlUrl: URL;
  readonly chunkBytes: number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly backoffMs: number;
  readonly log: (line: string) => void;
  private readonly auth = new Map<string, AuthState>();
  private readonly probed = new Set<string>();

  constructor(private readonly options: PushOptions) {
    let base: URL;
    try {
      base = new URL(options.endpoint);
    } catch {
      throw new PushError('input', 'the endpoint is not a URL: give the base URL of the store, e.g. http://127.0.0.1:8890');
    }
    if (base.username !== '' || base.password !== '') {
      throw new PushError('input', 'the endpoint URL must not hold a user or password: set KG_PUSH_USER and KG_PUSH_PASSWORD instead');
    }
    if (base.protocol !== 'http:' && base.protocol !== 'https:') {
      throw new PushError('input', `the endpoint must be an http or https URL, not ${base.protocol}`);
    }
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/.test(options.graph)) {
      throw new PushError('input', `the graph must be an absolute IRI, not ${JSON.stringify(options.graph)}`);
    }
    this.base = base;
    const at = (path: string): URL => new URL(base.origin + base.pathname.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
    this.gspUrl = at(options.gspPath ?? DEFAULT_GSP_PATH);
    this.gspUrl.searchParams.set('graph', options.graph);
    this.sparqlUrl = at(options.sparqlPath ?? DEFAULT_SPARQL_PATH);
    this.chunkBytes = positive(options.chunkBytes, DEFAULT_CHUNK_BYTES, 'chunkBytes');
    this.timeoutMs = positive(options.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs');
    this.retries = whole(options.retries, DEFAULT_RETRIES, 'retries');
    this.backoffMs = whole(options.backoffMs, DEFAULT_BACKOFF_MS, 'backoffMs');
    const sink = options.log;
    this.log = sink ? (line) => sink(this.redact(line)) : () => {};
  }

  /** A URL as shown in messages: origin and path, no query, never credentials. */
  display(url: URL): string {
    return `${url.origin}${url.pathname}`;
  }

  /** Removes the credentials from text that came from outside (a server's error page). */
  redact(text: string): string {
    const c = this.options.credentials;
    let out = text;
    for (const secret of c ? [c.password, c.user] : []) {
      if (secret.length >= 3) out = out.split(secret).join('***');
    }
    return out;
  }

  /** Runs `step`, retrying transient failures with exponential backoff; the final error says how many attempts. */
  async withRetries<T>(label: string, step: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        if (!(error instanceof PushError) || !error.transient) throw error;
        const e = error;
        if (attempt > this.retries) {
          throw new PushError(e.kind, `${e.message} (after ${attempt} attempts)`, { status: e.status, transient: true });
        }
        const wait = this.backoffMs * 2 ** (attempt - 1);
        this.log(`${label}: ${e.message}; retrying in ${wait} ms (retry ${attempt} of ${this.retries})`);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  /** Sends every file; the first request uses `firstMethod`, later ones POST; `retryEach` retries requests one by one. */
  async uploadAll(files: readonly FileInfo[], firstMethod: 'PUT' | 'POST', retryEach: boolean): Promise<{ bytes: number; chunks: number }> {
    let bytes = 0;
    let chunks = 0;
    const send = async (body: Body, mediaType: string): Promise<void> => {
      const method = chunks === 0 ? firstMethod : 'POST';
      const n = chunks + 1;
      const once = (): Promise<void> => this.upload(method, body, mediaType);
      if (retryEach) await this.withRetries(`chunk ${n}`, once); else await once();
      chunks++;
      bytes += bodyLength(body);
      this.log(`${method} chunk ${n}: ${bodyLength(body)} bytes`);
    };
    for (const f of files) {
      if (!f.chunked) { await send({ kind: 'file', path: f.path, size: f.size }, f.mediaType); continue; }
      try {
        for await (const data of ntriplesChunks(f.path, this.chunkBytes)) await send({ kind: 'buffer', data }, f.mediaType);
      } catch (error) {
        if (error instanceof PushError) throw error;
        throw new PushError('input', `cannot read ${f.path}: ${readProblem(error)}`);
      }
    }
    if (chunks === 0 && firstMethod === 'PUT') await send({ kind: 'buffer', data: Buffer.alloc(0) }, NTRIPLES);
    return { bytes, chunks };
  }

  /** One Graph Store request; throws a PushError unless the store accepts it. */
  private async upload(method: 'PUT' | 'POST', body: Body, mediaType: string): Promise<void> {
    const answer = await this.request(method, this.gspUrl, { 'content-type': mediaType }, body, true);
    if (answer.status >= 200 && answer.status < 300) return;
    throw this.statusError(method, this.gspUrl, answer, bodyLength(body));
  }

  /** Counts the triples of the graph through the SPARQL query service. */
  async count(): Promise<number> {
    const query = `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${this.options.graph}> { ?s ?p ?o } }`;
    const body: Body = { kind: 'buffer', data: Buffer.from(new URLSearchParams({ query }).toString()) };
    const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' };
    const answer = await this.request('POST', this.sparqlUrl, headers, body, false);
    if (answer.status < 200 || answer.status >= 300) throw this.statusError('POST', this.sparqlUrl, answer, bodyLength(body));
    const where = `POST ${this.display(this.sparqlUrl)}`;
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      throw new PushError('protocol', `${where}: the count query did not return SPARQL JSON results (content type ${answer.contentType || 'none'})`, { status: answer.status });
    }
    const bindings = (json as { results?: { bindings?: unknown } }).results?.bindings;
    const row = Array.isArray(bindings) && bindings.length === 1 ? bindings[0] as Record<string, { value?: unknown }> : undefined;
    const cell = row ? (row.n ?? (Object.keys(row).length === 1 ? Object.values(row)[0] : undefined)) : undefined;
    // Compare values, not spellings: "42", 42, "42.0" or "4.2E1" are all 42.
    const value = cell && (typeof cell.value === 'string' || typeof cell.value === 'number') ? Number(String(cell.value).trim()) : NaN;
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new PushError('protocol', `${where}: the count query returned no whole number (${JSON.stringify(answer.text.slice(0, 120))})`, { status: answer.status });
    }
    return value;
  }

  /** The PushError for an HTTP status other than 2xx. */
  private statusError(method: string, url: URL, answer: Answer, sentBytes: number): PushError {
    const s = answer.status;
    const head = `${method} ${this.display(url)}: HTTP ${s}${answer.statusText ? ` ${answer.statusText}` : ''}`;
    const detail = errorDetail(answer);
    const tail = detail ? `: ${this.redact(detail)}` : '';
    const creds = this.options.credentials !== undefined;
    const service = url === this.sparqlUrl ? 'SPARQL query service' : 'Graph Store service';
    if (s === 401) {
      return new PushError('auth', `${head}: ${creds ? 'the store refused the credentials (KG_PUSH_USER, KG_PUSH_PASSWORD)' : 'the store needs credentials: set KG_PUSH_USER and KG_PUSH_PASSWORD'}${tail}`, { status: s });
    }
    if (s === 403) return new PushError('auth', `${head}: ${creds ? 'this user may not' : 'anonymous users may not'} write to graph <${this.options.graph}>${tail}`, { status: s });
    if (s === 404) return new PushError('not-found', `${head}: no ${service} at this path${tail}`, { status: s });
    if (s === 413) return new PushError('too-large', `${head}: the store refused a request body of ${sentBytes} bytes; use smaller chunks${tail}`, { status: s });
    if (s === 501) return new PushError('server', `${head}: the store does not take ${method} at this path${tail}`, { status: s, transient: false });
    if (s >= 500) return new PushError('server', `${head}${tail}`, { status: s });
    return new PushError('protocol', `${head}${tail}`, { status: s });
  }

  /**
   * One HTTP exchange with authentication: answers a 401 challenge (basic or digest) once, and before a large body
   * learns the challenge with a HEAD request, so that the body is not sent only to be refused.
   */
  private async request(method: string, url: URL, headers: Record<string, string>, body: Body, probe: boolean): Promise<Answer> {
    const creds = this.options.credentials;
    const space = url.pathname;
    if (creds && probe && !this.auth.has(space) && !this.probed.has(space)) {
      this.probed.add(space);
      const answer = await this.exchange('HEAD', url, {}, { kind: 'none' });
      if (answer.status === 401) this.learn(space, answer.challenges);
    }
    let fresh = false;
    for (let round = 0; ; round++) {
      const state = this.auth.get(space);
      const h = { ...headers };
      if (creds && state) {
        h.authorization = authorization(state, creds, method, url.pathname + url.search);
        fresh = state.scheme === 'digest' && state.nc === 1;
      }
      const answer = await this.exchange(method, url, h, body);
      if (answer.status !== 401 || !creds || round > 0) return answer;
      // Answer the challenge once; a digest nonce that was reused and has gone stale is renewed once too.
      const stale = answer.challenges.some((c) => /stale\s*=\s*"?true/i.test(c));
      if (state && state.scheme === 'digest' && fresh && !stale) return answer;
      if (state && state.scheme === 'basic') return answer;
      if (!this.learn(space, answer.challenges)) return answer;
    }
  }

  /** Keeps the scheme the store asks for (digest preferred over basic); false if none is usable. */
  private learn(space: string, challenges: readonly string[]): boolean {
    const digest = challenges.find((c) => /^digest\s/i.test(c));
    if (digest) {
      const challenge = parseChallenge(digest);
      const alg = (challenge.algorithm ?? 'MD5').toUpperCase();
      if (challenge.nonce !== undefined && ['MD5', 'MD5-SESS', 'SHA-256', 'SHA-256-SESS'].includes(alg)) {
        if (this.auth.get(space)?.scheme !== 'digest') this.log(`${space}: the store asks for digest authentication`);
        this.auth.set(space, { scheme: 'digest', challenge, nc: 0 });
        return true;
      }
    }
    if (challenges.some((c) => /^basic(\s|$)/i.test(c))) {
      this.log(`${space}: the store asks for basic authentication`);
      this.auth.set(space, { scheme: 'basic' });
      return true;
    }
    return false;
  }

  /** One HTTP request/response with an idle timeout; network failures become PushErrors naming the URL. */
  private async exchange(method: string, url: URL, headers: Record<string, string>, body: Body): Promise<Answer> {
    try {
      return await this.rawExchange(method, url, headers, body);
    } catch (error) {
      const where = `${method} ${this.display(url)}`;
      if (!(error instanceof NetFailure)) throw error;
      switch (error.what) {
        case 'refused': throw new PushError('connect', `${where}: connection refused (is the store running?)`);
        case 'dns': throw new PushError('dns', `${where}: host ${url.hostname} not found (DNS)`);
        case 'reset': throw new PushError('connect', `${where}: connection reset by the store`, { transient: true });
        case 'timeout': throw new PushError('timeout', `${where}: no answer within ${this.timeoutMs} ms`);
        default: throw new PushError('connect', `${where}: ${error.message}`);
      }
    }
  }

  private rawExchange(method: string, url: URL, headers: Record<string, string>, body: Body): Promise<Answer> {
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise<Answer>((resolve, reject) => {
      let settled = false;
      const fail = (e: NetFailure): void => { if (!settled) { settled = true; reject(e); } };
      const req = lib.request(url, {
        method,
        headers: { ...headers, 'content-length': String(bodyLength(body)), 'user-agent': 'kg-push' },
        agent: false,
      });
      req.setTimeout(this.timeoutMs, () => req.destroy(new NetFailure('timeout', 'timeout')));
      req.on('error', (error: NodeJS.ErrnoException) => fail(classify(error)));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const limit = 1 << 20;
        res.on('data', (c: Buffer) => { if (size < limit) { chunks.push(c); size += c.length; } });
        res.on('error', (error: NodeJS.ErrnoException) => fail(classify(error)));
        res.on('aborted', () => fail(new NetFailure('reset', 'aborted')));
        res.on('end', () => {
          if (settled) return;
          settled = true;
          const challenges: string[] = [];
          for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
            if (res.rawHeaders[i]!.toLowerCase() === 'www-authenticate') challenges.push(res.rawHeaders[i + 1]!);
          }
          resolve({
            status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', challenges,
            contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      });
      if (body.kind === 'file') {
        const stream: Readable = createReadStream(body.path);
        stream.on('error', (error) => req.destroy(error));
        stream.pipe(req);
      } else {
        req.end(body.kind === 'buffer' ? body.data : undefined);
      }
    });
  }
}

/** Maps a Node.js network error to what it means for the user. */
function classify(error: NodeJS.ErrnoException): NetFailure {
  if (error instanceof NetFailure) return error;
  const code = error.code ?? '';
  if (code === 'ECONNREFUSED') return new NetFailure('refused', error.message);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NONAME') return new NetFailure('dns', error.message);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') return new NetFailure('reset', error.message);
  if (code === 'ETIMEDOUT') return new NetFailure('timeout', error.message);
  return new NetFailure('other', code ? `${code}` : error.message);
}

/** A short readable reason from an error page (Virtuoso puts it in <xmp>), or from a plain-text body. */
function errorDetail(answer: Answer): string {
  const text = answer.text;
  let detail = '';
  const pre = /<(xmp|pre)[^>]*>([\s\S]*?)<\/\1>/i.exec(text);
  if (pre) detail = pre[2]!;
  else if (/^text\/plain/i.test(answer.contentType)) detail = text;
  detail = detail.replace(/\s+/g, ' ').trim();
  return detail.length > 200 ? `${detail.slice(0, 199)}…` : detail;
}

/** The parameters of one `WWW-Authenticate: Digest ...` challenge. */
function parseChallenge(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
  for (const m of header.replace(/^digest\s+/i, '').matchAll(re)) {
    out[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!;
  }
  return out;
}

/** The Authorization header for one request: basic, or digest (RFC 7616: MD5 or SHA-256, qop=auth or none). */
function authorization(state: AuthState, creds: Credentials, method: string, uri: string): string {
  if (state.scheme === 'basic') return `Basic ${Buffer.from(`${creds.user}:${creds.password}`, 'utf8').toString('base64')}`;
  const c = state.challenge;
  state.nc++;
  const alg = (c.algorithm ?? 'MD5').toUpperCase();
  const hash = (s: string): string => createHash(alg.startsWith('SHA-256') ? 'sha256' : 'md5').update(s, 'utf8').digest('hex');
  const realm = c.realm ?? '';
  const nonce = c.nonce ?? '';
  const cnonce = randomBytes(8).toString('hex');
  const nc = state.nc.toString(16).padStart(8, '0');
  let ha1 = hash(`${creds.user}:${realm}:${creds.password}`);
  if (alg.endsWith('-SESS')) ha1 = hash(`${ha1}:${nonce}:${cnonce}`);
  const ha2 = hash(`${method}:${uri}`);
  const qops = (c.qop ?? '').split(',').map((q) => q.trim().toLowerCase());
  const useQop = qops.includes('auth');
  const response = useQop ? hash(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`) : hash(`${ha1}:${nonce}:${ha2}`);
  const q = (s: string): string => `"${s.replace(/(["\\])/g, '\\$1')}"`;
  const parts = [`username=${q(creds.user)}`, `realm=${q(realm)}`, `nonce=${q(nonce)}`, `uri=${q(uri)}`, `algorithm=${c.algorithm ?? 'MD5'}`, `response=${q(response)}`];
  if (useQop) parts.push('qop=auth', `nc=${nc}`, `cnonce=${q(cnonce)}`);
  if (c.opaque !== undefined) parts.push(`opaque=${q(c.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}

function baseType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new PushError('input', `${name} must be a positive number, not ${String(value)}`);
  return value;
}

function whole(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) throw new PushError('input', `${name} must be a whole number, not ${String(value)}`);
  return value;
}
