// The parts of src/commands/push/ tested on their own: digest computation (RFC 7616 vectors), redaction, chunks, the count check, the content check's queries and sample.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { DataFactory } from 'n3';
import oxigraph from 'oxigraph';
import { authorization, credentialsFromEnv, parseChallenge, type AuthState } from '../src/commands/push/auth.js';
import { baseType, countNTriples, inspectFiles, ntriplesChunks } from '../src/commands/push/chunks.js';
import { presenceQuery, sampleByHash, sparqlTerm, sparqlTriple, uploadedTriples, type UploadedTriple } from '../src/commands/push/content.js';
import { credentialForms, Redactor } from '../src/commands/push/redact.js';
import { Context } from '../src/commands/push/context.js';
import { checkCount } from '../src/commands/push/count.js';
import { PushError } from '../src/commands/push/errors.js';
import { display, errorDetail } from '../src/commands/push/http.js';
import * as facade from '../src/commands/push.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-push-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('auth: digest (RFC 7616 §3.9.1)', () => {
  const mufasa = { user: 'Mufasa', password: 'Circle of Life' };
  const cnonce = 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ';
  const challenge = (alg: string): string =>
    `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${alg}, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`;

  it.each([
    ['MD5', '8ca523f5e9506fed4657c9700eebdbec'],
    ['SHA-256', '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1'],
  ])('computes the RFC\'s response for %s', (alg, response) => {
    const state: AuthState = { scheme: 'digest', challenge: parseChallenge(challenge(alg)), nc: 0 };
    const header = authorization(state, mufasa, 'GET', '/dir/index.html', cnonce);
    expect(header).toBe(`Digest username="Mufasa", realm="http-auth@example.org", nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", uri="/dir/index.html", algorithm=${alg}, response="${response}", qop=auth, nc=00000001, cnonce="${cnonce}", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`);
    expect(state.nc).toBe(1);
    expect(authorization(state, mufasa, 'GET', '/dir/index.html', cnonce)).toContain('nc=00000002');
  });

  it('parses quoted, escaped and bare challenge parameters, names in lower case', () => {
    expect(parseChallenge('Digest Realm="a \\"b\\"", nonce=xyz, stale=TRUE')).toEqual({ realm: 'a "b"', nonce: 'xyz', stale: 'TRUE' });
  });

  it('sends basic as base64 of user:password', () => {
    expect(authorization({ scheme: 'basic' }, { user: 'Aladdin', password: 'open sesame' }, 'PUT', '/x')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
  });

  it('reads the credentials from the environment', () => {
    expect(credentialsFromEnv({})).toBeUndefined();
    expect(credentialsFromEnv({ KG_PUSH_USER: 'u', KG_PUSH_PASSWORD: '' })).toEqual({ user: 'u', password: '' });
  });
});

