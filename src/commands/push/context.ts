// The options of one push, checked, and what its steps share: the store's URLs, the log, authenticated requests, status errors.
import { STATUS_CODES } from 'node:http';
import { Authenticator, type Credentials } from './auth.js';
import { PushError } from './errors.js';
import { display, errorDetail, type Answer, type Body } from './http.js';
import { Redactor, WITHHELD } from './redact.js';

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
  /**
   * The content check after the count: undefined asks the store for every triple of the files; a number N asks for
   * the N triples whose SHA-256 of their SPARQL form is smallest (the same sample for the same triples); 0 skips it.
   */
  verifySample?: number;
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

/** The defaults of the options (Virtuoso's paths: basic gets 401 at /sparql-graph-crud-auth, digest works). */
export const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;
/** The default Graph Store path (Virtuoso's, with authentication). */
export const DEFAULT_GSP_PATH = '/sparql-graph-crud-auth';
/** The default SPARQL query path. */
export const DEFAULT_SPARQL_PATH = '/sparql';
/** The default idle timeout of a request, in ms. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** The default number of retries of a transient failure. */
export const DEFAULT_RETRIES = 3;
/** The default first wait before a retry, in ms. */
export const DEFAULT_BACKOFF_MS = 500;

/** The checked options of one push and what its steps share; the constructor throws an 'input' PushError for a bad option. */
export class Context {
  readonly base: URL;
  readonly gspUrl: URL;
  readonly sparqlUrl: URL;
  readonly chunkBytes: number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly backoffMs: number;
  /** How many triples the content check asks for: all, or a sample of this many (0: none). */
  readonly verifySample: number | 'all';
  readonly log: (line: string) => void;
  /** Removes the credentials from every line shown (see `Redactor`). */
  readonly redactor: Redactor;
  private readonly auth: Authenticator;

  /** Checks the options (endpoint, graph IRI, numbers) in this order and derives the URLs of both services. */
  constructor(readonly options: PushOptions) {
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
    this.verifySample = options.verifySample === undefined ? 'all' : whole(options.verifySample, 0, 'verifySample');
    this.redactor = new Redactor(options.credentials);
    const sink = options.log;
    this.log = sink ? (line) => sink(this.redactor.text(line)) : () => {};
    this.auth = new Authenticator(options.credentials, this.timeoutMs, this.log, (secret) => this.redactor.remember(secret));
  }

  /** A URL as shown in messages: origin and path, no query, never credentials. */
  display(url: URL): string {
    return display(url);
  }

  /** Text the store sent (an error page, a reason phrase, a content type), without credentials or withheld (`Redactor.shown`). */
  fromStore(text: string): string {
    return this.redactor.shown(text);
  }

  /** An error about to leave `push`, its message (and stack) without credentials; any other thrown value as is. */
  redactError(error: unknown): unknown {
    if (!(error instanceof Error)) return error;
    const clean = this.redactor.text(error.message);
    if (clean !== error.message) error.message = clean;
    if (error.stack !== undefined) error.stack = this.redactor.text(error.stack);
    return error;
  }

  /** One authenticated HTTP exchange with the store (see `Authenticator.request`). */
  request(method: string, url: URL, headers: Record<string, string>, body: Body, probe: boolean): Promise<Answer> {
    return this.auth.request(method, url, headers, body, probe);
  }

  /** The PushError for an HTTP status other than 2xx. */
  statusError(method: string, url: URL, answer: Answer, sentBytes: number): PushError {
    const s = answer.status;
    // The reason phrase and the body come from the store: a standard phrase is shown as is, anything else redacted.
    const reason = answer.statusText === '' || answer.statusText === STATUS_CODES[s] ? answer.statusText : this.fromStore(answer.statusText);
    const head = `${method} ${this.display(url)}: HTTP ${s}${reason ? ` ${reason}` : ''}`;
    // Redacted before errorDetail cuts and folds it (a credential cut in two would escape), and again after.
    const clean = this.redactor.outside(answer.text);
    const detail = clean === undefined ? undefined : this.redactor.outside(errorDetail({ ...answer, text: clean }));
    const tail = detail === undefined ? `: ${WITHHELD}` : detail ? `: ${detail}` : '';
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
