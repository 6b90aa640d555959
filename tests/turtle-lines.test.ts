// The Turtle line reader of kg roundtrip against n3 (parser, then Writer in N-Triples): the same canonical lines for every file it accepts (committed output, fixtures, synthetic exports, random and mangled text); refusals for what it is not sure of.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DataFactory, Parser, Writer } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalTurtleChunk, trigGraphStart, turtleHeader, turtlePrefixes } from '../src/rdf/turtle-lines.js';
import { QuadWriter } from '../src/rdf/quad-writer.js';
import { projectPath } from '../src/project.js';
import { runCli } from './helpers.js';

const REIFIES = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const writer = new Writer({ format: 'N-Triples' });
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const withoutBom = (b: Buffer): Buffer => (b.subarray(0, 3).equals(BOM) ? b.subarray(3) : b);

/** What the one reader's path gives for a Turtle text: n3 parses it, n3's Writer writes each triple; null when n3 refuses it (or it is RDF-star). */
function oracle(text: string, trig = false): string[] | null {
  try {
    const parsed = new Parser({ format: trig ? 'application/trig' : 'text/turtle' }).parse(text);
    if (parsed.some((q) => (q.subject.termType as string) === 'Quad' || (q.object.termType as string) === 'Quad' || q.predicate.value === REIFIES)) return null;
    return parsed.map((q) => writer.quadToString(q.subject, q.predicate, q.object, DataFactory.defaultGraph()).trimEnd());
  } catch {
    return null;
  }
}

/**
 * What the Turtle line reader gives for a file's bytes (no BOM; `trig`: TriG of one graph block), its statements read
 * in runs cut after each `cutEvery`-th statement end: the canonical lines, or null when it refuses them (in TriG, also
 * when the last run does not close the graph block, or another does).
 */
function lineReader(bytes: Uint8Array, cutEvery = 0, trig = false): string[] | null {
  const header = turtleHeader(bytes, true);
  if (!header) return null;
  const prefixes = turtlePrefixes(header.prefixes);
  const start = trig ? trigGraphStart(bytes, header.end) : header.end;
  if (start < 0) return null;
  const body = bytes.subarray(start);
  const runs: Uint8Array[] = [];
  if (cutEvery > 0) {
    let from = 0;
    let ends = 0;
    for (let i = 0; i < body.length; i++) {
      if (body[i] === 10 && (body[i - 1] === 46 || (body[i - 1] === 13 && body[i - 2] === 46)) && ++ends % cutEvery === 0) { runs.push(body.subarray(from, i + 1)); from = i + 1; }
    }
    runs.push(body.subarray(from));
  } else runs.push(body);
  const lines: string[] = [];
  for (const [k, run] of runs.entries()) {
    const read = canonicalTurtleChunk(run, prefixes, trig);
    if (!read.ok) return null;
    if (trig && read.closed !== (k === runs.length - 1)) return null;
    const got = Buffer.from(read.bytes).toString('utf8').split('\n');
    expect(got.pop()).toBe('');
    expect(got.length).toBe(read.lines);
    lines.push(...got);
  }
  return lines;
}