describe('redaction', () => {
  const creds = { user: 'Aladdin', password: 'open sesame' };

  it('knows every spelling of the password and of user:password (RFC 7617 basic token included), not the user alone', () => {
    const forms = credentialForms(creds);
    for (const f of ['open sesame', 'Aladdin:open sesame', 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==', 'QWxhZGRpbjpvcGVuIHNlc2FtZQ', 'open%20sesame', 'open+sesame', 'b3BlbiBzZXNhbWU=', 'Aladdin:open%20sesame']) {
      expect(forms).toContain(f);
    }
    expect(forms).not.toContain('Aladdin');
    expect(credentialForms({ user: 'u', password: 'a"<b' })).toEqual(expect.arrayContaining(['a\\"<b', 'a&quot;&lt;b', 'a%22%3Cb']));
  });

  it('replaces every form in our own text, user:password before the password inside it', () => {
    const r = new Redactor(creds);
    expect(r.text('as Aladdin:open sesame, then open sesame, token QWxhZGRpbjpvcGVuIHNlc2FtZQ==')).toBe('as ***, then ***, token ***');
    expect(r.text('Aladdin asked')).toBe('Aladdin asked');
  });

  it('removes credential structures from the store\'s text, whatever the credentials', () => {
    const r = new Redactor();
    const page = [
      'Authorization: Basic dXNlcjpwYXNz',
      'proxy-authorization: Digest username="u", response="0123456789abcdef0123456789abcdef"',
      '{"authorization":"Bearer abc.def","host":"h"}',
      '["Authorization","Basic eHh4"]',
      'seen Digest username="u", realm="r", nonce="n", response="0123456789abcdef0123456789abcdef" in the log',
      'and response=0123456789abcdef0123456789abcdef, from http://user:pw@host/path',
    ].join('\n');
    expect(r.outside(page)).toBe([
      'Authorization: ***',
      'proxy-authorization: ***',
      '{"authorization":"***","host":"h"}',
      '["Authorization","***"]',
      'seen Digest *** in the log',
      'and response="***", from http://***@host/path',
    ].join('\n'));
  });

  it('withholds the store\'s text that still holds a short password, and never mangles our own text with it', () => {
    const r = new Redactor({ user: 'admin', password: 'pw' });
    expect(r.outside('denied: admin/pw')).toBeUndefined();
    expect(r.shown('denied: admin/pw')).toBe("(the store's reply was withheld because it may contain credentials)");
    expect(r.outside('Authorization: Basic YWRtaW46cHc=')).toBe('Authorization: ***');
    expect(r.outside('upload refused')).toBe('upload refused');
    expect(r.text('pushed to <https://example.org/pw/graph>')).toBe('pushed to <https://example.org/pw/graph>');
    // Base64 of the password alone: padded, it is long enough to replace.
    expect(r.outside('saw cHc= here')).toBe('saw *** here');
  });

  it('keeps the digest responses sent, the latest 256', () => {
    const r = new Redactor(creds);
    const responses = Array.from({ length: 300 }, (_, i) => createHash('md5').update(String(i)).digest('hex'));
    for (const x of responses) r.remember(x);
    expect(r.text(`a ${responses[299]} b`)).toBe('a *** b');
    expect(r.text(`a ${responses[44]} b`)).toBe('a *** b');
    expect(r.text(`a ${responses[43]} b`)).toBe(`a ${responses[43]} b`);
  });

  it('redacts a reason phrase and an error page before they are cut, folded and shown', () => {
    const ctx = new Context({ endpoint: 'http://127.0.0.1:1', graph: 'urn:g', mode: 'replace', files: [], expectedTriples: 0, credentials: creds });
    const page = `${'x'.repeat(190)} open\n   sesame open sesame`;
    const error = ctx.statusError('PUT', ctx.gspUrl, { status: 500, statusText: 'Failed for Aladdin:open sesame', challenges: [], contentType: 'text/plain', text: page }, 1);
    expect(error.message).toBe(`PUT http://127.0.0.1:1/sparql-graph-crud-auth: HTTP 500 Failed for ***: ${'x'.repeat(190)} open ses…`);
    const plain = ctx.statusError('PUT', ctx.gspUrl, { status: 404, statusText: 'Not Found', challenges: [], contentType: 'text/html', text: '' }, 1);
    expect(plain.message).toBe('PUT http://127.0.0.1:1/sparql-graph-crud-auth: HTTP 404 Not Found: no Graph Store service at this path');
  });

  it('redacts the message and the stack of any error leaving push (main prints the stack with --verbose)', () => {
    const ctx = new Context({ endpoint: 'http://127.0.0.1:1', graph: 'urn:g', mode: 'replace', files: [], expectedTriples: 0, credentials: creds });
    const error = ctx.redactError(new TypeError('cannot use open sesame here')) as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('cannot use *** here');
    expect(error.stack).toMatch(/^TypeError: cannot use \*\*\* here\n/);
    expect(error.stack).not.toContain('open sesame');
  });
});

describe('content check: queries and sample', () => {
  const { namedNode, literal, blankNode, quad } = DataFactory;
  const XSD = 'http://www.w3.org/2001/XMLSchema#';

  it('writes terms in SPARQL syntax, or refuses those a query cannot ask for', () => {
    expect(sparqlTerm(namedNode('https://e.org/a'))).toBe('<https://e.org/a>');
    expect(sparqlTerm(literal('a "b"\\c\nd\re\tf'))).toBe('"a \\"b\\"\\\\c\\nd\\re\tf"');
    expect(sparqlTerm(literal('Grüße', 'de-AT'))).toBe('"Grüße"@de-at');
    expect(sparqlTerm(literal('01', namedNode(`${XSD}integer`)))).toBe(`"01"^^<${XSD}integer>`);
    expect(sparqlTerm(literal('x', namedNode(`${XSD}string`)))).toBe('"x"');
    expect(sparqlTerm(literal('x', namedNode(`${XSD}string`)), true)).toBe(`"x"^^<${XSD}string>`);
    for (const t of [blankNode('b'), namedNode('https://e.org/a b'), namedNode('https://e.org/<a>'), literal('a\\u0041'), literal('\uD800')]) expect(sparqlTerm(t)).toBeUndefined();
    expect(sparqlTriple(quad(namedNode('https://e.org/s'), namedNode('https://e.org/p'), blankNode('o')))).toBeUndefined();
  });

  it('asks which triples a graph holds, in a query Oxigraph answers with the index of each one found', () => {
    const store = new oxigraph.Store();
    store.load('<https://e.org/s> <https://e.org/p> "a \\"q\\"\\n" <urn:g> .\n<https://e.org/s> <https://e.org/p> "01"^^<http://www.w3.org/2001/XMLSchema#integer> <urn:g> .\n<https://e.org/s> <https://e.org/p> "c" <urn:other> .', { format: 'application/n-quads' });
    const patterns = [
      sparqlTriple(quad(namedNode('https://e.org/s'), namedNode('https://e.org/p'), literal('a "q"\n')))!,
      sparqlTriple(quad(namedNode('https://e.org/s'), namedNode('https://e.org/p'), literal('c')))!,
      sparqlTriple(quad(namedNode('https://e.org/s'), namedNode('https://e.org/p'), literal('01', namedNode(`${XSD}integer`))))!,
      sparqlTriple(quad(namedNode('https://e.org/s'), namedNode('https://e.org/p'), literal('2', namedNode(`${XSD}integer`))))!,
      // Oxigraph keeps integers by value, as Virtuoso does: "1" finds the "01" stored (the store's own matching decides).
      sparqlTriple(quad(namedNode('https://e.org/s'), namedNode('https://e.org/p'), literal('1', namedNode(`${XSD}integer`))))!,
    ];
    const results = JSON.parse(store.query(presenceQuery('urn:g', patterns), { results_format: 'application/sparql-results+json' }) as string) as { results: { bindings: Array<{ i: { value: string } }> } };
    expect(results.results.bindings.map((b) => Number(b.i.value)).sort()).toEqual([0, 2, 4]);
  });

  it('samples the triples with the smallest SHA-256 of their SPARQL form, whatever their order, each once', async () => {
    const triples: UploadedTriple[] = Array.from({ length: 200 }, (_, i) => ({ sparql: `<urn:s${i}> <urn:p> "${i}"`, shown: `<urn:s${i}> <urn:p> "${i}" .` }));
    const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
    const expected = triples.map((t) => t.sparql!).sort((a, b) => (sha(a) < sha(b) ? -1 : 1)).slice(0, 10);
    async function* of(list: UploadedTriple[]): AsyncGenerator<UploadedTriple> { yield* list; }
    expect((await sampleByHash(of(triples), 10)).map((t) => t.sparql)).toEqual(expected);
    expect((await sampleByHash(of([...triples].reverse().concat(triples, [{ sparql: undefined, shown: '_:b <urn:p> "x" .' }])), 10)).map((t) => t.sparql)).toEqual(expected);
    expect(await sampleByHash(of(triples), 0)).toEqual([]);
    expect(await sampleByHash(of(triples.slice(0, 3)), 10)).toHaveLength(3);
  });

  it('reads the triples of N-Triples (shown as written) and Turtle files, naming a line it cannot read', async () => {
    const nt = join(dir, 'up.nt');
    writeFileSync(nt, '# header\n<urn:a> <urn:b> "x"^^<http://www.w3.org/2001/XMLSchema#string> .\n\n_:b <urn:b> <urn:c> .\n');
    const got: UploadedTriple[] = [];
    for await (const t of uploadedTriples([{ path: nt, mediaType: 'application/n-triples' }])) got.push(t);
    expect(got).toEqual([
      { sparql: '<urn:a> <urn:b> "x"^^<http://www.w3.org/2001/XMLSchema#string>', shown: '<urn:a> <urn:b> "x"^^<http://www.w3.org/2001/XMLSchema#string> .' },
      { sparql: undefined, shown: '_:b <urn:b> <urn:c> .' },
    ]);
    const bad = join(dir, 'bad.nt');
    writeFileSync(bad, '<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> .\n');
    const read = async (): Promise<void> => { for await (const t of uploadedTriples([{ path: bad, mediaType: 'application/n-triples' }])) void t; };
    await expect(read()).rejects.toThrow(`${bad}:2: cannot read this line to ask the store for it`);
    const ttl = join(dir, 'up.ttl');
    writeFileSync(ttl, '@prefix e: <urn:e:> . e:s e:p "v"@EN .');
    const fromTurtle: UploadedTriple[] = [];
    for await (const t of uploadedTriples([{ path: ttl, mediaType: 'text/turtle' }])) fromTurtle.push(t);
    expect(fromTurtle).toEqual([{ sparql: '<urn:e:s> <urn:e:p> "v"@en', shown: '<urn:e:s> <urn:e:p> "v"@en .' }]);
  });
});

describe('http', () => {
  it('shows a URL without its query or credentials', () => {
    expect(display(new URL('http://u:p@h:8890/sparql-graph-crud-auth?graph=urn:g'))).toBe('http://h:8890/sparql-graph-crud-auth');
  });

  it('takes the reason of an error page from <xmp> or plain text, on one line, at most 200 characters', () => {
    const answer = (text: string, contentType: string) => ({ status: 500, statusText: '', challenges: [], contentType, text });
    expect(errorDetail(answer('<html><xmp>SR  1:\n  bad</xmp></html>', 'text/html'))).toBe('SR 1: bad');
    expect(errorDetail(answer('<html><p>no</p></html>', 'text/html'))).toBe('');
    expect(errorDetail(answer('x'.repeat(300), 'text/plain'))).toBe(`${'x'.repeat(199)}…`);
  });
});

describe('chunks', () => {
  const file = (name: string, text: string): string => { const p = join(dir, name); writeFileSync(p, text); return p; };

  it('cuts N-Triples into bodies of at most N bytes on line boundaries, losing and adding nothing', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `<urn:s${i}> <urn:p> "${'v'.repeat(i % 7)}" .\n`);
    const path = file('many.nt', lines.join(''));
    for (const max of [1, 30, 64, 100, 10_000]) {
      const bodies: Buffer[] = [];
      for await (const b of ntriplesChunks(path, max)) bodies.push(b);
      expect(Buffer.concat(bodies).toString()).toBe(lines.join(''));
      for (const b of bodies) {
        expect(b.toString().endsWith('\n')).toBe(true);
        if (b.toString().split('\n').length > 2) expect(b.length).toBeLessThanOrEqual(max);
      }
    }
    expect(await countNTriples(file('c.nt', '# c\n\n<urn:a> <urn:b> <urn:c> .\n  \n<urn:a> <urn:b> "d" .'))).toBe(2);
  });

  it('refuses a blank node only in a file cut into several chunks, naming its line', async () => {
    const path = file('bnode.nt', '<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> _:x .\n');
    await expect(inspectFiles([{ path, mediaType: 'application/n-triples' }], 1000)).resolves.toEqual([{ path, mediaType: 'application/n-triples', size: 48, chunked: true }]);
    await expect(inspectFiles([{ path, mediaType: 'application/n-triples' }], 10)).rejects.toThrow(`${path}:2: a blank node`);
    await expect(inspectFiles([{ path, mediaType: 'text/turtle' }], 10)).resolves.toHaveLength(1);
    expect(baseType('Application/N-Triples; charset=utf-8')).toBe('application/n-triples');
  });
});

