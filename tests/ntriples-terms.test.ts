// The fast N-Triples / N-Quads term reader of kg import against n3's parser: the same triples (graph dropped) for everything it accepts, on real files, fixtures, random and mangled lines; refusals for what it is not sure of.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Term } from '@rdfjs/types';
import { Parser } from 'n3';
import { afterAll, describe, expect, it } from 'vitest';
import { NTriplesTermReader, readNTriplesTerms } from '../src/rdf/ntriples-terms.js';
import { projectPath } from '../src/project.js';
import { codePoint, datatype, ECHARS, hex, ILLEGAL_IRI, iri, iriChar, langTag, literal, space, stringChar, subtag } from './ntriples-arbitraries.js';
import { BOM, lineFiles, LONE_SURROGATE, REFUSED_LINES, withoutBom } from './ntriples-arbitraries.js';

const REIFIES = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies';
const dir = mkdtempSync(join(tmpdir(), 'kg-nt-terms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A term as text that tells every field apart: `<iri>`, or the lexical form, language tag and datatype of a literal. */
function termText(t: Term): string {
  if (t.termType === 'NamedNode') return `<${t.value}>`;
  if (t.termType === 'Literal') return JSON.stringify([t.value, t.language, t.datatype.value]);
  return `${t.termType} ${t.value}`;
}

/** What n3 gives for a text (the graph dropped), as `subject predicate object` texts; null when n3 refuses it or it is RDF-star. */
function oracle(text: string, quads = false): string[] | null {
  try {
    const parsed = new Parser({ format: quads ? 'application/n-quads' : 'application/n-triples' }).parse(text);
    if (parsed.some((q) => (q.subject.termType as string) === 'Quad' || (q.object.termType as string) === 'Quad' || q.predicate.value === REIFIES)) return null;
    return parsed.map((q) => `${termText(q.subject)} ${termText(q.predicate)} ${termText(q.object)}`);
  } catch {
    return null;
  }
}

/** What the term reader gives for bytes (whole lines, UTF-8, no BOM), or null when it refuses them. */
function termReader(bytes: Buffer, quads = false): string[] | null {
  const out: string[] = [];
  const reader = new NTriplesTermReader(quads, (s, p, o) => out.push(`<${s}> <${p}> ${termText(o)}`));
  const ok = reader.read(bytes, 0, bytes.length);
  expect(reader.triples).toBe(out.length);
  return ok ? out : null;
}

/** What readNTriplesTerms gives for a file with these bytes, or null when it refuses the file. */
function fileReader(bytes: Buffer, quads = false): string[] | null {
  const path = join(dir, quads ? 'f.nq' : 'f.nt');
  writeFileSync(path, bytes);
  const out: string[] = [];
  const n = readNTriplesTerms(path, quads, (s, p, o) => out.push(`<${s}> <${p}> ${termText(o)}`));
  if (n === undefined) return null;
  expect(n).toBe(out.length);
  return out;
}


describe('the term reader on files', () => {
  const committed = lineFiles(projectPath('output'));
  it('finds the export', () => expect(committed.length).toBeGreaterThanOrEqual(4));
  it.each(committed.map((f) => [f.slice(projectPath('').length)]))('reads %s as n3 does', (file) => {
    const bytes = readFileSync(projectPath(file));
    const quads = file.endsWith('.nq');
    const expected = oracle(bytes.toString('utf8'), quads);
    expect(expected?.length).toBeGreaterThan(0);
    expect(fileReader(bytes, quads)).toEqual(expected);
  });

  const fixtures = lineFiles(projectPath('tests/fixtures'));
  it('finds fixtures', () => expect(fixtures.length).toBeGreaterThan(20));
  it.each(fixtures.map((f) => [f.slice(projectPath('').length)]))('gives n3\'s triples for %s, or refuses it', (file) => {
    const bytes = readFileSync(projectPath(file));
    const quads = file.endsWith('.nq');
    const mine = fileReader(bytes, quads);
    // Bytes that are not UTF-8 are refused; n3 would read them with replacement characters.
    if (mine !== null) expect(mine).toEqual(oracle(withoutBom(bytes).toString('utf8'), quads));
    if (/-ok-|mini\./.test(file) && !file.includes('json-ok')) expect(mine).not.toBeNull();
  });
});

describe('the term reader on written lines', () => {
  it.each([
    ['spaces, tabs and a comment', '\t<http://a/s>\t<http://a/p>   "x" . # note'],
    ['no spaces', '<http://a/s><http://a/p>"x".'],
    ['a language tag in capitals', '<http://a/s> <http://a/p> "x"@EN-Latn-GB .'],
    ['xsd:string', '<http://a/s> <http://a/p> "x"^^<http://www.w3.org/2001/XMLSchema#string> .'],
    ['escapes', '<http://a/\\u00E9> <http://a/p> "\\u00e9\\U0001F600\\t\\\'\\u0001\\u007f\\uFFFE" .'],
    ['a datatype', '<http://a/s> <http://a/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .'],
    ['characters outside ASCII', '<http://a/é> <http://a/p\u00e9> "\u{1f600}é\u2028"@de-ch .'],
  ])('reads %s as n3 does', (_what, line) => {
    const expected = oracle(line);
    expect(expected).toHaveLength(1);
    expect(termReader(Buffer.from(line))).toEqual(expected);
  });

  it('reads a comment line and a blank line as no triple', () => {
    expect(termReader(Buffer.from('# a comment\n \t \n'))).toEqual([]);
  });

  it('drops the graph of N-Quads, and refuses one in N-Triples', () => {
    const line = '<http://a/s> <http://a/p> "x" <http://a/g> .';
    expect(termReader(Buffer.from(`${line}\r\n${line}`), true)).toEqual(oracle(`${line}\n${line}`, true));
    expect(termReader(Buffer.from(line))).toBeNull();
  });

  it('gives a subject repeated on the next lines as the same string', () => {
    const subjects: string[] = [];
    const reader = new NTriplesTermReader(false, (s) => subjects.push(s));
    const text = '<http://a/s> <http://a/p> "x" .\n<http://a/s> <http://a/p> "y" .\n<http://a/t> <http://a/p> "y" .\n<http://a/t> <http://a/p> "z" .\n';
    expect(reader.read(Buffer.from(text), 0, Buffer.byteLength(text))).toBe(true);
    expect(subjects).toEqual(['http://a/s', 'http://a/s', 'http://a/t', 'http://a/t']);
    expect(subjects[0]).toBe(subjects[1]);
    expect(reader.triples).toBe(4);
  });

  it('reads CR LF line ends, a last line without one, a leading BOM and a line longer than the buffer', () => {
    const lines = ['<http://a/s> <http://a/p> "x" .', '<http://a/s> <http://a/p> <http://a/o> .', '# c', '<http://a/s> <http://a/p> "y"@en .'];
    expect(fileReader(Buffer.from(lines.join('\r\n')))).toEqual(oracle(lines.join('\n')));
    expect(fileReader(Buffer.concat([BOM, Buffer.from(`${lines.join('\n')}\n`)]))).toEqual(oracle(lines.join('\n')));
    const long = `<http://a/s> <http://a/p> "${'é'.repeat(700_000)}" .\n`;
    const text = `${lines.join('\n')}\n${long}${long}${lines.join('\n')}`;
    const read = fileReader(Buffer.from(text));
    expect(read).toEqual(oracle(text));
    expect(read).toHaveLength(8);
  });

  it.each([
    ['an empty file', ''],
    ['comments only', '# nothing\n'],
    ['a doubled BOM', '\ufeff<http://a/s> <http://a/p> "x" .\n'],
    ['bytes that are not UTF-8', Buffer.from([...Buffer.from('<http://a/s> <http://a/p> "'), 0xc3, 0x28, ...Buffer.from('" .\n')])],
    ['a bad line after good ones', '<http://a/s> <http://a/p> "x" .\n<http://a/s> <http://a/p> .\n'],
  ])('refuses a file with %s', (_what, content) => {
    const bytes = typeof content === 'string' ? Buffer.concat([BOM, Buffer.from(content)]) : content;
    expect(fileReader(bytes)).toBeNull();
  });

  it('refuses a file that cannot be read', () => {
    expect(readNTriplesTerms(join(dir, 'missing.nt'), false, () => {})).toBeUndefined();
    expect(readNTriplesTerms(dir, false, () => {})).toBeUndefined();
  });

  it('stops when told to', () => {
    const path = join(dir, 'stop.nt');
    writeFileSync(path, '<http://a/s> <http://a/p> "x" .\n');
    expect(readNTriplesTerms(path, false, () => {}, () => true)).toBeUndefined();
  });

  it.each(REFUSED_LINES)('refuses %s', (_what, line) => {
    const reader = new NTriplesTermReader(false, () => {});
    const text = `<http://a/s> <http://a/p> "ok" .\n${line}\n`;
    expect(reader.read(Buffer.from(text), 0, Buffer.byteLength(text))).toBe(false);
    expect(reader.refusedLine).toBe(2);
  });
});

/** A line of N-Triples (or N-Quads, with a graph now and then) that the RDF 1.1 grammar allows. */
const line = (quads: boolean) => fc.tuple(space, iri, space, iri, space, fc.oneof(iri, literal), space, quads ? fc.option(iri) : fc.constant(null), fc.constantFrom('', ' # a comment', '#', ' '))
  .map(([w0, s, w1, p, w2, o, w3, g, tail]) => `${w0}${s}${w1}${p}${w2}${o}${w3}${g ? `${g} ` : ''}.${tail}`);
/** A line with one edit: a character inserted, deleted or replaced, or the rest cut off. */
const mangled = (quads: boolean) => fc.tuple(line(quads), fc.nat(), fc.nat(3), fc.constantFrom('<', '>', '"', '\\', '\\\\', '\\n', '\\u0041', '_', ':', '@', '^', '.', ' ', '#', '-', 'u', 'U', 'A', 'a', '0', '\u00e9', '\ufffe', '\ufeff', '\u00a0', '\u007f', '\t', '\r', '\f', "'", '\\u', '\\U0000', '<<(', '<<', '--', 'rdf:reifies'))
  .map(([l, at, how, c]) => {
    const i = at % (l.length + 1);
    return how === 0 ? l.slice(0, i) + c + l.slice(i) : how === 1 ? l.slice(0, i) + l.slice(i + 1) : how === 2 ? l.slice(0, i) + c + l.slice(i + 1) : l.slice(0, i);
  })
  // Text decoded from UTF-8 holds no lone surrogate (cutting a pair in two is no edit of a file).
  .filter((l) => !LONE_SURROGATE.test(l));

describe('the term reader on random lines, against n3', () => {
  it.each([[false], [true]])('gives n3\'s triple for every line the grammar allows (N-Quads: %s)', (quads) => {
    fc.assert(fc.property(line(quads), (l) => {
      const expected = oracle(l, quads);
      expect(expected).not.toBeNull();
      expect(termReader(Buffer.from(l), quads)).toEqual(expected);
    }), { numRuns: 3000 });
  });

  it('gives n3\'s triples for runs of lines, with LF or CR LF, blank and comment lines', () => {
    fc.assert(fc.property(fc.array(fc.oneof(line(false), line(false), line(false), fc.constantFrom('', '# c', ' ')), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (lines, eol, last) => {
      const text = lines.join(eol) + (last ? eol : '');
      expect(termReader(Buffer.from(text))).toEqual(oracle(text));
    }), { numRuns: 1000 });
  });

  it.each([[false], [true]])('accepts a mangled line only when n3 does, and then gives n3\'s triples (N-Quads: %s)', (quads) => {
    let accepted = 0;
    let refused = 0;
    fc.assert(fc.property(fc.array(mangled(quads), { minLength: 1, maxLength: 3 }), (lines) => {
      const text = `${lines.join('\n')}\n`;
      const mine = termReader(Buffer.from(text), quads);
      if (mine === null) { refused++; return; }
      accepted++;
      expect(mine).toEqual(oracle(text, quads));
    }), { numRuns: 5000 });
    expect(accepted).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  });
});