/** Every .ttl file under a folder. */
function turtleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ttl'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe('the Turtle line reader on files', () => {
  const committed = turtleFiles(projectPath('output'));
  it.each(committed.map((f) => [f.slice(projectPath('').length)]))('reads %s as n3 does, whole and cut into runs of statements', (file) => {
    const bytes = readFileSync(projectPath(file));
    const expected = oracle(bytes.toString('utf8'));
    expect(expected?.length).toBeGreaterThan(0);
    expect(lineReader(bytes)).toEqual(expected);
    expect(lineReader(bytes, 3)).toEqual(expected);
  });

  const trigFiles = readdirSync(projectPath('output')).filter((f) => f.endsWith('.trig')).map((f) => `/output/${f}`);
  it.each(trigFiles.map((f) => [f]))('reads TriG %s as n3 does, whole and cut into runs of statements', (file) => {
    const bytes = readFileSync(projectPath(file));
    const expected = oracle(bytes.toString('utf8'), true);
    expect(expected?.length).toBeGreaterThan(0);
    expect(lineReader(bytes, 0, true)).toEqual(expected);
    expect(lineReader(bytes, 3, true)).toEqual(expected);
    const text = bytes.toString('utf8');
    // Not closed, closed twice, a statement after the block's last one without `.`: refused.
    expect(lineReader(Buffer.from(text.replace(/\n\}\n$/, '\n')), 0, true)).toBeNull();
    expect(oracle(text.replace(/\n\}\n$/, '\n'), true)).toBeNull();
    expect(lineReader(Buffer.from(`${text}}\n`), 0, true)).toBeNull();
    expect(lineReader(Buffer.from(text.replace(/\n\}\n$/, '\n<http://e/s> <http://e/p> <http://e/o>\n}\n')), 0, true)).toBeNull();
  });

  const fixtures = turtleFiles(projectPath('tests/fixtures'));
  it('finds fixtures', () => expect(fixtures.length).toBeGreaterThan(20));
  it.each(fixtures.map((f) => [f.slice(projectPath('').length)]))('gives n3\'s lines for %s, or refuses it', (file) => {
    const bytes = withoutBom(readFileSync(projectPath(file)));
    const mine = lineReader(bytes);
    // Bytes that are not UTF-8 are refused; n3 would read them with replacement characters.
    if (mine !== null) expect(mine).toEqual(oracle(bytes.toString('utf8')));
  });

  const trigFixtures = readdirSync(projectPath('tests/fixtures'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.trig')).map((e) => join(e.parentPath, e.name).slice(projectPath('').length)).sort();
  it.each(trigFixtures.map((f) => [f]))('gives n3\'s lines for TriG %s, or refuses it', (file) => {
    const bytes = withoutBom(readFileSync(projectPath(file)));
    const mine = lineReader(bytes, 0, true);
    if (mine !== null) expect(mine).toEqual(oracle(bytes.toString('utf8'), true));
  });

  describe('a synthetic export', () => {
    let dir: string;
    let bytes: Buffer;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'kg-turtle-lines-'));
      expect((await runCli(['export', '--synthetic', '12', '--seed', '4', '--format', 'turtle', '--out', dir])).code).toBe(0);
      bytes = readFileSync(join(dir, 'synthetic.ttl'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is read as n3 reads it, whole and cut into runs of statements', () => {
      const expected = oracle(bytes.toString('utf8'));
      expect(expected?.length).toBeGreaterThan(1000);
      expect(lineReader(bytes)).toEqual(expected);
      expect(lineReader(bytes, 1)).toEqual(expected);
      expect(lineReader(Buffer.from(bytes.toString('utf8').replace(/\n/g, '\r\n')), 5)).toEqual(expected);
    });

    it('refuses a run that starts or ends inside a statement', () => {
      const header = turtleHeader(bytes, true);
      expect(header).not.toBeNull();
      const prefixes = turtlePrefixes(header?.prefixes ?? []);
      const body = bytes.subarray(header?.end ?? 0);
      const semicolon = body.indexOf(';\n') + 2;
      expect(canonicalTurtleChunk(body.subarray(0, semicolon), prefixes).ok).toBe(false);
      expect(canonicalTurtleChunk(body.subarray(semicolon), prefixes).ok).toBe(false);
      expect(canonicalTurtleChunk(body.subarray(0, body.length - 1), prefixes).ok).toBe(false); // no line end after the last `.`
    });
  });
});