describe('count check', () => {
  const ctx = new Context({ endpoint: 'http://127.0.0.1:1', graph: 'urn:g', mode: 'replace', files: [], expectedTriples: 0 });
  const mismatch = (counted: number, expected: number, before?: number): string | undefined => {
    try { checkCount(ctx, counted, expected, before); return undefined; } catch (e) { expect(e).toBeInstanceOf(PushError); return (e as PushError).message; }
  };

  it('replace: exactly the expected count', () => {
    expect(mismatch(5, 5)).toBeUndefined();
    expect(mismatch(4, 5)).toBe('graph <urn:g> at http://127.0.0.1:1/sparql holds 4 triples, expected 5');
  });

  it('append: between max(before, expected) and before + expected', () => {
    expect(mismatch(10, 5, 7)).toBeUndefined();
    expect(mismatch(7, 5, 7)).toBeUndefined();
    expect(mismatch(12, 5, 7)).toBeUndefined();
    expect(mismatch(13, 5, 7)).toBe('graph <urn:g> at http://127.0.0.1:1/sparql holds 13 triples after appending 5 to 7, expected between 7 and 12');
  });
});

describe('the facade src/commands/push.ts', () => {
  it('exports the public surface of src/commands/push/index.ts', () => {
    expect(Object.keys(facade).sort()).toEqual([
      'DEFAULT_BACKOFF_MS', 'DEFAULT_CHUNK_BYTES', 'DEFAULT_GSP_PATH', 'DEFAULT_RETRIES', 'DEFAULT_SPARQL_PATH', 'DEFAULT_TIMEOUT_MS',
      'PushError', 'Redactor', 'countDistinctTriples', 'countNTriples', 'credentialsFromEnv', 'exportedDatasetFiles', 'graphsOfFiles', 'ntriplesChunks', 'push', 'pushEach',
    ]);
  });
});
