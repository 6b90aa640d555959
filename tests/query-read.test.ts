// kg query reads its data files through the one reader: the refusals of kg validate (encoding, BOM, empty input, syntax, as file:line:column), RDF-star accepted, and what the reader accepts loaded into Oxigraph as read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { BOM, FORMATS, TinyExport, type Ext } from './tiny-export.js';

/** Every triple, in the default graph or a named one (N-Quads and TriG put the data in a named graph). */
const COUNT = 'SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }';

const tiny = new TinyExport('kg-query-read-');
const clean = tiny.clean;
beforeAll(() => tiny.setUp());
afterAll(() => tiny.tearDown());
const caseFile = (ext: string, content: Buffer | string): string => tiny.caseFile(ext, content);

/** The clean export of a format with the label "C" changed: `to` replaces its closing quote (`C"` becomes `C` + to). */
function withLabel(ext: Ext, to: Buffer | string): Buffer {
  const bytes = clean.get(ext) as Buffer;
  const at = bytes.indexOf('C"', bytes.indexOf(ext === 'jsonld' ? '"@value": "C"' : '"C"'));
  expect(at, 'the label "C" is in the export').toBeGreaterThan(0);
  return Buffer.concat([bytes.subarray(0, at + 1), Buffer.isBuffer(to) ? to : Buffer.from(to), bytes.subarray(at + 1)]);
}

/** The number of triples kg query counts in a file (exit 0 expected). */
async function count(path: string): Promise<number> {
  const r = await runCli(['query', '-q', COUNT, '--data', path, '-f', 'json']);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return Number((JSON.parse(r.stdout) as { results: { bindings: Array<{ n: { value: string } }> } }).results.bindings[0]?.n.value);
}

/** Expects kg query to refuse a file exactly as kg validate does: exit 2 and validate's one line `file:line:column: message`. */
async function expectRefusedAsValidate(path: string, place: RegExp, words: readonly string[] = []): Promise<string> {
  const validate = await runCli(['validate', path]);
  const line = validate.stdout.replace(/\n$/, '');
  expect([validate.code, line.startsWith(path) && place.test(line.slice(path.length))], validate.stdout).toEqual([2, true]);
  const query = await runCli(['query', '-q', 'ASK { ?s ?p ?o }', '--data', path]);
  expect([query.code, query.stdout, query.stderr]).toEqual([2, '', `kg: ${line}\n`]);
  for (const w of words) expect(line).toContain(w);
  return line;
}

describe.each(FORMATS)('kg query reads %s through the one reader', (ext) => {
  it('skips a leading UTF-8 BOM: the same triples as without it', async () => {
    const plain = await count(caseFile(ext, clean.get(ext) as Buffer));
    expect(plain).toBeGreaterThan(0);
    expect(await count(caseFile(ext, Buffer.concat([BOM, clean.get(ext) as Buffer])))).toBe(plain);
  });

  it('refuses bytes that are not UTF-8 (a 0xFF, a truncated sequence) as validate does, at the byte', async () => {
    for (const bad of [[0xff], [0xe2, 0x82]]) {
      const bytes = withLabel(ext, Buffer.from(bad));
      const path = caseFile(ext, bytes);
      const before = bytes.subarray(0, bytes.indexOf(Buffer.from(bad))).toString('utf8').split('\n');
      const place = `:${before.length}:${[...(before.at(-1) ?? '')].length + 1}: `;
      await expectRefusedAsValidate(path, new RegExp(`^${place}`), ['UTF-8', `0x${(bad[0] as number).toString(16)}`]);
    }
  });

  it('refuses a syntax error as validate does (file:line:column)', async () => {
    // An unterminated string in RDF, a missing comma in JSON-LD.
    const bytes = ext === 'jsonld' ? withLabel(ext, '" "x": 1, "') : withLabel(ext, '\n');
    await expectRefusedAsValidate(caseFile(ext, bytes), /^:\d+:\d+: /);
  });
});

describe('kg query, like kg validate and kg import', () => {
  it.each([['ttl', ''], ['nt', '# only a comment\n'], ['trig', '@prefix ex: <http://example.org/>.\n']])('refuses a .%s file without triples (%j) with exit 1', async (ext, text) => {
    const path = caseFile(ext, text);
    const validate = await runCli(['validate', path]);
    expect(validate.code).toBe(1);
    const query = await runCli(['query', '-q', 'ASK { ?s ?p ?o }', '--data', path]);
    expect([query.code, query.stdout, query.stderr]).toEqual([1, '', `kg: invalid input:\n  entity ${path}, field (empty): the file holds no triples\n`]);
  });

  it('names a language subtag longer than 8 characters as written', async () => {
    const path = caseFile('ttl', '<http://example.org/a> <http://example.org/b> "x"@en-US-x-TwelveChars .\n');
    await expectRefusedAsValidate(path, /^:1:50: /, ['subtag longer than 8 characters', '@en-US-x-TwelveChars']);
  });

  it('refuses an "@language" of JSON-LD that is no BCP 47 tag naming the node, the key and the tag as written', async () => {
    const path = caseFile('jsonld', JSON.stringify({ '@id': 'http://example.org/a', 'http://example.org/b': { '@value': 'x', '@language': '-en' } }, null, 2));
    const query = await runCli(['query', '-q', 'ASK { ?s ?p ?o }', '--data', path]);
    expect(query.code).toBe(1);
    expect(query.stderr).toContain('entity http://example.org/a, field ["http://example.org/b"].@language: language tag "-en" is not a well-formed BCP 47 tag');
    expect(query.stderr).toContain(`(at ${path}:5:18)`);
    const validate = await runCli(['validate', path]);
    expect([validate.code, validate.stdout]).toEqual([1, expect.stringContaining('language tag "-en" is not a well-formed BCP 47 tag')]);
  });

  it('accepts RDF-star / RDF 1.2 (Oxigraph reads it), which validate refuses', async () => {
    const path = caseFile('ttl', '<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n<< <http://example.org/a> <http://example.org/b> <http://example.org/c> >> <http://example.org/d> "e" .\n');
    expect((await runCli(['validate', path])).code).toBe(2);
    expect(await count(path)).toBeGreaterThanOrEqual(2);
  });

  it('loads what the reader reads, with no second check of the data (a tag that is not BCP 47 is the decoder\'s to refuse)', async () => {
    const text = (clean.get('nt') as Buffer).toString('utf8');
    expect(text).toContain('"C"@en .');
    const path = caseFile('nt', text.replace('"C"@en .', '"C"@en-gb-gb .'));
    const r = await runCli(['query', '-q', 'SELECT ?l WHERE { ?s ?p ?o FILTER (STR(?o) = "C") BIND (LANG(?o) AS ?l) }', '--data', path, '-f', 'tsv']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '?l\n"en-gb-gb"\n', '']);
    const validate = await runCli(['validate', path]);
    expect([validate.code, validate.stdout]).toEqual([1, expect.stringContaining('en-gb-gb')]);
  });

  it('refuses an unknown format as wrong usage, naming the formats it reads', async () => {
    const path = caseFile('csv', 'a,b\n');
    const r = await runCli(['query', '-q', 'ASK { ?s ?p ?o }', '--data', path]);
    expect([r.code, r.stderr]).toEqual([2, `kg: cannot read ${path}: unknown RDF format "csv": use .ttl, .nt, .nq, .trig or .jsonld\n`]);
  });
});
