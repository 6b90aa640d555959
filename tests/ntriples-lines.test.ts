// The N-Triples line reader of kg roundtrip against n3 (parser, then Writer in N-Triples): the same canonical lines for every line it accepts, on real files, fixtures and random lines; refusals for what it is not sure of.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DataFactory, Parser, Writer } from 'n3';
import { describe, expect, it } from 'vitest';
import { canonicalChunk, canonicalLine } from '../src/rdf/ntriples-lines.js';
import { projectPath } from '../src/project.js';
import { codePoint, datatype, ECHARS, hex, ILLEGAL_IRI, iri, iriChar, langTag, literal, space, stringChar, subtag } from './ntriples-arbitraries.js';
import { BOM, lineFiles, LONE_SURROGATE, REFUSED_LINES, withoutBom } from './ntriples-arbitraries.js';

const REIFIES = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies';
const writer = new Writer({ format: 'N-Triples' });

/** What the one reader's path gives for a text: n3 parses it, n3's Writer writes each triple; null when n3 refuses it (or it is RDF-star). */
function oracle(text: string, quads = false): string[] | null {
  try {
    const parsed = new Parser({ format: quads ? 'application/n-quads' : 'application/n-triples' }).parse(text);
    if (parsed.some((q) => (q.subject.termType as string) === 'Quad' || (q.object.termType as string) === 'Quad' || q.predicate.value === REIFIES)) return null;
    return parsed.map((q) => writer.quadToString(q.subject, q.predicate, q.object, DataFactory.defaultGraph()).trimEnd());
  } catch {
    return null;
  }
}

/** What the line reader gives for some bytes: the canonical lines, or null when it refuses them. */
function lineReader(bytes: Uint8Array, quads = false): string[] | null {
  const read = canonicalChunk(bytes, quads);
  if (!read.ok) return null;
  const lines = Buffer.from(read.bytes).toString('utf8').split('\n');
  expect(lines.pop()).toBe('');
  expect(lines.length).toBe(read.lines);
  return lines;
}


describe('the line reader on files', () => {
  const committed = lineFiles(projectPath('output'));
  it.each(committed.map((f) => [f.slice(projectPath('').length)]))('reads %s as n3 does', (file) => {
    const bytes = readFileSync(projectPath(file));
    const quads = file.endsWith('.nq');
    const expected = oracle(bytes.toString('utf8'), quads);
    expect(expected?.length).toBeGreaterThan(0);
    expect(lineReader(bytes, quads)).toEqual(expected);
  });

  const fixtures = lineFiles(projectPath('tests/fixtures'));
  it('finds fixtures', () => expect(fixtures.length).toBeGreaterThan(20));
  it.each(fixtures.map((f) => [f.slice(projectPath('').length)]))('gives n3\'s lines for %s, or refuses it', (file) => {
    const bytes = withoutBom(readFileSync(projectPath(file)));
    const quads = file.endsWith('.nq');
    const mine = lineReader(bytes, quads);
    // Bytes that are not UTF-8 are refused; n3 would read them with replacement characters.
    if (mine !== null) expect(mine).toEqual(oracle(bytes.toString('utf8'), quads));
    if (/-ok-|mini\./.test(file) && !file.includes('json-ok')) expect(mine).not.toBeNull();
  });
});

