// Tests of push() (kg push) against a fake Graph Store + SPARQL server on 127.0.0.1 (queries answered by Oxigraph): authentication, faults, retries, chunks, one graph per dataset, the content check, redaction.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser, Writer } from 'n3';
import oxigraph from 'oxigraph';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphIri } from '../src/generate/description.js';
import { countDistinctTriples, countNTriples, credentialsFromEnv, exportedDatasetFiles, graphsOfFiles, ntriplesChunks, push, pushEach, PushError, type PushOptions } from '../src/commands/push.js';
import { projectPath } from '../src/project.js';
import { DEFAULT_BASE } from '../src/model/vocab.js';
import { main } from '../src/cli/main.js';
import { vi } from 'vitest';

const GRAPH = 'https://example.org/graph/article-000';
const USER = 'alice-push';
const PASSWORD = 'S3cret-Pa55word';
const CREDS = { user: USER, password: PASSWORD };
const SECRETS = [PASSWORD, `${USER}:${PASSWORD}`, Buffer.from(`${USER}:${PASSWORD}`).toString('base64')];

type Answer = number | 'reset' | 'hang';

/** How the fake store behaves. */
interface Behaviour {
  auth?: { scheme: 'basic' | 'digest'; user: string; password: string; singleUseNonce?: boolean };
  /** Answers for successive Graph Store writes (PUT/POST); once used up, writes succeed. A 2xx applies the body. */
  writes?: Answer[];
  /** Write answers after which the body is applied anyway (the store took it, then failed to say so). */
  applyOnFailure?: boolean;
  /** Answers for successive count queries; once used up, the real count is returned. */
  queries?: Answer[];
  /** The count value as returned (a spelling), instead of the real number of triples. */
  countValue?: string | number;
  /** The count value returned for one graph (by IRI), instead of the real number of its triples. */
  countValues?: Record<string, string | number>;
  /** Triples in the graph at start. */
  initial?: string[];
  /** Plain-text body of error answers. */
  errorText?: string;
  /** Writes are answered as if applied, and ignored: the graphs keep what they held (a store that keeps stale data). */
  stale?: boolean;
  /** Error answers (and 401s) echo the request (method, URL, every header, the body) as text, JSON or an HTML page. */
  echo?: 'text' | 'json' | 'html';
  /** Error answers give the request's Authorization header as their reason phrase. */
  echoReason?: boolean;
  /** Triples (N-Triples lines) the content queries never find, though the graph holds them. */
  hidden?: string[];
}

/** One request the fake saw; `graph` is the graph it wrote to, counted or asked about; `ask` marks a content query. */
interface Seen { method: string; path: string; graph: string | undefined; authorization: string | undefined; bytes: number; answer: Answer; ask: boolean; query: string }

interface Fake {
  url: string;
  seen: Seen[];
  /** The graph GRAPH: a set of N-Triples lines, as a store keeps triples. */
  graph: Set<string>;
  /** Every named graph by IRI (GRAPH included), each a set of N-Triples lines. */
  graphs: Map<string, Set<string>>;
  /** Every body line delivered by an applied write, in order (to check chunk contents). */
  bodies: string[][];
  /** Every error answer sent: reason phrase and body. */
  errors: string[];
  close(): Promise<void>;
}

const fakes: Fake[] = [];
let dir: string;

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'kg-push-test-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
afterEach(async () => { await Promise.all(fakes.splice(0).map((f) => f.close())); });

function md5(s: string): string {
  return createHash('md5').update(s).digest('hex');
}

function digestParams(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.replace(/^Digest\s+/i, '').matchAll(/(\w+)=(?:"([^"]*)"|([^\s,]+))/g)) out[m[1]!] = m[2] ?? m[3]!;
  return out;
}

