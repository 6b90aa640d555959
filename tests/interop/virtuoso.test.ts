// kg push into a real Virtuoso 7 on 127.0.0.1 (scripts/virtuoso.sh): counts, the content check, replace, append, auth, and answers as in Oxigraph.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Parser, Writer } from 'n3';
import type { Quad } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/project.js';
import { countNTriples, push, PushError, type PushOptions } from '../../src/commands/push.js';
import { loadStore, runQuery } from '../../src/commands/query.js';

const run = promisify(execFile);
const SCRIPT = projectPath('scripts/virtuoso.sh');
const ARTICLE_TTL = projectPath('output/article-000.ttl');
const ARTICLE_NT = projectPath('output/article-000.nt');
const ONTOLOGY_TTL = projectPath('ontology/news-kg.ttl');
const GRAPH = 'https://w3id.org/news-kg/graph/interop-test';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

let dir: string;
let stateFile: string;
let server: { endpoint: string; user: string; password: string } | undefined;

/** Runs scripts/virtuoso.sh with its state file in this test's own folder. */
function virtuoso(command: 'start' | 'stop'): Promise<{ stdout: string; stderr: string }> {
  return run('bash', [SCRIPT, command], { env: { ...process.env, VIRTUOSO_ENV_FILE: stateFile }, timeout: 120_000 });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kg-virtuoso-test-'));
  stateFile = join(dir, 'virtuoso.env');
  const onPath = (process.env.PATH ?? '').split(':').some((p) => existsSync(join(p, 'virtuoso-t')));
  if (!onPath) {
    throw new Error('Virtuoso is not installed (no virtuoso-t on the PATH): run `bash scripts/install-engines.sh`, which installs the Debian package virtuoso-opensource-7');
  }
  const started = await virtuoso('start');
  process.stderr.write(started.stdout);
  const env = Object.fromEntries(readFileSync(stateFile, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  server = { endpoint: env.VIRTUOSO_ENDPOINT!, user: env.VIRTUOSO_USER!, password: env.VIRTUOSO_PASSWORD! };
});

afterAll(async () => {
  try {
    if (stateFile && existsSync(stateFile)) await virtuoso('stop');
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
});

function parse(path: string): Quad[] {
  const format = path.endsWith('.nt') ? 'application/n-triples' : 'text/turtle';
  return new Parser({ format }).parse(readFileSync(path, 'utf8')) as Quad[];
}

/** The distinct triples of quads as N-Triples lines (n3's spelling). */
function lines(quads: readonly Quad[]): Set<string> {
  const writer = new Writer({ format: 'N-Triples' });
  return new Set(quads.map((q) => writer.quadToString(q.subject, q.predicate, q.object).trim()));
}

/** Writes quads as an N-Triples file in the test folder. */
function toNTriples(quads: readonly Quad[], name: string): string {
  const path = join(dir, name);
  writeFileSync(path, [...lines(quads)].join('\n') + '\n');
  return path;
}

/** The article as N-Triples: the export's own .nt if there is one, else the Turtle converted by n3. */
function articleNTriples(): { path: string; triples: Set<string> } {
  if (existsSync(ARTICLE_NT)) return { path: ARTICLE_NT, triples: lines(parse(ARTICLE_NT)) };
  const quads = parse(ARTICLE_TTL);
  return { path: toNTriples(quads, 'article-000.nt'), triples: lines(quads) };
}

function options(files: PushOptions['files'], expectedTriples: number, more: Partial<PushOptions> = {}): PushOptions {
  const s = server!;
  return { endpoint: s.endpoint, graph: GRAPH, mode: 'replace', files, expectedTriples, credentials: { user: s.user, password: s.password }, timeoutMs: 30_000, backoffMs: 200, ...more };
}

/** Runs a SELECT on Virtuoso's /sparql over the test graph and returns its JSON results. */
async function virtuosoSelect(query: string): Promise<{ head: { vars: string[] }; results: { bindings: Array<Record<string, JsonTerm>> } }> {
  const body = new URLSearchParams({ query, 'default-graph-uri': GRAPH });
  const res = await fetch(`${server!.endpoint}/sparql`, {
    method: 'POST', body, headers: { accept: 'application/sparql-results+json' }, signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`Virtuoso answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as never;
}

interface JsonTerm { type: string; value: string; 'xml:lang'?: string; datatype?: string }

const NUMERIC = new Set(['integer', 'decimal', 'double', 'float', 'int', 'long', 'short', 'byte', 'nonNegativeInteger', 'positiveInteger'].map((t) => XSD + t));

/**
 * A term by value, not spelling: Virtuoso answers booleans as 1/0 and numbers as plain values, so numbers and
 * booleans compare as numbers; language tags compare lower-cased; plain and xsd:string literals are the same.
 */
function valueOf(t: JsonTerm | undefined): string {
  if (!t) return '(unbound)';
  if (t.type === 'uri') return `<${t.value}>`;
  if (t.type === 'bnode') return '_:';
  if (t['xml:lang']) return `${JSON.stringify(t.value)}@${t['xml:lang'].toLowerCase()}`;
  const dt = t.datatype ?? `${XSD}string`;
  if (dt === `${XSD}boolean`) return `number ${t.value === 'true' || t.value === '1' ? 1 : 0}`;
  if (NUMERIC.has(dt)) return `number ${Number(t.value)}`;
  if (dt === `${XSD}string`) return JSON.stringify(t.value);
  return `${JSON.stringify(t.value)}^^<${dt}>`;
}

function rows(results: { head: { vars?: string[] }; results?: { bindings: Array<Record<string, JsonTerm>> } }): string[] {
  const vars = results.head.vars ?? [];
  return (results.results?.bindings ?? []).map((b) => vars.map((v) => `${v}=${valueOf(b[v])}`).join(' | ')).sort();
}

describe('kg push into Virtuoso 7', () => {
  it('replace: the article arrives whole, in several chunks, and the store counts what n3 counts', async () => {
    const article = articleNTriples();
    const logged: string[] = [];
    const report = await push(options([{ path: article.path, mediaType: 'application/n-triples' }], article.triples.size, { chunkBytes: 64 * 1024, log: (l) => logged.push(l) }));
    expect(report.expected).toBe(article.triples.size);
    expect(report.counted).toBe(article.triples.size);
    expect(await countNTriples(article.path)).toBe(article.triples.size);
    expect(report.chunks).toBeGreaterThan(2);
    expect(report.uploaded).toBe(readFileSync(article.path).length);
    // Every triple asked back through /sparql and found.
    expect(report.content).toEqual({ asked: article.triples.size, unaskable: 0, sample: 'all' });
    expect(logged).toContain('/sparql-graph-crud-auth: the store asks for digest authentication');
    for (const line of logged) expect(line).not.toContain(server!.password);
  });

  it('replace again: the count is unchanged (PUT replaces, it does not add)', async () => {
    const article = articleNTriples();
    const report = await push(options([{ path: article.path, mediaType: 'application/n-triples' }], article.triples.size));
    expect(report.counted).toBe(article.triples.size);
  });

  it('replace with Turtle (streamed whole, one request) gives the same count', async () => {
    // Virtuoso 7.2.5's Turtle loader reads `kg:sentenceNumber 1.` (an integer, then the statement's final dot, as
    // n3's Writer and so the export write it) as the decimal "1." and then fails with a syntax error: a space
    // before that dot, as here, is what it needs.
    const quads = parse(ARTICLE_TTL);
    const path = join(dir, 'article-n3.ttl');
    const writer = new Writer({ prefixes: { kg: 'https://w3id.org/news-kg/ontology#' } });
    writer.addQuads(quads);
    const turtle = await new Promise<string>((resolve, reject) => writer.end((error, text: string) => (error ? reject(error) : resolve(text))));
    writeFileSync(path, turtle.replace(/(\d)\.$/gm, '$1 .'));
    const expected = lines(quads).size;
    const report = await push(options([{ path, mediaType: 'text/turtle' }], expected));
    expect(report).toMatchObject({ counted: expected, chunks: 1 });
  });

  it('append a second file: the count grows by the triples that were not there yet', async () => {
    const article = articleNTriples();
    const ontology = parse(ONTOLOGY_TTL);
    const added = lines(ontology);
    const union = new Set([...article.triples, ...added]);
    const path = toNTriples(ontology, 'ontology.nt');
    await push(options([{ path: article.path, mediaType: 'application/n-triples' }], article.triples.size));
    const report = await push(options([{ path, mediaType: 'application/n-triples' }], added.size, { mode: 'append' }));
    expect(report.before).toBe(article.triples.size);
    expect(report.counted).toBe(union.size);
    expect(report.counted).toBeGreaterThan(article.triples.size);
  });

  it('the content check finds literals of every kind the export writes, as Virtuoso stores them', async () => {
    const XSD_ = 'http://www.w3.org/2001/XMLSchema#';
    const s = '<https://example.org/kinds/s>';
    const kinds = [
      `${s} <https://example.org/p> "plain with \\"quotes\\", a back\\\\slash, a\\nnewline, a\\ttab" .`,
      `${s} <https://example.org/p> "Grüße, Сергей, 😀 ✓"@de-AT .`,
      `${s} <https://example.org/p> "x"^^<${XSD_}string> .`,
      `${s} <https://example.org/p> "a\\u0022b\\U0001F600" .`,
      `${s} <https://example.org/p> "01"^^<${XSD_}integer> .`,
      `${s} <https://example.org/p> "1.50"^^<${XSD_}decimal> .`,
      `${s} <https://example.org/p> "-12345-01-01"^^<${XSD_}date> .`,
      `${s} <https://example.org/p> "2024-02-29"^^<${XSD_}date> .`,
      `${s} <https://example.org/p> "2024-02-29T10:00:00+02:00"^^<${XSD_}dateTime> .`,
      `${s} <https://example.org/p> "1999"^^<${XSD_}gYear> .`,
      `${s} <https://example.org/p> "2024-02"^^<${XSD_}gYearMonth> .`,
      `${s} <https://example.org/p> "false"^^<${XSD_}boolean> .`,
      `${s} <https://example.org/p> "9007199254740993"^^<${XSD_}nonNegativeInteger> .`,
      `${s} <https://example.org/p> "it's \\u0001 a control"^^<https://example.org/dt> .`,
      `${s} <https://example.org/p> "${'long '.repeat(6000)}" .`,
    ];
    const path = join(dir, 'kinds.nt');
    writeFileSync(path, `${kinds.join('\n')}\n`);
    const report = await push(options([{ path, mediaType: 'application/n-triples' }], kinds.length));
    expect(report).toMatchObject({ counted: kinds.length, content: { asked: kinds.length, unaskable: 0, sample: 'all' } });
  });

  it('the content check fails a store that keeps the previous graph of the same size (Virtuoso behind a proxy that swallows writes)', async () => {
    const article = articleNTriples();
    await push(options([{ path: article.path, mediaType: 'application/n-triples' }], article.triples.size));
    // The next version: the same triples, one literal changed (same count).
    const lines = readFileSync(article.path, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    const at = lines.findIndex((l) => /"@en \.$/.test(l));
    const changed = lines[at]!.replace(/"@en \.$/, ' (revised)"@en .');
    const next = join(dir, 'article-next.nt');
    writeFileSync(next, `${lines.map((l, i) => (i === at ? changed : l)).join('\n')}\n`);
    // A proxy that answers every Graph Store write with 201 and forwards the queries to Virtuoso.
    const proxy = http.createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => {
        if ((req.url ?? '').startsWith('/sparql-graph-crud')) { res.writeHead(req.method === 'PUT' ? 201 : 200); res.end(); return; }
        void fetch(`${server!.endpoint}${req.url}`, { method: req.method, headers: { 'content-type': String(req.headers['content-type']), accept: String(req.headers.accept) }, body: Buffer.concat(parts) })
          .then(async (answer) => { res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' }); res.end(Buffer.from(await answer.arrayBuffer())); });
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const error = await push({ ...options([{ path: next, mediaType: 'application/n-triples' }], article.triples.size), endpoint, credentials: undefined })
        .then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(PushError);
      expect((error as PushError).kind).toBe('content-mismatch');
      expect((error as PushError).message).toBe(`graph <${GRAPH}> at ${endpoint}/sparql fails the content check: 1 of the ${article.triples.size} triples of the upload is not in it, though its triple count matched (the store may have kept an older graph and ignored the upload); the first missing: ${changed}`);
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('replace with an empty file empties the graph', async () => {
    const path = join(dir, 'empty.nt');
    writeFileSync(path, '');
    const report = await push(options([{ path, mediaType: 'application/n-triples' }], 0));
    expect(report).toMatchObject({ uploaded: 0, counted: 0, chunks: 1 });
  });

  it('a wrong password is an auth error that names the endpoint and not the password', async () => {
    const article = articleNTriples();
    const wrong = 'not-the-password';
    const error = await push(options([{ path: article.path, mediaType: 'application/n-triples' }], article.triples.size, { credentials: { user: 'dba', password: wrong } }))
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(PushError);
    expect((error as PushError).kind).toBe('auth');
    expect((error as PushError).message).toBe(`PUT ${server!.endpoint}/sparql-graph-crud-auth: HTTP 401 Unauthorized: the store refused the credentials (KG_PUSH_USER, KG_PUSH_PASSWORD)`);
    expect((error as PushError).message).not.toContain(wrong);
  });

  it('the unauthenticated Graph Store path refuses writes with 403', async () => {
    const article = articleNTriples();
    const error = await push({ ...options([{ path: article.path, mediaType: 'application/n-triples' }], article.triples.size, { gspPath: '/sparql-graph-crud' }), credentials: undefined })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(PushError);
    expect((error as PushError).kind).toBe('auth');
    expect((error as PushError).message).toMatch(new RegExp(`^PUT ${server!.endpoint.replace(/\./g, '\\.')}/sparql-graph-crud: HTTP 403 Forbidden: anonymous users may not write to graph <${GRAPH}>`));
  });

  it('competency queries give the same answers through Virtuoso /sparql as in Oxigraph', async () => {
    // The article alone, as the committed queries expect.
    const article = articleNTriples();
    await push(options([{ path: article.path, mediaType: 'application/n-triples' }], article.triples.size));
    const store = loadStore([ARTICLE_TTL]);
    const lavrov = `PREFIX kg: <https://w3id.org/news-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?office ?label WHERE { <https://w3id.org/news-kg/id/person/sergey-lavrov> kg:holds ?office . ?office rdfs:label ?label }`;
    const expected = rows(runQuery(store, lavrov, 'lavrov'));
    expect(expected).toEqual(['office=<https://w3id.org/news-kg/id/office/foreign-minister-of-russia> | label="Foreign Minister of Russia"@en']);
    expect(rows(await virtuosoSelect(lavrov))).toEqual(expected);
    const queries = readdirSync(projectPath('queries')).filter((n) => /^Q\d+.*\.rq$/.test(n)).sort();
    expect(queries.length).toBeGreaterThanOrEqual(10);
    for (const name of queries) {
      const query = readFileSync(projectPath(`queries/${name}`), 'utf8');
      const oxigraph = rows(runQuery(store, query, name));
      expect({ name, rows: rows(await virtuosoSelect(query)) }).toEqual({ name, rows: oxigraph });
    }
  });
});