describe('the line reader on written lines', () => {
  it('keeps canonical lines as they are and gives a chunk without any change back as it is', () => {
    const text = '<http://a/s> <http://a/p> <http://a/o> .\n<http://a/s> <http://a/p> "x\\\\y\\n"@en-gb .\n<http://a/s> <http://a/p> "1"^^<http://a/d> .\n';
    const bytes = Buffer.from(text);
    const read = canonicalChunk(bytes);
    expect(read.ok && read.bytes === bytes).toBe(true);
    expect(read.ok && read.lines).toBe(3);
  });

  it.each([
    ['spaces, tabs and a comment', '\t<http://a/s>\t<http://a/p>   "x" . # note', '<http://a/s> <http://a/p> "x" .'],
    ['no spaces', '<http://a/s><http://a/p>"x".', '<http://a/s> <http://a/p> "x" .'],
    ['a language tag in capitals', '<http://a/s> <http://a/p> "x"@EN-Latn-GB .', '<http://a/s> <http://a/p> "x"@en-latn-gb .'],
    ['xsd:string', '<http://a/s> <http://a/p> "x"^^<http://www.w3.org/2001/XMLSchema#string> .', '<http://a/s> <http://a/p> "x" .'],
    ['escapes', '<http://a/\\u00E9> <http://a/p> "\\u00e9\\U0001F600\\t\\\'\\u0001\\u007f\\uFFFE" .', '<http://a/é> <http://a/p> "é😀\\t\'\\u0001\\u007F\\uFFFE" .'],
    ['a comment line', '# a comment', ''],
    ['a blank line', ' \t ', ''],
  ])('writes %s canonically', (_what, line, canonical) => {
    expect(canonicalLine(line)).toBe(canonical);
    expect(oracle(line)).toEqual(canonical ? [canonical] : []);
  });

  it('drops the graph of N-Quads, and refuses one in N-Triples', () => {
    const line = '<http://a/s> <http://a/p> "x" <http://a/g> .';
    expect(canonicalLine(line, true)).toBe('<http://a/s> <http://a/p> "x" .');
    expect(lineReader(Buffer.from(`${line}\r\n${line}`), true)).toEqual(oracle(`${line}\n${line}`, true));
    expect(canonicalLine(line)).toBeNull();
  });

  it('reads CR LF line ends and a last line without one', () => {
    const lines = ['<http://a/s> <http://a/p> "x" .', '<http://a/s> <http://a/p> <http://a/o> .', '# c', '<http://a/s> <http://a/p> "y"@en .'];
    expect(lineReader(Buffer.from(lines.join('\r\n')))).toEqual(oracle(lines.join('\n')));
    expect(lineReader(Buffer.from(lines.join('\n')))).toEqual(oracle(lines.join('\n')));
  });

  it.each(REFUSED_LINES)('refuses %s', (_what, line) => {
    expect(canonicalLine(line)).toBeNull();
    expect(canonicalChunk(Buffer.from(`<http://a/s> <http://a/p> "ok" .\n${line}\n`))).toEqual({ ok: false, line: 2 });
  });

  it('refuses a U+FEFF that starts a chunk or a line: a character there, not a BOM (the caller has skipped the one BOM)', () => {
    const line = '<http://a/s> <http://a/p> "x" .\n';
    expect(canonicalChunk(Buffer.from(`\ufeff${line}`))).toEqual({ ok: false, line: 1 });
    expect(canonicalChunk(Buffer.from(`${line}\ufeff${line}`))).toEqual({ ok: false, line: 2 });
    expect(oracle(`${line}\ufeff${line}`)).toBeNull();
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(canonicalChunk(Buffer.from([...Buffer.from('<http://a/s> <http://a/p> "'), 0xc3, 0x28, ...Buffer.from('" .\n')]))).toEqual({ ok: false, line: 0 });
  });
});

const someSpace = fc.constantFrom(' ', ' ', '\t', ' \t ');
/** A line of N-Triples (or N-Quads, with a graph now and then) that the RDF 1.1 grammar allows. */
const line = (quads: boolean) => fc.tuple(space, iri, space, iri, space, fc.oneof(iri, literal), space, quads ? fc.option(iri) : fc.constant(null), fc.constantFrom('', ' # a comment', '#', ' '))
  .map(([w0, s, w1, p, w2, o, w3, g, tail]) => `${w0}${s}${w1}${p}${w2}${o}${w3}${g ? `${g} ` : ''}.${tail}`);