/** Starts a fake store on 127.0.0.1 (random port) with the Graph Store at the default paths. */
async function fake(b: Behaviour = {}): Promise<Fake> {
  const seen: Seen[] = [];
  const graph = new Set(b.initial ?? []);
  const graphs = new Map([[GRAPH, graph]]);
  const graphNamed = (iri: string): Set<string> => {
    const g = graphs.get(iri) ?? new Set<string>();
    graphs.set(iri, g);
    return g;
  };
  const bodies: string[][] = [];
  const errors: string[] = [];
  // The graphs as an Oxigraph store for the content queries, rebuilt after a write.
  let store: oxigraph.Store | undefined;
  const asStore = (): oxigraph.Store => {
    if (store) return store;
    store = new oxigraph.Store();
    const hidden = new Set(b.hidden ?? []);
    for (const [iri, lines] of graphs) {
      const nq = [...lines].filter((l) => !hidden.has(l)).map((l) => `${l.replace(/\s*\.\s*$/, '')} <${iri}> .`).join('\n');
      if (nq) store.load(nq, { format: 'application/n-quads' });
    }
    return store;
  };
  const writes = [...(b.writes ?? [])];
  const queries = [...(b.queries ?? [])];
  const nonces = new Map<string, number>();
  const realm = 'fake-store';
  const challenge = (stale = false): string => {
    if (b.auth?.scheme === 'basic') return `Basic realm="${realm}"`;
    const nonce = randomBytes(12).toString('hex');
    nonces.set(nonce, 0);
    return `Digest realm="${realm}", nonce="${nonce}", opaque="0paque", stale="${stale}", qop="auth", algorithm="MD5"`;
  };
  /** 'ok', 'stale' (digest nonce unknown or used up) or 'bad'. */
  const authorize = (req: http.IncomingMessage): 'ok' | 'bad' | 'stale' => {
    const a = b.auth;
    if (!a) return 'ok';
    const h = req.headers.authorization ?? '';
    if (a.scheme === 'basic') return h === `Basic ${Buffer.from(`${a.user}:${a.password}`).toString('base64')}` ? 'ok' : 'bad';
    if (!/^Digest /.test(h)) return 'bad'; // basic is refused where digest is required
    const p = digestParams(h);
    const last = nonces.get(p.nonce ?? '');
    if (last === undefined) return 'stale';
    const nc = parseInt(p.nc ?? '', 16);
    if (!(nc > last) || p.qop !== 'auth' || p.uri !== req.url || p.username !== a.user || p.realm !== realm || p.opaque !== '0paque') return 'bad';
    const expected = md5(`${md5(`${a.user}:${realm}:${a.password}`)}:${p.nonce}:${p.nc}:${p.cnonce}:auth:${md5(`${req.method}:${req.url}`)}`);
    if (p.response !== expected) return 'bad';
    if (a.singleUseNonce) nonces.delete(p.nonce!); else nonces.set(p.nonce!, nc);
    return 'ok';
  };
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://x');
      const query = url.pathname === '/sparql' ? new URLSearchParams(body).get('query') ?? '' : '';
      const counted = /^SELECT \(COUNT\(\*\) AS \?n\) WHERE \{ GRAPH <([^<>]+)> \{ \?s \?p \?o \} \}$/.exec(query)?.[1];
      const ask = /^SELECT DISTINCT \?i WHERE \{/.test(query);
      const asked = ask ? /GRAPH <([^<>]+)>/.exec(query)?.[1] : undefined;
      const target = url.searchParams.get('graph') ?? counted ?? asked ?? undefined;
      const record = (answer: Answer): void => { seen.push({ method: req.method ?? '', path: url.pathname, graph: target, authorization: req.headers.authorization, bytes: parts.reduce((n, p) => n + p.length, 0), answer, ask, query }); };
      /** The request as an echoing store repeats it: request line, every header as received, the body. */
      const echoed = (): { type: string; text: string } => {
        const headers: string[] = [];
        for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
        // A debugging store that also decodes the basic credentials it got (user name and password in clear).
        const basic = /^Basic (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
        const decoded = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : undefined;
        if (decoded) headers.push(`X-Decoded: user ${decoded[0]} password ${decoded.slice(1).join(':')}`);
        if (b.echo === 'json') return { type: 'text/plain; charset=utf-8', text: JSON.stringify({ error: 'refused', method: req.method, url: req.url, headers: req.headers, decoded, rawHeaders: req.rawHeaders, body }) };
        const text = `${req.method} ${req.url}\n${headers.join('\n')}\n\n${body}`;
        if (b.echo === 'html') return { type: 'text/html', text: `<html><body><h1>Error</h1><pre>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></body></html>` };
        return { type: 'text/plain', text };
      };
      const reason = (status: number): string => (b.echoReason && req.headers.authorization ? req.headers.authorization : http.STATUS_CODES[status] ?? '');
      const send = (status: number, type?: string, text?: string, headers: Record<string, string> = {}): void => {
        record(status);
        if (status >= 400 && b.echo) ({ type, text } = echoed());
        if (status >= 400) errors.push(`${reason(status)}\n${text ?? ''}`);
        res.writeHead(status, reason(status), { ...(type ? { 'content-type': type } : {}), ...headers });
        res.end(text);
      };
      const auth = authorize(req);
      if (auth !== 'ok') {
        send(401, undefined, undefined, { 'www-authenticate': challenge(auth === 'stale'), connection: 'close' });
        return;
      }
      const act = (planned: Answer | undefined, ok: () => void): void => {
        if (planned === 'reset') { record('reset'); req.socket.destroy(); return; }
        if (planned === 'hang') { record('hang'); return; }
        if (planned === undefined || (planned >= 200 && planned < 300)) { ok(); return; }
        if (b.applyOnFailure) applyWrite();
        send(planned, b.errorText ? 'text/plain' : undefined, b.errorText);
      };
      const applyWrite = (): void => {
        if (b.stale) return;
        store = undefined;
        // Comment lines (an export's header) are no triples, as for a store; Turtle is kept as N-Triples lines.
        const turtle = /^text\/turtle/.test(req.headers['content-type'] ?? '');
        const lines = turtle
          ? new Parser({ format: 'text/turtle' }).parse(body).map((q) => new Writer({ format: 'N-Triples' }).quadToString(q.subject, q.predicate, q.object).trim())
          : body.split('\n').filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
        const g = graphNamed(target ?? '');
        if (req.method === 'PUT') g.clear();
        for (const l of lines) g.add(l);
        bodies.push(lines);
      };
      if (url.pathname === '/sparql-graph-crud-auth' && /^https?:\/\/\S+$/.test(url.searchParams.get('graph') ?? '')) {
        if (req.method === 'HEAD') { send(200); return; }
        if (req.method !== 'PUT' && req.method !== 'POST') { send(405); return; }
        act(writes.shift(), () => { applyWrite(); send(req.method === 'PUT' ? 201 : 200); });
        return;
      }
      if (url.pathname === '/sparql' && req.method === 'POST' && ask) {
        act(queries.shift(), () => {
          send(200, 'application/sparql-results+json', asStore().query(query, { results_format: 'application/sparql-results+json' }) as string);
        });
        return;
      }
      if (url.pathname === '/sparql' && req.method === 'POST') {
        if (counted === undefined) { send(400, 'text/plain', 'unexpected query'); return; }
        act(queries.shift(), () => {
          const value = b.countValues?.[counted] ?? b.countValue ?? String(graphs.get(counted)?.size ?? 0);
          send(200, 'application/sparql-results+json', JSON.stringify({
            head: { vars: ['n'] },
            results: { bindings: [{ n: { type: 'typed-literal', datatype: 'http://www.w3.org/2001/XMLSchema#integer', value } }] },
          }));
        });
        return;
      }
      send(404);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const f: Fake = {
    url: `http://127.0.0.1:${port}`, seen, graph, graphs, bodies, errors,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  fakes.push(f);
  return f;
}

/** Writes an N-Triples file of `n` distinct triples and returns its path and lines. */
function ntriples(name: string, n: number, from = 0): { path: string; lines: string[] } {
  const lines = Array.from({ length: n }, (_, i) => `<https://example.org/s/${from + i}> <https://example.org/p> "value ${from + i} with some padding text" .`);
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, lines };
}

/** How many bodies of at most `max` bytes whole lines pack into, greedily (an oracle independent of push.ts). */
function chunkCount(lines: readonly string[], max: number): number {
  let count = 0;
  let size = 0;
  for (const l of lines) {
    const n = Buffer.byteLength(l) + 1;
    if (size > 0 && size + n > max) { count++; size = 0; }
    size += n;
  }
  return size > 0 ? count + 1 : count;
}

const posts = (n: number, answer: string): string[] => Array<string>(n).fill(`POST ${answer}`);

/** A request as `METHOD path answer`, a content query marked `ask`. */
const shown = (s: Seen): string => `${s.method} ${s.path}${s.ask ? ' ask' : ''} ${s.answer}`;

/** Options for a push of `file` to the fake store, with short timeouts and backoff. */
function opts(f: { url: string }, file: string, expectedTriples: number, more: Partial<PushOptions> = {}): PushOptions {
  return {
    endpoint: f.url, graph: GRAPH, mode: 'replace', files: [{ path: file, mediaType: 'application/n-triples' }], expectedTriples,
    timeoutMs: 10_000, backoffMs: 1, ...more,
  };
}

/** Runs `kg` in-process (the CLI module alone, not the datasets) and returns its exit code, stderr and stdout. */
async function kg(args: readonly string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { stderr += String(chunk); return true; });
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { stdout += String(chunk); return true; });
  try {
    return { code: await main(args), stderr, stdout };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}

/** Runs push and returns the PushError it throws (fails the test if it does not throw one). */
async function failure(options: PushOptions): Promise<PushError> {
  try {
    await push(options);
  } catch (error) {
    if (error instanceof PushError) return error;
    throw error;
  }
  throw new Error('push succeeded but was expected to fail');
}

describe('push: faults, table-driven', () => {
  const small = (): { path: string; lines: string[] } => ntriples('small.nt', 10);
  const GSP = '/sparql-graph-crud-auth';

  interface Case {
    name: string;
    behaviour: Behaviour;
    more?: Partial<PushOptions>;
    expected?: number;
    kind: PushError['kind'];
    message: (url: string, bytes: number) => string;
    /** The requests the store saw, as `METHOD path answer`. */
    requests: string[];
  }

  const cases: Case[] = [
    {
      name: 'digest required, no credentials', behaviour: { auth: { scheme: 'digest', ...CREDS } }, kind: 'auth',
      message: (u) => `PUT ${u}${GSP}: HTTP 401 Unauthorized: the store needs credentials: set KG_PUSH_USER and KG_PUSH_PASSWORD`,
      requests: [`PUT ${GSP} 401`],
    },
    {
      name: 'digest required, wrong password', behaviour: { auth: { scheme: 'digest', user: USER, password: 'another' } }, more: { credentials: CREDS }, kind: 'auth',
      message: (u) => `PUT ${u}${GSP}: HTTP 401 Unauthorized: the store refused the credentials (KG_PUSH_USER, KG_PUSH_PASSWORD)`,
      requests: [`HEAD ${GSP} 401`, `PUT ${GSP} 401`],
    },
    {
      name: 'basic required, wrong password', behaviour: { auth: { scheme: 'basic', user: USER, password: 'another' } }, more: { credentials: CREDS }, kind: 'auth',
      message: (u) => `PUT ${u}${GSP}: HTTP 401 Unauthorized: the store refused the credentials (KG_PUSH_USER, KG_PUSH_PASSWORD)`,
      requests: [`HEAD ${GSP} 401`, `PUT ${GSP} 401`],
    },
    {
      name: '403 for anonymous writes', behaviour: { writes: [403] }, kind: 'auth',
      message: (u) => `PUT ${u}${GSP}: HTTP 403 Forbidden: anonymous users may not write to graph <${GRAPH}>`,
      requests: [`PUT ${GSP} 403`],
    },
    {
      name: '403 for an authenticated user', behaviour: { auth: { scheme: 'digest', ...CREDS }, writes: [403], errorText: 'SQ110: Permission denied' }, more: { credentials: CREDS }, kind: 'auth',
      message: (u) => `PUT ${u}${GSP}: HTTP 403 Forbidden: this user may not write to graph <${GRAPH}>: SQ110: Permission denied`,
      requests: [`HEAD ${GSP} 401`, `PUT ${GSP} 403`],
    },
    {
      name: '404 at the Graph Store path', behaviour: {}, more: { gspPath: '/no-such-service' }, kind: 'not-found',
      message: (u) => `PUT ${u}/no-such-service: HTTP 404 Not Found: no Graph Store service at this path`,
      requests: ['PUT /no-such-service 404'],
    },
    {
      name: '404 at the SPARQL path', behaviour: {}, more: { sparqlPath: '/no-sparql' }, kind: 'not-found',
      message: (u) => `POST ${u}/no-sparql: HTTP 404 Not Found: no SPARQL query service at this path`,
      requests: [`PUT ${GSP} 201`, 'POST /no-sparql 404'],
    },
    {
      name: '413 payload too large', behaviour: { writes: [413] }, kind: 'too-large',
      message: (u, bytes) => `PUT ${u}${GSP}: HTTP 413 Payload Too Large: the store refused a request body of ${bytes} bytes; use smaller chunks`,
      requests: [`PUT ${GSP} 413`],
    },
    {
      name: '400 bad request is not retried', behaviour: { writes: [400], errorText: 'syntax error at line 3' }, kind: 'protocol',
      message: (u) => `PUT ${u}${GSP}: HTTP 400 Bad Request: syntax error at line 3`,
      requests: [`PUT ${GSP} 400`],
    },
    {
      name: '500 every time: retried 3 times', behaviour: { writes: [500, 500, 500, 500, 500], errorText: 'database is busy' }, kind: 'server',
      message: (u) => `PUT ${u}${GSP}: HTTP 500 Internal Server Error: database is busy (after 4 attempts)`,
      requests: [`PUT ${GSP} 500`, `PUT ${GSP} 500`, `PUT ${GSP} 500`, `PUT ${GSP} 500`],
    },
    {
      name: '503 with retries: 1', behaviour: { writes: [503, 503, 503] }, more: { retries: 1 }, kind: 'server',
      message: (u) => `PUT ${u}${GSP}: HTTP 503 Service Unavailable (after 2 attempts)`,
      requests: [`PUT ${GSP} 503`, `PUT ${GSP} 503`],
    },
    {
      name: 'connection reset every time', behaviour: { writes: ['reset', 'reset', 'reset', 'reset', 'reset'] }, kind: 'connect',
      message: (u) => `PUT ${u}${GSP}: connection reset by the store (after 4 attempts)`,
      requests: [`PUT ${GSP} reset`, `PUT ${GSP} reset`, `PUT ${GSP} reset`, `PUT ${GSP} reset`],
    },
    {
      name: 'a store that hangs', behaviour: { writes: ['hang', 'hang', 'hang', 'hang', 'hang'] }, more: { timeoutMs: 150 }, kind: 'timeout',
      message: (u) => `PUT ${u}${GSP}: no answer within 150 ms (after 4 attempts)`,
      requests: [`PUT ${GSP} hang`, `PUT ${GSP} hang`, `PUT ${GSP} hang`, `PUT ${GSP} hang`],
    },
    {
      name: 'a count query that hangs', behaviour: { queries: ['hang', 'hang'] }, more: { timeoutMs: 150, retries: 1 }, kind: 'timeout',
      message: (u) => `POST ${u}/sparql: no answer within 150 ms (after 2 attempts)`,
      requests: [`PUT ${GSP} 201`, 'POST /sparql hang', 'POST /sparql hang'],
    },
    {
      name: 'the store counts fewer triples', behaviour: { countValue: '9' }, kind: 'count-mismatch',
      message: (u) => `graph <${GRAPH}> at ${u}/sparql holds 9 triples, expected 10`,
      requests: [`PUT ${GSP} 201`, 'POST /sparql 200'],
    },
    {
      name: 'the store counts more triples', behaviour: {}, expected: 11, kind: 'count-mismatch',
      message: (u) => `graph <${GRAPH}> at ${u}/sparql holds 10 triples, expected 11`,
      requests: [`PUT ${GSP} 201`, 'POST /sparql 200'],
    },
    {
      name: 'a count that is not a number', behaviour: { countValue: 'ten' }, kind: 'protocol',
      message: (u) => `POST ${u}/sparql: the count query returned no whole number (${JSON.stringify(JSON.stringify({
        head: { vars: ['n'] }, results: { bindings: [{ n: { type: 'typed-literal', datatype: 'http://www.w3.org/2001/XMLSchema#integer', value: 'ten' } }] },
      }).slice(0, 120))})`,
      requests: [`PUT ${GSP} 201`, 'POST /sparql 200'],
    },
  ];

  it.each(cases)('$name', async (c) => {
    const file = small();
    const f = await fake(c.behaviour);
    const logged: string[] = [];
    const error = await failure(opts(f, file.path, c.expected ?? 10, { ...c.more, log: (l) => logged.push(l) }));
    expect(error.kind).toBe(c.kind);
    expect(error.message).toBe(c.message(f.url, readFileSync(file.path).length));
    expect(f.seen.map(shown)).toEqual(c.requests);
    for (const text of [error.message, ...logged]) for (const secret of SECRETS) expect(text).not.toContain(secret);
    if (c.behaviour.auth?.scheme === 'digest') expect(f.seen.filter((s) => /^Basic/i.test(s.authorization ?? ''))).toEqual([]);
  });

  it('connection refused (a port nobody listens on) is not retried', async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const logged: string[] = [];
    const file = small();
    const error = await failure(opts({ url: `http://127.0.0.1:${port}` }, file.path, 10, { credentials: CREDS, log: (l) => logged.push(l) }));
    expect(error.kind).toBe('connect');
    expect(error.message).toBe(`HEAD http://127.0.0.1:${port}${GSP}: connection refused (is the store running?)`);
    expect(logged.filter((l) => l.includes('retrying'))).toEqual([]);
  });

  it('a DNS failure (a .invalid host) names the host and is not retried', async () => {
    const logged: string[] = [];
    const file = small();
    const error = await failure(opts({ url: 'http://kg-push-test.invalid:8890' }, file.path, 10, { log: (l) => logged.push(l) }));
    expect(error.kind).toBe('dns');
    expect(error.message).toBe(`PUT http://kg-push-test.invalid:8890${GSP}: host kg-push-test.invalid not found (DNS)`);
    expect(logged.filter((l) => l.includes('retrying'))).toEqual([]);
  });

  it('credentials in the endpoint URL are refused without repeating them', async () => {
    const file = small();
    const error = await failure(opts({ url: `http://${USER}:${PASSWORD}@127.0.0.1:9` }, file.path, 10));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('the endpoint URL must not hold a user or password: set KG_PUSH_USER and KG_PUSH_PASSWORD instead');
  });

  it('a server error page that quotes the credentials is redacted (the user name alone is no secret)', async () => {
    const file = small();
    const f = await fake({ writes: [502, 502], errorText: `bad gateway for ${USER} with ${PASSWORD}, as ${USER}:${PASSWORD}` });
    const error = await failure(opts(f, file.path, 10, { credentials: CREDS, retries: 1 }));
    expect(error.message).toBe(`PUT ${f.url}${GSP}: HTTP 502 Bad Gateway: bad gateway for ${USER} with ***, as *** (after 2 attempts)`);
  });
});

