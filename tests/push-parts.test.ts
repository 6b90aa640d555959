// The parts of src/commands/push/ tested on their own: digest computation (RFC 7616 vectors), redaction, chunks, the count check.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { authorization, credentialsFromEnv, parseChallenge, redact, type AuthState } from '../src/commands/push/auth.js';
import { baseType, countNTriples, inspectFiles, ntriplesChunks } from '../src/commands/push/chunks.js';
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

  it('redacts the password and the user (3 characters or more) and nothing without credentials', () => {
    expect(redact('user dba password s3cret', { user: 'dba', password: 's3cret' })).toBe('user *** password ***');
    expect(redact('x ab y', { user: 'ab', password: 'pw' })).toBe('x ab y');
    expect(redact('dba s3cret', undefined)).toBe('dba s3cret');
  });

  it('reads the credentials from the environment', () => {
    expect(credentialsFromEnv({})).toBeUndefined();
    expect(credentialsFromEnv({ KG_PUSH_USER: 'u', KG_PUSH_PASSWORD: '' })).toEqual({ user: 'u', password: '' });
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
      'PushError', 'countDistinctTriples', 'countNTriples', 'credentialsFromEnv', 'exportedDatasetFiles', 'graphsOfFiles', 'ntriplesChunks', 'push', 'pushEach',
    ]);
  });
});