describe('the line reader on random lines, against n3', () => {
  it.each([[false], [true]])('gives n3\'s canonical line for every line the grammar allows (N-Quads: %s)', (quads) => {
    fc.assert(fc.property(line(quads), (l) => {
      const expected = oracle(l, quads);
      expect(expected).not.toBeNull();
      expect(canonicalLine(l, quads)).toBe((expected as string[])[0]);
    }), { numRuns: 3000 });
  });

  it('gives n3\'s lines for runs of lines, with LF or CR LF, blank and comment lines', () => {
    fc.assert(fc.property(fc.array(fc.oneof(line(false), line(false), line(false), fc.constantFrom('', '# c', ' ')), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (lines, eol, last) => {
      const text = lines.join(eol) + (last ? eol : '');
      expect(lineReader(Buffer.from(text))).toEqual(oracle(text));
    }), { numRuns: 1000 });
  });

  it('accepts a mangled line only when n3 does, and then gives n3\'s line', () => {
    const mangle = fc.tuple(line(false), fc.nat(), fc.nat(3), fc.constantFrom('<', '>', '"', '\\', '_', ':', '@', '^', '.', ' ', '#', '-', 'u', 'U', 'A', '0', '\u00e9', '\t', '\r', "'", '\\u', '\\U0000', '<<(', '\ufeff', '\u00a0'))
      .map(([l, at, how, c]) => {
        const i = at % (l.length + 1);
        return how === 0 ? l.slice(0, i) + c + l.slice(i) : how === 1 ? l.slice(0, i) + l.slice(i + 1) : how === 2 ? l.slice(0, i) + c + l.slice(i + 1) : l.slice(0, i);
      })
      // Text decoded from UTF-8 holds no lone surrogate (cutting a pair in two is no edit of a file).
      .filter((l) => !LONE_SURROGATE.test(l));
    let accepted = 0;
    let refused = 0;
    fc.assert(fc.property(mangle, (l) => {
      // The chunk reader takes a CR at the end of a line as part of its line end.
      const read = lineReader(Buffer.from(l));
      if (read !== null) expect(read).toEqual(oracle(l));
      const mine = canonicalLine(l);
      if (mine === null) { refused++; if (!l.endsWith('\r')) expect(read).toBeNull(); return; }
      accepted++;
      const expected = oracle(l);
      expect(expected).not.toBeNull();
      expect(mine === '' ? [] : [mine]).toEqual(expected);
      expect(lineReader(Buffer.from(l))).toEqual(expected);
    }), { numRuns: 4000 });
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it('accepts a mangled canonical line (the form read byte by byte) only when n3 does, and then gives n3\'s line', () => {
    const canonical = line(false).map((l) => canonicalLine(l) as string);
    const mangle = fc.tuple(canonical, fc.nat(), fc.nat(3), fc.constantFrom('<', '>', '"', '\\', '\\\\', '\\n', '\\u0041', '_', ':', '@', '^', '.', ' ', '#', '-', 'A', 'a', '0', '\u00e9', '\ufffe', '\u007f', '\t', '\r', "'", '<<(', 'rdf:reifies', '\ufeff', '\u00a0'))
      .map(([l, at, how, c]) => {
        const i = at % (l.length + 1);
        return how === 0 ? l.slice(0, i) + c + l.slice(i) : how === 1 ? l.slice(0, i) + l.slice(i + 1) : how === 2 ? l.slice(0, i) + c + l.slice(i + 1) : l.slice(0, i);
      })
      .filter((l) => !LONE_SURROGATE.test(l));
    fc.assert(fc.property(fc.array(mangle, { minLength: 1, maxLength: 3 }), (lines) => {
      const text = `${lines.join('\n')}\n`;
      const expected = oracle(text);
      const mine = lineReader(Buffer.from(text));
      if (mine !== null) expect(mine).toEqual(expected);
      else expect(lines.map((l) => canonicalLine(l))).toContain(null);
    }), { numRuns: 4000 });
  });
});