describe('push: successful uploads', () => {
  it('answers a digest challenge (and never sends basic to a digest store)', async () => {
    const { path } = ntriples('digest.nt', 10);
    const f = await fake({ auth: { scheme: 'digest', ...CREDS } });
    const report = await push(opts(f, path, 10, { credentials: CREDS }));
    expect(report).toEqual({ uploaded: readFileSync(path).length, expected: 10, counted: 10, graph: GRAPH, chunks: 1, content: { asked: 10, unaskable: 0, sample: 'all' } });
    // The fake protects the query service too: its own challenge is answered once (the count), its nonce reused (the content query).
    expect(f.seen.map(shown)).toEqual([
      'HEAD /sparql-graph-crud-auth 401', 'PUT /sparql-graph-crud-auth 201', 'POST /sparql 401', 'POST /sparql 200', 'POST /sparql ask 200',
    ]);
    expect(f.seen.filter((s) => /^Basic/i.test(s.authorization ?? ''))).toEqual([]);
    expect(f.seen[1]!.authorization).toMatch(/^Digest username="alice-push", realm="fake-store", nonce="[0-9a-f]+", uri="\/sparql-graph-crud-auth\?graph=[^"]+", algorithm=MD5, response="[0-9a-f]{32}", qop=auth, nc=00000001, cnonce="[0-9a-f]+", opaque="0paque"$/);
  });

  it('sends basic authentication where the store asks for it', async () => {
    const { path } = ntriples('basic.nt', 10);
    const f = await fake({ auth: { scheme: 'basic', ...CREDS } });
    const report = await push(opts(f, path, 10, { credentials: CREDS }));
    expect(report.counted).toBe(10);
    expect(f.seen.map((s) => `${s.method} ${s.answer}`)).toEqual(['HEAD 401', 'PUT 201', 'POST 401', 'POST 200', 'POST 200']);
  });

  it('retries a 500 and then succeeds', async () => {
    const { path } = ntriples('retry.nt', 10);
    const f = await fake({ writes: [500] });
    const logged: string[] = [];
    const report = await push(opts(f, path, 10, { log: (l) => logged.push(l) }));
    expect(report.counted).toBe(10);
    expect(f.seen.map((s) => `${s.method} ${s.answer}`)).toEqual(['PUT 500', 'PUT 201', 'POST 200', 'POST 200']);
    expect(logged).toContain(`upload: PUT ${f.url}/sparql-graph-crud-auth: HTTP 500 Internal Server Error; retrying in 1 ms (retry 1 of 3)`);
  });

  it('compares count values, not spellings (plain numbers as Virtuoso gives them)', async () => {
    const { path } = ntriples('spelling.nt', 10);
    for (const value of [10, '10', '+10', '1.0E1'] as const) {
      const f = await fake({ countValue: value });
      expect((await push(opts(f, path, 10))).counted).toBe(10);
    }
  });

  it('uploads a multi-chunk N-Triples file completely: PUT, then POSTs, each chunk whole lines within the limit', async () => {
    const { path, lines } = ntriples('big.nt', 20_000);
    const size = readFileSync(path).length;
    const chunkBytes = 64 * 1024;
    const f = await fake({ auth: { scheme: 'digest', ...CREDS } });
    const report = await push(opts(f, path, lines.length, { credentials: CREDS, chunkBytes }));
    const k = chunkCount(lines, chunkBytes);
    expect(k).toBeGreaterThan(20);
    expect(report).toEqual({ uploaded: size, expected: 20_000, counted: 20_000, graph: GRAPH, chunks: k, content: { asked: 20_000, unaskable: 0, sample: 'all' } });
    // Every triple asked back, 64 to a query: ceil(20000 / 64) content queries, each triple in exactly one of them.
    const asks = f.seen.filter((s) => s.ask);
    expect(asks).toHaveLength(Math.ceil(20_000 / 64));
    expect(asks.flatMap((s) => [...s.query.matchAll(/BIND\((\d+) AS \?i\)/g)]).length).toBe(20_000);
    const writes = f.seen.filter((s) => s.method === 'PUT' || s.method === 'POST' && s.path !== '/sparql');
    expect(writes.map((s) => s.method)).toEqual(['PUT', ...Array<string>(k - 1).fill('POST')]);
    for (const w of writes) expect(w.bytes).toBeLessThanOrEqual(chunkBytes);
    for (const w of writes.slice(0, -1)) expect(w.bytes).toBeGreaterThan(chunkBytes - 100);
    expect(f.bodies.flat()).toEqual(lines);
    expect([...f.graph].sort()).toEqual([...lines].sort());
    // One challenge for the Graph Store (its nonce then reused with a growing nonce count) and one for the query service.
    expect(f.seen.filter((s) => s.answer === 401).map((s) => `${s.method} ${s.path}`)).toEqual(['HEAD /sparql-graph-crud-auth', 'POST /sparql']);
  });

  it('renews a digest nonce the store will not take twice', async () => {
    const { path, lines } = ntriples('nonce.nt', 3000);
    const f = await fake({ auth: { scheme: 'digest', ...CREDS, singleUseNonce: true } });
    const report = await push(opts(f, path, lines.length, { credentials: CREDS, chunkBytes: 64 * 1024 }));
    const k = chunkCount(lines, 64 * 1024);
    expect(k).toBeGreaterThan(2);
    expect(report.chunks).toBe(k);
    // Every later request (chunks, the count and the 47 content queries) meets a stale nonce once, then goes through.
    expect(f.seen.map((s) => `${s.method} ${s.answer}`)).toEqual(['HEAD 401', 'PUT 201', ...Array.from({ length: k + Math.ceil(3000 / 64) }, () => ['POST 401', 'POST 200']).flat()]);
  });

  it('replace: a failed chunk restarts the whole upload with PUT, so nothing is duplicated or left over', async () => {
    const { path, lines } = ntriples('restart.nt', 3000);
    const f = await fake({ writes: [201, 200, 500], applyOnFailure: true, initial: ['<https://example.org/old> <https://example.org/p> "old" .'] });
    const report = await push(opts(f, path, lines.length, { chunkBytes: 64 * 1024 }));
    const k = chunkCount(lines, 64 * 1024);
    expect(k).toBeGreaterThan(2);
    expect(f.seen.map((s) => `${s.method} ${s.answer}`)).toEqual(['PUT 201', 'POST 200', 'POST 500', 'PUT 201', ...posts(k - 1, '200'), 'POST 200', ...posts(Math.ceil(3000 / 64), '200')]);
    expect(report.counted).toBe(3000);
    expect([...f.graph].sort()).toEqual([...lines].sort());
  });

  it('append: counts before and after, POSTs only, and retries only the failed chunk', async () => {
    const initial = ntriples('initial.nt', 5, 100_000).lines;
    const { path, lines } = ntriples('append.nt', 3000);
    const f = await fake({ initial, writes: [200, 'reset'], applyOnFailure: true });
    const report = await push(opts(f, path, lines.length, { mode: 'append', chunkBytes: 64 * 1024 }));
    const k = chunkCount(lines, 64 * 1024);
    expect(k).toBeGreaterThan(2);
    const gsp = 'POST /sparql-graph-crud-auth';
    expect(f.seen.map((s) => `${s.method} ${s.path} ${s.answer}`)).toEqual([
      'POST /sparql 200', `${gsp} 200`, `${gsp} reset`, ...Array<string>(k - 1).fill(`${gsp} 200`), 'POST /sparql 200', ...posts(Math.ceil(3000 / 64), '/sparql 200'),
    ]);
    expect(report).toEqual({ uploaded: readFileSync(path).length, expected: 3000, counted: 3005, graph: GRAPH, chunks: k, before: 5, content: { asked: 3000, unaskable: 0, sample: 'all' } });
  });

  it('append: a count outside [max(before, expected), before + expected] is a mismatch', async () => {
    const { path } = ntriples('append-bad.nt', 10);
    const f = await fake({ initial: ['<https://example.org/a> <https://example.org/p> "a" .'], countValue: '8' });
    const error = await failure(opts(f, path, 10, { mode: 'append' }));
    expect(error.kind).toBe('count-mismatch');
    expect(error.message).toBe(`graph <${GRAPH}> at ${f.url}/sparql holds 8 triples after appending 10 to 8, expected between 10 and 18`);
  });

  it('replace with no triples at all still sends one PUT (the graph is emptied)', async () => {
    const path = join(dir, 'empty.nt');
    writeFileSync(path, '');
    const f = await fake({ initial: ['<https://example.org/a> <https://example.org/p> "a" .'] });
    const report = await push(opts(f, path, 0));
    expect(report).toEqual({ uploaded: 0, expected: 0, counted: 0, graph: GRAPH, chunks: 1, content: { asked: 0, unaskable: 0, sample: 'all' } });
    expect(f.seen.map((s) => `${s.method} ${s.answer}`)).toEqual(['PUT 201', 'POST 200']);
  });

  it('streams a Turtle file whole, in one request', async () => {
    const path = join(dir, 'data.ttl');
    writeFileSync(path, '<https://example.org/a> <https://example.org/p> "a" .\n<https://example.org/b> <https://example.org/p> "b" .\n');
    const f = await fake();
    const report = await push({ ...opts(f, path, 2), files: [{ path, mediaType: 'text/turtle' }], chunkBytes: 10 });
    expect(report.chunks).toBe(1);
    expect(report.counted).toBe(2);
  });

  it('refuses to cut a file with blank nodes into several requests, before sending anything', async () => {
    const path = join(dir, 'bnodes.nt');
    writeFileSync(path, `${ntriples('plain.nt', 100).lines.join('\n')}\n<https://example.org/a> <https://example.org/p> _:b1 .\n`);
    const f = await fake();
    const error = await failure(opts(f, path, 101, { chunkBytes: 1024 }));
    expect(error.kind).toBe('input');
    expect(error.message).toBe(`${path}:101: a blank node in a file cut into several requests would be split apart; upload it in one chunk`);
    expect(f.seen).toEqual([]);
  });
});