/** Code points of every kind: ASCII, controls, quotes and backslashes, non-characters, non-BMP. */
const codePoint = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.constantFrom(0x22, 0x5c, 0x27, 0x0a, 0x0d, 0x09, 0x08, 0x0c),
  fc.integer({ min: 0, max: 0x1f }),
  fc.constantFrom(0x7f, 0x80, 0xa0, 0xfeff, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x1f600, 0x10ffff, 0x2028),
  fc.integer({ min: 0xa0, max: 0xd7ff }),
  fc.integer({ min: 0xe000, max: 0x10ffff }),
);
const text = fc.array(codePoint, { maxLength: 14 }).map((cps) => String.fromCodePoint(...cps));
const PREFIXES: Array<[string, string]> = [['ex', 'http://example.org/ns#'], ['claim-kind', 'https://w3id.org/news-kg/concept/claim-kind/'], ['xsd', XSD], ['e.x', 'urn:x:']];
const local = fc.stringMatching(/^[_a-zA-Z0-9](?:\.?[-_a-zA-Z0-9]){0,6}$/);
const iri = fc.oneof(
  fc.tuple(fc.constantFrom(...PREFIXES.map(([, i]) => i)), local).map(([ns, l]) => ns + l),
  fc.tuple(fc.constantFrom('http://a.example/', 'urn:b:', 'https://c.example/x#'), fc.array(fc.integer({ min: 0x21, max: 0x10ffff }).map((c) => String.fromCodePoint(c)).filter((c) => !/[<>"{}|^`\\\ud800-\udfff]/.test(c)), { maxLength: 6 })).map(([ns, cs]) => ns + cs.join('')),
);
const subtag = (first: boolean) => fc.stringMatching(first ? /^[a-zA-Z]{1,8}$/ : /^[a-zA-Z0-9]{1,8}$/);
const langTag = fc.tuple(subtag(true), fc.array(subtag(false), { maxLength: 2 })).map(([a, rest]) => [a, ...rest].join('-'));
const lexicalNumber = fc.constantFrom('true', 'false', '1', '-0', '+7', '2.5', '.5', '-3.25', '1e3', '1.5E-2', '.5e+1', '1.', '1.e3', 'x');
const literal = fc.oneof(
  fc.tuple(text, fc.constant(undefined)).map(([t]) => DataFactory.literal(t)),
  fc.tuple(text, langTag).map(([t, l]) => DataFactory.literal(t, l)),
  fc.tuple(text, iri).map(([t, d]) => DataFactory.literal(t, DataFactory.namedNode(d))),
  fc.tuple(lexicalNumber, fc.constantFrom('boolean', 'decimal', 'double', 'integer', 'string')).map(([t, d]) => DataFactory.literal(t, DataFactory.namedNode(XSD + d))),
);
const quad = fc.tuple(iri, fc.oneof(iri, fc.constant('http://www.w3.org/1999/02/22-rdf-syntax-ns#type')), fc.oneof(iri.map((i) => DataFactory.namedNode(i)), literal))
  .map(([s, p, o]) => DataFactory.quad(DataFactory.namedNode(s), DataFactory.namedNode(p), o));
/** Quads grouped by subject (as the writer wants them), written as Turtle with the prefixes declared. */
const turtle = fc.array(quad, { minLength: 1, maxLength: 12 }).map((qs) => {
  const sorted = [...qs].sort((a, b) => (a.subject.value < b.subject.value ? -1 : a.subject.value > b.subject.value ? 1 : 0));
  let out = '# a header comment\n';
  const w = new QuadWriter((chunk) => { out += chunk; }, 'Turtle', PREFIXES);
  for (const q of sorted) w.add(q);
  w.end();
  return out;
});

describe('the Turtle line reader on written text', () => {
  it('reads what the QuadWriter writes of random quads as n3 does', () => {
    fc.assert(fc.property(turtle, fc.boolean(), (t, crlf) => {
      const written = crlf ? t.replace(/\n/g, '\r\n') : t;
      const expected = oracle(written);
      expect(expected).not.toBeNull();
      expect(lineReader(Buffer.from(written))).toEqual(expected);
    }), { numRuns: 400 });
  });

  it('refuses mangled text or reads it as n3 does, never otherwise', () => {
    const edit = fc.constantFrom('<', '>', '"', '\\', '\\\\', '\\n', '\\u0041', '\\U0001F600', '_:b', ':', '@', '^^', '.', ',', ';', ' ', '\n', '\r', '\r\n', '#', '-', 'a', 'A', '0', '1.', 'e5', 'true', '\u00e9', '\ufffe', '\u007f', '\t', "'", '"""', '[', '(', '<<(', 'rdf:reifies', '\ufeff', '\u00a0', '@base <http://x/>.\n', '@prefix ex: <http://other/>.\n', 'ex:', '<rel>', '\u0000');
    fc.assert(fc.property(turtle, fc.array(fc.tuple(fc.nat(), edit, fc.nat(2)), { minLength: 1, maxLength: 3 }), (t, edits) => {
      let s = t;
      for (const [at, e, how] of edits) {
        const i = at % (s.length + 1);
        s = how === 0 ? s.slice(0, i) + e + s.slice(i) : how === 1 ? s.slice(0, i) + e + s.slice(i + e.length) : s.slice(0, i) + s.slice(i + 1);
      }
      const bytes = Buffer.from(s);
      const mine = lineReader(bytes);
      if (mine !== null) expect(mine).toEqual(oracle(s));
    }), { numRuns: 3000 });
  });

  it.each([
    ['a bare boolean, integer, decimal and double', '@prefix ex: <http://e/>.\n\nex:s ex:p true, false, 1, -2.5, .5e3.\n', ['<http://e/s> <http://e/p> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .', '<http://e/s> <http://e/p> "false"^^<http://www.w3.org/2001/XMLSchema#boolean> .', '<http://e/s> <http://e/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .', '<http://e/s> <http://e/p> "-2.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .', '<http://e/s> <http://e/p> ".5e3"^^<http://www.w3.org/2001/XMLSchema#double> .']],
    ['a tag in capitals, escapes made canonical', '@prefix ex: <http://e/>.\nex:s a ex:C;\n    ex:p "a\\u0009\\U0001F600\\u007f\\\'"@EN-Latn, "x"^^<http://www.w3.org/2001/XMLSchema#string>.\n', ['<http://e/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/C> .', '<http://e/s> <http://e/p> "a\\t\u{1F600}\\u007F\'"@en-latn .', '<http://e/s> <http://e/p> "x" .']],
  ])('reads %s as n3 does', (_what, t, lines) => {
    expect(oracle(t)).toEqual(lines);
    expect(lineReader(Buffer.from(t))).toEqual(lines);
  });

  it.each([
    ['a blank node', '@prefix ex: <http://e/>.\nex:s ex:p _:b.\n'],
    ['a collection', '@prefix ex: <http://e/>.\nex:s ex:p (ex:a).\n'],
    ['a long string', '@prefix ex: <http://e/>.\nex:s ex:p """x""".\n'],
    ['a string in single quotes', "@prefix ex: <http://e/>.\nex:s ex:p 'x'.\n"],
    ['@base', '@base <http://e/>.\n<s> <p> <o>.\n'],
    ['a relative IRI', '@prefix ex: <http://e/>.\nex:s ex:p <o>.\n'],
    ['a prefix declared after a statement', '@prefix ex: <http://e/>.\nex:s ex:p ex:o.\n@prefix ex: <http://f/>.\nex:s ex:p ex:o.\n'],
    ['an undeclared prefix', '@prefix ex: <http://e/>.\nfoo:s ex:p ex:o.\n'],
    ['a statement over two lines', '@prefix ex: <http://e/>.\nex:s ex:p\n    ex:o.\n'],
    ['a comment after the header', '@prefix ex: <http://e/>.\nex:s ex:p ex:o. # c\n'],
    ['a lone CR', '@prefix ex: <http://e/>.\nex:s ex:p ex:o.\rex:s ex:p ex:o.\n'],
    ['bytes that are not UTF-8', Buffer.from([...Buffer.from('@prefix ex: <http://e/>.\nex:s ex:p "'), 0xc3, 0x28, ...Buffer.from('".\n')])],
    ['rdf:reifies', '@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>.\n<http://e/s> rdf:reifies <http://e/o>.\n'],
    ['a direction', '@prefix ex: <http://e/>.\nex:s ex:p "x"@en--ltr.\n'],
  ])('refuses %s', (_what, t) => {
    expect(lineReader(Buffer.from(t))).toBeNull();
  });
});