describe('push: one named graph per dataset', () => {
  const BASE = 'https://example.org/kg/';
  const SHARED = Array.from({ length: 30 }, (_, i) => `<${BASE}person/p${i}> <http://www.w3.org/2000/01/rdf-schema#label> "person ${i}"@en .`);

  /** An export folder as `kg export` writes it: the shared entities, an article holding copies of some of them plus its own triples and mentions, and files that hold no dataset. */
  function exportFolder(name: string): { dir: string; entities: string; article: string; lines: Record<'entities' | 'article', string[]> } {
    const out = join(dir, name);
    mkdirSync(out, { recursive: true });
    const own = Array.from({ length: 40 }, (_, i) => `<${BASE}claim/article-000/c${i}> <https://w3id.org/news-kg/ontology#claimant> <${BASE}person/p${i % 5}> .`);
    const mentions = Array.from({ length: 5 }, (_, i) => `<${BASE}person/p${i}> <https://w3id.org/news-kg/ontology#mentionedAt> <${BASE}span/article-000/s${i}> .`);
    const lines = { entities: SHARED, article: [...own, ...SHARED.slice(0, 5), ...mentions] };
    const entities = join(out, 'entities.nt');
    const article = join(out, 'article-000.nt');
    writeFileSync(entities, `${lines.entities.join('\n')}\n`);
    writeFileSync(article, `${lines.article.join('\n')}\n`);
    for (const other of ['news-kg.ttl', 'void.ttl', 'shapes.ttl', 'context.jsonld', 'entities.ttl', 'article-000.ttl', 'article-000.nq']) writeFileSync(join(out, other), '');
    return { dir: out, entities, article, lines };
  }

  /** The requests the fake saw, as `METHOD path graph answer`, with the graph's last segment. */
  const requests = (f: Fake): string[] => f.seen.map((x) => `${x.method} ${x.path} ${x.graph?.replace(/^.*\//, '') ?? '-'} ${x.answer}`);

  it('finds the dataset files of an export folder: every <name>.<ext>, not the ontology, VoID, shapes or context', () => {
    const folder = exportFolder('find');
    expect(exportedDatasetFiles(folder.dir, 'nt')).toEqual([folder.article, folder.entities]);
    expect(exportedDatasetFiles(folder.dir, 'ttl')).toEqual([join(folder.dir, 'article-000.ttl'), join(folder.dir, 'entities.ttl')]);
    expect(exportedDatasetFiles(join(dir, 'no-such-folder'), 'nt')).toEqual([]);
    // The real export: the shared entities and at least one article, nothing else.
    const real = exportedDatasetFiles(projectPath('output'), 'ttl').map((f) => f.replace(/^.*[\\/]/, ''));
    expect(real).toContain('entities.ttl');
    expect(real.length).toBeGreaterThanOrEqual(2);
    for (const other of ['news-kg.ttl', 'void.ttl', 'shapes.ttl']) expect(real).not.toContain(other);
  });

  it('puts each file into the graph named after it, files of one name together, or every file into --graph', () => {
    const graphOf = (name: string): string => graphIri(BASE, name);
    expect(graphsOfFiles(['out/entities.nt', 'out/article-000.nt', 'old/entities.nt'], { ext: 'nt', graphOf })).toEqual([
      { graph: `${BASE}graph/entities`, files: ['out/entities.nt', 'old/entities.nt'] },
      { graph: `${BASE}graph/article-000`, files: ['out/article-000.nt'] },
    ]);
    expect(graphsOfFiles(['a.nt', 'b.nt'], { ext: 'nt', graphOf, graph: GRAPH })).toEqual([{ graph: GRAPH, files: ['a.nt', 'b.nt'] }]);
  });

  it('pushes each dataset into its own graph, each graph exactly its file\'s triples, each count checked on its own', async () => {
    const folder = exportFolder('each');
    const f = await fake();
    const graphs = graphsOfFiles(exportedDatasetFiles(folder.dir, 'nt'), { ext: 'nt', graphOf: (n) => graphIri(BASE, n) });
    const done: string[] = [];
    const reports = await pushEach({
      endpoint: f.url, graphs, mode: 'replace', mediaType: 'application/n-triples', timeoutMs: 10_000, backoffMs: 1,
      onPushed: (r, g) => done.push(`${r.graph} ${g.files.length} ${r.counted}`),
    });
    const article = f.graphs.get(`${BASE}graph/article-000`);
    const entities = f.graphs.get(`${BASE}graph/entities`);
    expect([...(article ?? [])].sort()).toEqual([...folder.lines.article].sort());
    expect([...(entities ?? [])].sort()).toEqual([...folder.lines.entities].sort());
    expect(reports.map((r) => [r.graph, r.expected, r.counted])).toEqual([[`${BASE}graph/article-000`, 50, 50], [`${BASE}graph/entities`, 30, 30]]);
    expect(done).toEqual([`${BASE}graph/article-000 1 50`, `${BASE}graph/entities 1 30`]);
    // One replace, one count and the content queries per graph (50 triples: one; 30: one), each asking about the graph just written.
    expect(requests(f)).toEqual([
      'PUT /sparql-graph-crud-auth article-000 201', 'POST /sparql article-000 200', 'POST /sparql article-000 200',
      'PUT /sparql-graph-crud-auth entities 201', 'POST /sparql entities 200', 'POST /sparql entities 200',
    ]);
  });

  it('fails on the one graph whose count is wrong, naming it, after the graphs before it were pushed', async () => {
    const folder = exportFolder('mismatch');
    const f = await fake({ countValues: { [`${BASE}graph/entities`]: '29' } });
    const graphs = graphsOfFiles([folder.article, folder.entities], { ext: 'nt', graphOf: (n) => graphIri(BASE, n) });
    const done: string[] = [];
    let caught: unknown;
    try {
      await pushEach({ endpoint: f.url, graphs, mode: 'replace', mediaType: 'application/n-triples', timeoutMs: 10_000, backoffMs: 1, onPushed: (r) => done.push(r.graph) });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PushError);
    expect((caught as PushError).kind).toBe('count-mismatch');
    expect((caught as PushError).message).toBe(`graph <${BASE}graph/entities> at ${f.url}/sparql holds 29 triples, expected 30`);
    expect(done).toEqual([`${BASE}graph/article-000`]);
  });

  it('expects the distinct triples of a graph\'s files: shared triples once, a blank node once per file', async () => {
    const folder = exportFolder('distinct');
    const nt = 'application/n-triples';
    expect(await countDistinctTriples([folder.entities], nt)).toBe(30);
    expect(await countDistinctTriples([folder.entities, folder.article], nt)).toBe(75);
    const bnode = join(folder.dir, 'bnode.nt');
    writeFileSync(bnode, '# a comment\n_:b <https://example.org/p> "x" .\n\n');
    expect(await countDistinctTriples([bnode, bnode], nt)).toBe(2);
    const a = join(folder.dir, 'a.ttl');
    const b = join(folder.dir, 'b.ttl');
    writeFileSync(a, '@prefix ex: <https://example.org/> .\nex:s ex:p "x", "y"@en ; ex:q [ ex:r 1 ] .\n');
    writeFileSync(b, '<https://example.org/s> <https://example.org/p> "x" .\n<https://example.org/s> <https://example.org/p> "y"@fr .\n');
    expect(await countDistinctTriples([a], 'text/turtle')).toBe(4);
    expect(await countDistinctTriples([a, b], 'text/turtle; charset=utf-8')).toBe(5);
    await expect(countDistinctTriples([a], 'application/ld+json')).rejects.toThrow('cannot count the triples of application/ld+json files: push N-Triples or Turtle');
  });

  it('counts every file before sending anything: a missing file fails the push up front', async () => {
    const folder = exportFolder('missing');
    const f = await fake();
    const graphs = graphsOfFiles([folder.article, join(folder.dir, 'gone.nt')], { ext: 'nt', graphOf: (n) => graphIri(BASE, n) });
    const error = await pushEach({ endpoint: f.url, graphs, mode: 'replace', mediaType: 'application/n-triples' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PushError);
    expect((error as PushError).message).toBe(`cannot read ${join(folder.dir, 'gone.nt')}: no such file (ENOENT)`);
    expect(f.seen).toEqual([]);
  });

  it('kg push with no file names sends every dataset of ./output into its own graph, with a line per graph', async () => {
    const files = exportedDatasetFiles(projectPath('output'), 'nt');
    expect(files.length).toBeGreaterThanOrEqual(2);
    const f = await fake();
    const r = await kg(['push', '--endpoint', f.url]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(files.length);
    for (const file of files) {
      const name = file.replace(/^.*[\\/]/, '').replace(/\.nt$/, '');
      const graph = graphIri(DEFAULT_BASE, name);
      const triples = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
      expect([...(f.graphs.get(graph) ?? [])].sort(), name).toEqual([...new Set(triples)].sort());
      expect(lines.filter((l) => l.includes(`to <${graph}>: the store counts ${triples.length} triples, the export has ${triples.length}; each of its ${triples.length} triples found in the store`)), name).toHaveLength(1);
      expect(f.seen.filter((x) => x.path === '/sparql' && !x.ask && x.graph === graph), name).toHaveLength(1);
      expect(f.seen.filter((x) => x.ask && x.graph === graph), name).toHaveLength(Math.ceil(triples.length / 64));
    }
    expect(f.graphs.has(graphIri(DEFAULT_BASE, 'entities'))).toBe(true);
    expect([...f.graphs.keys()].filter((g) => g !== GRAPH).sort()).toEqual(files.map((x) => graphIri(DEFAULT_BASE, x.replace(/^.*[\\/]/, '').replace(/\.nt$/, ''))).sort());
  });

  it('kg push FILE... without --graph puts each file into the graph named after it, under --base', async () => {
    const folder = exportFolder('named');
    const f = await fake();
    const r = await kg(['push', '--endpoint', f.url, '--base', BASE, folder.entities, folder.article]);
    expect(r.code, r.stderr).toBe(0);
    expect([...(f.graphs.get(`${BASE}graph/entities`) ?? [])].sort()).toEqual([...folder.lines.entities].sort());
    expect([...(f.graphs.get(`${BASE}graph/article-000`) ?? [])].sort()).toEqual([...folder.lines.article].sort());
    expect(r.stderr.trim().split('\n').map((l) => l.replace(/^pushed \d+ bytes in \d+ request\(s\) /, ''))).toEqual([
      `to <${BASE}graph/entities>: the store counts 30 triples, the export has 30; each of its 30 triples found in the store`,
      `to <${BASE}graph/article-000>: the store counts 50 triples, the export has 50; each of its 50 triples found in the store`,
    ]);
  });

  it('kg push --graph IRI FILE... still puts every file into that one graph, with one count of their triples together', async () => {
    const folder = exportFolder('one-graph');
    const f = await fake();
    const r = await kg(['push', '--endpoint', f.url, '--graph', GRAPH, folder.entities, folder.article]);
    expect(r.code, r.stderr).toBe(0);
    const union = [...new Set([...folder.lines.entities, ...folder.lines.article])].sort();
    expect([...f.graph].sort()).toEqual(union);
    expect([...f.graphs.keys()]).toEqual([GRAPH]);
    // The files hold 80 lines, 5 of them in both (the article's copies of shared entities): the graph must hold the 75 distinct triples.
    expect(f.graph.size).toBe(75);
    // The 75 distinct triples asked once each (the 5 shared lines are in both files): two content queries.
    expect(requests(f)).toEqual(['PUT /sparql-graph-crud-auth article-000 201', 'POST /sparql-graph-crud-auth article-000 200', 'POST /sparql article-000 200', 'POST /sparql article-000 200', 'POST /sparql article-000 200']);
    expect(f.seen.filter((x) => x.ask).flatMap((x) => [...x.query.matchAll(/BIND\((\d+) AS \?i\)/g)]).length).toBe(75);
    expect(r.stderr).toMatch(new RegExp(`^pushed \\d+ bytes in 2 request\\(s\\) to <${GRAPH}>: the store counts 75 triples, the export has 75; each of its 75 triples found in the store\n$`));
  });

  it('kg push fails with exit 3 (a remote service failed) and a message naming the graph whose count is wrong, after a line for each graph pushed before it', async () => {
    const folder = exportFolder('cli-mismatch');
    const f = await fake({ countValues: { [`${BASE}graph/article-000`]: 49 } });
    const r = await kg(['push', '--endpoint', f.url, '--base', BASE, folder.entities, folder.article]);
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^pushed \\d+ bytes in 1 request\\(s\\) to <${BASE}graph/entities>: the store counts 30 triples, the export has 30; each of its 30 triples found in the store$`));
    expect(lines[1]).toBe(`kg push: graph <${BASE}graph/article-000> at ${f.url}/sparql holds 49 triples, expected 50`);
  });
});

describe('push: the content check (a count proves nothing about which triples are there)', () => {
  /** The new export: `n` triples; the previous version: the same subjects, `changed` of them with another value. */
  function versions(name: string, n: number, changed: number): { path: string; lines: string[]; old: string[] } {
    const { path, lines } = ntriples(name, n);
    const old = lines.map((l, i) => (i >= n - changed ? l.replace('with some padding text', 'as it was before') : l));
    return { path, lines, old };
  }

  it('fails against a store that keeps the previous graph of the same size and ignores the upload: even one changed triple', async () => {
    const { path, lines, old } = versions('stale-one.nt', 200, 1);
    const f = await fake({ stale: true, initial: old });
    const error = await failure(opts(f, path, 200));
    expect(error.kind).toBe('content-mismatch');
    expect(error.message).toBe(`graph <${GRAPH}> at ${f.url}/sparql fails the content check: 1 of the 200 triples of the upload is not in it, though its triple count matched (the store may have kept an older graph and ignored the upload); the first missing: ${lines[199]}`);
    // The store said the PUT worked and counted 200, as the export has: only the content queries (ceil(200 / 64)) tell.
    expect(f.seen.map(shown)).toEqual(['PUT /sparql-graph-crud-auth 201', 'POST /sparql 200', ...Array<string>(4).fill('POST /sparql ask 200')]);
    expect([...f.graph].sort()).toEqual([...old].sort());
  });

  it('names the first missing triple in file order and counts every missing one', async () => {
    const { path, lines, old } = versions('stale-many.nt', 100, 30);
    const f = await fake({ stale: true, initial: old });
    const error = await failure(opts(f, path, 100));
    expect(error.message).toContain(': 30 of the 100 triples of the upload are not in it,');
    expect(error.message.endsWith(`the first missing: ${lines[70]}`)).toBe(true);
    // A store that holds the triples but whose queries do not find one (here the 7th) fails on that one.
    const hidden = await fake({ hidden: [lines[6]!] });
    const missing = await failure(opts(hidden, path, 100));
    expect(missing.message).toContain(': 1 of the 100 triples of the upload is not in it,');
    expect(missing.message.endsWith(`the first missing: ${lines[6]}`)).toBe(true);
  });

  it('kg push exits 3 with the message naming the graph, the check and a missing triple in N-Triples', async () => {
    const { path, lines, old } = versions('stale-cli.nt', 20, 2);
    const f = await fake({ stale: true, initial: old });
    const r = await kg(['push', '--endpoint', f.url, '--graph', GRAPH, path]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`kg push: graph <${GRAPH}> at ${f.url}/sparql fails the content check: 2 of the 20 triples of the upload are not in it, though its triple count matched (the store may have kept an older graph and ignored the upload); the first missing: ${lines[18]}\n`);
  });

  it('passes a store that holds exactly the upload, and re-asks a failed content query like a count', async () => {
    const { path, lines } = versions('fresh.nt', 100, 0);
    const f = await fake({ stale: true, initial: lines, queries: [200, 503] });
    const logged: string[] = [];
    const report = await push(opts(f, path, 100, { log: (l) => logged.push(l) }));
    expect(report.content).toEqual({ asked: 100, unaskable: 0, sample: 'all' });
    expect(f.seen.map(shown)).toEqual(['PUT /sparql-graph-crud-auth 201', 'POST /sparql 200', 'POST /sparql ask 503', 'POST /sparql ask 200', 'POST /sparql ask 200']);
    expect(logged).toContain(`content check: POST ${f.url}/sparql: HTTP 503 Service Unavailable; retrying in 1 ms (retry 1 of 3)`);
    expect(logged).toContain('content check: asked for 100 triples in 2 queries, 0 missing');
  });

  it('asks for literals as written (language tags, datatypes, escapes, xsd:string spelled out) and leaves blank nodes to the count', async () => {
    const path = join(dir, 'kinds.ttl');
    writeFileSync(path, [
      '@prefix ex: <https://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .',
      'ex:s ex:p "line\\nbreak \\"quoted\\" back\\\\slash tab\\t", "Grüße ✓ 😀"@de-AT, "01"^^xsd:integer, "x"^^xsd:string, "-12345-01-01"^^xsd:date .',
      'ex:s ex:q [ ex:r 1 ] .',
    ].join('\n'));
    const f = await fake();
    const report = await push({ ...opts(f, path, 7), files: [{ path, mediaType: 'text/turtle' }] });
    expect(report.content).toEqual({ asked: 5, unaskable: 2, sample: 'all' });
    const nt = join(dir, 'kinds.nt');
    writeFileSync(nt, '<https://example.org/s> <https://example.org/p> "x"^^<http://www.w3.org/2001/XMLSchema#string> .\n<https://example.org/s> <https://example.org/p> "a\\u0022b\\U0001F600" .\n');
    const g = await fake();
    expect((await push(opts(g, nt, 2))).content).toEqual({ asked: 2, unaskable: 0, sample: 'all' });
    const query = g.seen.find((x) => x.ask)?.query ?? '';
    expect(query).toContain('"x"^^<http://www.w3.org/2001/XMLSchema#string>');
    expect(query).toContain('"a\\"b😀"');
  });

  it('verifySample N asks for the N triples with the smallest SHA-256 of their SPARQL form: the same sample whatever the files, order, chunks or syntax', async () => {
    const { path, lines } = ntriples('sample.nt', 1000);
    const sha = (l: string): string => createHash('sha256').update(l.replace(/ \.$/, '')).digest('hex');
    const expected = [...lines].sort((a, b) => (sha(a) < sha(b) ? -1 : 1)).slice(0, 16).map((l) => l.replace(/ \.$/, '')).sort();
    const asked = (f: Fake): string[] => f.seen.filter((x) => x.ask).flatMap((x) => [...x.query.matchAll(/\{ GRAPH <[^>]+> \{ (.*) \} BIND/g)].map((m) => m[1]!)).sort();
    const reversed = join(dir, 'sample-reversed.nt');
    writeFileSync(reversed, `${[...lines].reverse().join('\n')}\n`);
    const halves = [join(dir, 'sample-a.nt'), join(dir, 'sample-b.nt')];
    writeFileSync(halves[0]!, `${lines.slice(0, 600).join('\n')}\n`);
    writeFileSync(halves[1]!, `${lines.slice(400).join('\n')}\n`);
    const turtle = join(dir, 'sample.ttl');
    writeFileSync(turtle, `${lines.join('\n')}\n`);
    const runs: Array<Partial<PushOptions>> = [
      {}, { chunkBytes: 4096 }, { files: [{ path: reversed, mediaType: 'application/n-triples' }] },
      { files: halves.map((h) => ({ path: h, mediaType: 'application/n-triples' })) }, { files: [{ path: turtle, mediaType: 'text/turtle' }] },
    ];
    for (const more of runs) {
      const f = await fake();
      const report = await push(opts(f, path, 1000, { verifySample: 16, ...more }));
      expect(report.content).toEqual({ asked: 16, unaskable: 0, sample: 16 });
      expect(f.seen.filter((x) => x.ask)).toHaveLength(1);
      expect(asked(f)).toEqual(expected);
    }
  });

  it('a sample fails a stale store when it meets a changed triple; verifySample 0 checks the count only', async () => {
    const { path, old } = versions('sample-stale.nt', 100, 100);
    const f = await fake({ stale: true, initial: old });
    const error = await failure(opts(f, path, 100, { verifySample: 4 }));
    expect(error.kind).toBe('content-mismatch');
    expect(error.message).toContain(': 4 of the 4 triples of the upload\'s sample are not in it,');
    const g = await fake({ stale: true, initial: old });
    const report = await push(opts(g, path, 100, { verifySample: 0 }));
    expect(report.content).toEqual({ asked: 0, unaskable: 0, sample: 0 });
    expect(g.seen.filter((x) => x.ask)).toEqual([]);
    const r = await kg(['push', '--endpoint', g.url, '--graph', GRAPH, '--verify-sample', '0', path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/: the store counts 100 triples, the export has 100; content not checked \(--verify-sample 0\)\n$/);
  });

  it('refuses, before sending anything, files whose triples it cannot ask for (unless the check is off)', async () => {
    const path = join(dir, 'data.nq');
    writeFileSync(path, '<https://example.org/a> <https://example.org/p> "a" <https://example.org/g> .\n');
    const f = await fake();
    const error = await failure({ ...opts(f, path, 1), files: [{ path, mediaType: 'application/n-quads' }] });
    expect(error.kind).toBe('input');
    expect(error.message).toBe('cannot check the content of application/n-quads files: push N-Triples or Turtle, or skip the check (verifySample 0)');
    expect(f.seen).toEqual([]);
  });
});

describe('push: credentials never appear in any output', () => {
  /** Every spelling of the credentials a store could echo, computed here (not by the code under test). */
  function forms(user: string, password: string): string[] {
    const pair = `${user}:${password}`;
    const out = new Set<string>();
    for (const s of [password, pair]) {
      const utf8 = Buffer.from(s, 'utf8');
      out.add(s).add(JSON.stringify(s).slice(1, -1)).add(encodeURIComponent(s)).add(utf8.toString('base64')).add(utf8.toString('base64url'));
      out.add(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    }
    out.add(`Basic ${Buffer.from(pair).toString('base64')}`);
    return [...out];
  }

  /** The response= values and Authorization headers the store received. */
  const sent = (f: Fake): string[] => f.seen.flatMap((x) => (x.authorization ? [x.authorization, ...[...x.authorization.matchAll(/response="([^"]+)"/g)].map((m) => m[1]!)] : []));

  const passwords: Array<[string, string]> = [['one character', '§'], ['two characters', 'Zq'], ['long', PASSWORD], ['with special characters', 'p a:ss"wörd&<é>']];
  const scenarios: Array<{ name: string; behaviour: (password: string, scheme: 'basic' | 'digest') => Behaviour; args: string[] }> = [
    {
      name: 'the store refuses the credentials and echoes the request as text',
      behaviour: (_, scheme) => ({ auth: { scheme, user: USER, password: 'not-the-one' }, echo: 'text' }), args: [],
    },
    {
      name: 'a write fails (retried) with the request echoed in an HTML page and the Authorization header as reason phrase',
      behaviour: (password, scheme) => ({ auth: { scheme, user: USER, password }, writes: [500, 500], echo: 'html', echoReason: true }), args: ['--retries', '1'],
    },
    {
      name: 'the content query fails with the request echoed as JSON',
      behaviour: (password, scheme) => ({ auth: { scheme, user: USER, password }, queries: [200, 400], echo: 'json' }), args: [],
    },
  ];

  for (const scheme of ['basic', 'digest'] as const) {
    for (const [label, password] of passwords) {
      it.each(scenarios)(`${scheme}, a password of ${label}: $name`, async ({ behaviour, args }) => {
        const file = ntriples('secret.nt', 10);
        const f = await fake(behaviour(password, scheme));
        vi.stubEnv('KG_PUSH_USER', USER);
        vi.stubEnv('KG_PUSH_PASSWORD', password);
        let r: Awaited<ReturnType<typeof kg>>;
        try {
          r = await kg(['push', '--endpoint', f.url, '--graph', GRAPH, '--verbose', ...args, file.path]);
        } finally {
          vi.unstubAllEnvs();
        }
        expect(r.code, r.stderr).toBe(3);
        const output = r.stderr + r.stdout;
        const secrets = [...forms(USER, password), ...sent(f)];
        // The store did echo them: the test would catch a leak.
        const echoed = f.errors.join('\n');
        expect(sent(f).length).toBeGreaterThan(0);
        expect(secrets.some((x) => echoed.includes(x))).toBe(true);
        for (const secret of secrets) expect(output, `output shows ${JSON.stringify(secret)}`).not.toContain(secret);
        // A short password in clear in the reply (a store decoding basic credentials) withholds the reply; otherwise it is shown redacted.
        if (password.length < 4 && scheme === 'basic') {
          expect(output).toContain("the store's reply was withheld because it may contain credentials");
        } else {
          expect(output).toContain('***');
          expect(output).not.toContain('withheld');
        }
      });
    }
  }
});

describe('ntriplesChunks', () => {
  it('cuts on line boundaries, and a line longer than a chunk goes alone', async () => {
    const path = join(dir, 'lines.nt');
    writeFileSync(path, 'aaaa\nbb\n' + 'c'.repeat(20) + '\ndd\ne');
    const chunks: string[] = [];
    for await (const c of ntriplesChunks(path, 8)) chunks.push(c.toString());
    expect(chunks).toEqual(['aaaa\nbb\n', `${'c'.repeat(20)}\n`, 'dd\ne']);
  });
});

describe('countNTriples', () => {
  it('counts statement lines, not comments or blank lines', async () => {
    const path = join(dir, 'count.nt');
    writeFileSync(path, '# a header\n\n<https://e.org/a> <https://e.org/p> "x" .\n  # indented comment\n<https://e.org/b> <https://e.org/p> "# not a comment" .');
    expect(await countNTriples(path)).toBe(2);
  });
});

describe('credentialsFromEnv', () => {
  it('reads KG_PUSH_USER and KG_PUSH_PASSWORD', () => {
    expect(credentialsFromEnv({ KG_PUSH_USER: 'u', KG_PUSH_PASSWORD: 'p' })).toEqual({ user: 'u', password: 'p' });
    expect(credentialsFromEnv({})).toBeUndefined();
    expect(credentialsFromEnv({ KG_PUSH_USER: '', KG_PUSH_PASSWORD: 'p' })).toBeUndefined();
  });

  it('refuses a user without a password, without naming either value', () => {
    let caught: unknown;
    try { credentialsFromEnv({ KG_PUSH_USER: USER }); } catch (error) { caught = error; }
    expect(caught).toBeInstanceOf(PushError);
    expect((caught as PushError).kind).toBe('input');
    expect((caught as PushError).message).toBe('KG_PUSH_USER is set but KG_PUSH_PASSWORD is not: set both, or neither');
  });
});
