// What a literal's text, a language tag, an IRI and a lexical form may be: one module decides, every path agrees, checked against the specs' examples and a second implementation (Oxigraph).
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DataFactory, Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAll } from '../src/commands/export.js';
import { DataError, UsageError } from '../src/errors.js';
import { jsonldContext } from '../src/generate/context.js';
import { canonicalHash, canonicalNQuads } from '../src/generate/description.js';
import { findProblems } from '../src/mapping/check.js';
import { decodeQuads } from '../src/mapping/decode.js';
import { entitiesQuads } from '../src/mapping/encode.js';
import { checkBase } from '../src/mapping/iri.js';
import { checkLanguageTag, checkText, iriProblem, LEXICAL_PATTERNS, type PatternedKind } from '../src/mapping/lexical.js';
import { CODECS } from '../src/mapping/literals.js';
import { codePointLength } from '../src/mapping/text.js';
import { CLASSES, type Entity } from '../src/model/classes.js';
import type { ClassDecl } from '../src/model/schema.js';
import { DEFAULT_BASE, KG_NS, RDF, RDFS } from '../src/model/vocab.js';
import { loadDatasetJson } from '../src/rdf/input.js';
import { turtleString } from '../src/rdf/turtle.js';
import { kitchenSink } from './fixtures/kitchen-sink.js';
import { parseTurtle, readProjectFile, runCli } from './helpers.js';

const { literal, namedNode, quad } = DataFactory;
const SH = 'http://www.w3.org/ns/shacl#';
const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'kg-lexical-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A person whose one label is `text` in language `lang`. */
const person = (text: string, lang = 'en'): Entity[] => [{ type: 'Person', id: 'person/p', label: [{ value: text, lang }] }];
/** The quads of that person as the export makes them, with the label's literal replaced by `label`. */
const personQuads = (label: ReturnType<typeof literal>): Quad[] => {
  const s = namedNode(`${DEFAULT_BASE}person/p`);
  return [...['Person', 'Agent', 'Item'].map((c) => quad(s, namedNode(RDF.type), namedNode(KG_NS + c))), quad(s, namedNode(RDFS.label), label)];
};
/** The problems decoding some quads reports, one a line (empty when it decodes). */
const decodeProblems = (quads: Quad[]): string[] => {
  try {
    decodeQuads(quads, { base: DEFAULT_BASE });
    return [];
  } catch (error) {
    if (error instanceof DataError) return error.message.split('\n');
    throw error;
  }
};

// ---- Literal text ----------------------------------------------------------------------------------------------

/** A code point outside XML 1.0 Char (a lone surrogate for D800–DFFF). */
const refusedCodePoint = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constantFrom(0xb, 0xc, 0xfffe, 0xffff), fc.integer({ min: 0xe, max: 0x1f }), fc.integer({ min: 0xd800, max: 0xdfff }));
/** A character inside XML 1.0 Char, every range weighted alike, the awkward ones often. */
const allowedChar = fc.oneof(
  fc.constantFrom('\t', '\n', '\r', ' ', '"', '\\', "'", '\u007f', '\u0080', '\u009f', '\u00a0', '\u200f', '\u202e', '\u2028', '\ud7ff', '\ue000', '\ufdd0', '\ufffd', '😀', '\u{10ffff}', '<', '>', '@', '#'),
  fc.integer({ min: 0x20, max: 0xd7ff }).map((cp) => String.fromCodePoint(cp)),
  fc.integer({ min: 0xe000, max: 0xfffd }).map((cp) => String.fromCodePoint(cp)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)),
);
/** Text of allowed characters only. */
const allowedText = fc.array(allowedChar, { maxLength: 12 }).map((cs) => cs.join(''));

describe('literal text holds only XML 1.0 characters (Char)', () => {
  it.each([
    [0x0], [0x1], [0x8], [0xb], [0xc], [0xe], [0x1f], [0xfffe], [0xffff], [0xd800], [0xdbff], [0xdc00], [0xdfff],
  ])('refuses code point %i, naming it and its offset in code points', (cp) => {
    const text = `😀a${String.fromCharCode(cp)}b`;
    expect(checkText(text)).toContain(`${hex(cp)} at code point 2;`);
  });

  it.each([
    [0x9], [0xa], [0xd], [0x20], [0x7f], [0x80], [0x9f], [0xd7ff], [0xe000], [0xfdd0], [0xfffd], [0x10000], [0x1f600], [0x10ffff],
  ])('accepts code point %i', (cp) => {
    expect(checkText(`a${String.fromCodePoint(cp)}b`)).toBeUndefined();
  });

  it('refuses every character outside Char with its code point and offset, from TypeScript data, JSON input and RDF import alike', async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(allowedText, refusedCodePoint, allowedText, async (before, cp, after) => {
      const text = `${before}${String.fromCharCode(cp)}${after}`;
      const where = `${hex(cp)} at code point ${codePointLength(before)};`;
      // TypeScript data
      const ts = findProblems(person(text));
      expect(ts).toHaveLength(1);
      expect(ts[0]).toMatchObject({ entity: 'person/p', field: 'label' });
      expect(ts[0]?.message).toContain(where);
      // JSON input (JSON.stringify writes a lone surrogate as \udXXX, which JSON.parse gives back)
      const file = join(dir, `text-${n++}.json`);
      writeFileSync(file, JSON.stringify({ name: 'p', title: 'p', entities: person(text) }));
      if (cp >= 0xd800 && cp <= 0xdfff) {
        // The JSON reader refuses the escape as written, with its place, before any entity is checked.
        expect(() => loadDatasetJson(file)).toThrow(/entity person\/p, field label\[0\]\.value: \\ud[89a-f][0-9a-f]{2} \(as written, at .*:1:\d+\) is half of a UTF-16 surrogate pair/);
      } else {
        expect(findProblems(loadDatasetJson(file).entities)).toEqual(ts);
      }
      // RDF import: the decoder reads the literal through the same codec
      const problems = decodeProblems(personQuads(literal(text, 'en')));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain('entity person/p, field label: ');
      expect(problems[0]).toContain(where);
    }), { numRuns: 150, seed: 14 });
  });

  it('accepts every text of Char characters on every path, and reads it back unchanged', async () => {
    await fc.assert(fc.asyncProperty(allowedText.filter((t) => t.trim() !== ''), async (text) => {
      expect(findProblems(person(text))).toEqual([]);
      expect(decodeQuads(personQuads(literal(text, 'en')), { base: DEFAULT_BASE })).toEqual([{ type: 'Person', id: 'person/p', label: [{ value: text, lang: 'en' }] }]);
    }), { numRuns: 300, seed: 14 });
  });

  it.each([
    ['U+0000, escaped', '"a\\u0000b"@en', 'U+0000 at code point 1'],
    ['U+FFFE, raw', '"x\uFFFEy"@en', 'U+FFFE at code point 1'],
    ['U+FFFF, escaped', '"xy\\uFFFF"@en', 'U+FFFF at code point 2'],
  ])('kg validate and kg import both refuse a label with %s (exit 1, entity, field, character and offset)', async (_what, label, where) => {
    const file = join(dir, `label-${where.slice(2, 6)}.ttl`);
    writeFileSync(file, `@prefix kg: <${KG_NS}>. @prefix rdfs: <${RDFS.ns}>.\n<${DEFAULT_BASE}person/p> a kg:Person, kg:Agent, kg:Item; rdfs:label ${label}.\n`);
    const validated = await runCli(['validate', file]);
    expect(validated.code, validated.stdout + validated.stderr).toBe(1);
    expect(validated.stdout).toContain(`entity person/p, field label: `);
    expect(validated.stdout).toContain(where);
    const out = join(dir, `label-${where.slice(2, 6)}.json`);
    const imported = await runCli(['import', file, '--out', out]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(1);
    expect(imported.stderr).toContain('entity person/p, field label: ');
    expect(imported.stderr).toContain(where);
    expect(readdirSync(dir)).not.toContain(`label-${where.slice(2, 6)}.json`);
  });
});

// ---- RDFC-1.0 canonical N-Quads (the void.ttl checksum) --------------------------------------------------------

describe('the canonical N-Quads behind the checksum follow RDFC-1.0', () => {
  it('gives exactly the expected output of the spec\'s test060 ("n-quads escaping")', async () => {
    const input = readProjectFile('tests/fixtures/rdfc10/test060-in.nq');
    const expected = readProjectFile('tests/fixtures/rdfc10/test060-rdfc10.nq');
    const quads = new Parser({ format: 'N-Quads' }).parse(input);
    expect(await canonicalNQuads(quads)).toBe(expected);
  });

  /** The canonical N-Quads line of one triple whose object is `object`. */
  const canonicalLine = (object: ReturnType<typeof literal>): Promise<string> =>
    canonicalNQuads([quad(namedNode('http://example.org/s'), namedNode('http://example.org/p'), object)]);
  /** Oxigraph's N-Quads line of the same triple: its writer escapes as canonical N-Triples does (RDF 1.2 N-Triples §4). */
  const oxigraphLine = (value: string, lang?: string): string => {
    const store = new oxigraph.Store();
    store.add(oxigraph.quad(oxigraph.namedNode('http://example.org/s'), oxigraph.namedNode('http://example.org/p'), oxigraph.literal(value, lang)));
    return store.dump({ format: 'application/n-quads' });
  };

  it('escapes TAB, LF, CR, quote and backslash as ECHAR, DEL as \\u007F, and writes C1 controls, noncharacters U+FDD0, private use and non-BMP characters as themselves', async () => {
    const text = 'a\tb\nc\rd"e\\f\u007fg\u0080\u009fh\ufdd0i\ue000j😀k\ufffd';
    const line = await canonicalLine(literal(text));
    expect(line).toBe('<http://example.org/s> <http://example.org/p> "a\\tb\\nc\\rd\\"e\\\\f\\u007Fg\u0080\u009fh\ufdd0i\ue000j😀k\ufffd" .\n');
    expect(line).toBe(oxigraphLine(text));
  });

  it('agrees with Oxigraph\'s writer on every text literal text may hold, plain and language-tagged', async () => {
    await fc.assert(fc.asyncProperty(allowedText, fc.constantFrom(undefined, 'en', 'de-ch', 'x-private'), async (text, lang) => {
      expect(await canonicalLine(lang ? literal(text, lang) : literal(text))).toBe(oxigraphLine(text, lang));
    }), { numRuns: 500, seed: 14 });
  });

  it('hashes the canonical N-Quads of the quads taken as one graph (SHA-256, hex)', async () => {
    const quads = [...entitiesQuads(kitchenSink.entities, { base: DEFAULT_BASE })];
    const nquads = await canonicalNQuads(quads);
    expect(await canonicalHash(quads)).toBe(createHash('sha256').update(nquads, 'utf8').digest('hex'));
    expect(nquads.endsWith('\n') && !nquads.includes('\r')).toBe(true);
  });
});

// ---- Language tags ---------------------------------------------------------------------------------------------

/** Whether Oxigraph (whose parser checks BCP 47 well-formedness) reads a literal with this tag. */
const oxigraphReadsTag = (tag: string): boolean => {
  try {
    oxigraph.parse(`<http://example.org/s> <http://example.org/p> "x"@${tag} .`, { format: 'application/n-triples' });
    return true;
  } catch {
    return false;
  }
};

describe('language tags are well-formed BCP 47 (RFC 5646 §2.1), in any case, written in lower case', () => {
  it.each([['en'], ['en-GB'], ['sr-Latn-RS'], ['zh-Hant'], ['de-CH-1901'], ['x-private'], ['i-klingon'], ['en-a-bbb-x-a-ccc'], ['zh-min-nan'], ['en-GB-oed'], ['qaa-Qaaa-QM-x-southern'], ['EN-US']])('accepts %s', (tag) => {
    expect(checkLanguageTag(tag)).toBeUndefined();
    expect(oxigraphReadsTag(tag)).toBe(true);
  });

  it.each([['en-gb-gb'], ['EN_us'], ['e'], ['abcdefghi'], ['en--gb'], ['en-'], ['x'], ['en-x'], ['x-abcdefghi'], ['en-a'], ['en-abc-def-ghi-jkl'], ['1en'], ['']])('refuses %j, naming it and the rule', (tag) => {
    expect(checkLanguageTag(tag)).toMatch(new RegExp(`^language tag ${JSON.stringify(tag).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a well-formed BCP 47 tag \\(RFC 5646 §2\\.1\\)`));
    expect(oxigraphReadsTag(tag)).toBe(false);
  });

  it('accepts exactly the tags Oxigraph accepts', () => {
    const subtag = fc.constantFrom('a', 'B', 'z', '1', '9', 'x', 'i', 'u', 'en', 'abc', 'abcd', 'abcdefgh', 'abcdefghi', 'Latn', 'US', '419', '1901', 'oed');
    const tag = fc.array(subtag, { minLength: 1, maxLength: 7 }).chain((parts) => fc.constantFrom('-', '--').map((sep) => parts.join(parts.length > 3 ? sep : '-')));
    fc.assert(fc.property(tag, (t) => { expect(checkLanguageTag(t) === undefined, t).toBe(oxigraphReadsTag(t)); }), { numRuns: 3000, seed: 14 });
  });

  it('gives the same answer when a tag is asked again, also after many other tags (answers are kept per tag, a bounded number of them)', () => {
    const tags = ['en', 'EN-us', 'en-gb-gb', 'EN_us', '', 'x-private', 'i-klingon', 'en--gb'];
    const first = tags.map((t) => checkLanguageTag(t));
    expect(tags.map((t) => checkLanguageTag(t))).toEqual(first);
    for (let i = 0; i < 3000; i++) checkLanguageTag(`x-${i.toString(36)}`);
    expect(tags.map((t) => checkLanguageTag(t))).toEqual(first);
    expect(first.map((a) => a === undefined)).toEqual(tags.map(oxigraphReadsTag));
  });

  it('reads en-US from TypeScript data and JSON input and writes @en-us; decoding gives lower case', async () => {
    expect(findProblems(person('Color', 'en-US'))).toEqual([]);
    const file = join(dir, 'en-US.json');
    writeFileSync(file, JSON.stringify({ name: 'p', title: 'p', entities: person('Color', 'en-US') }));
    expect(findProblems(loadDatasetJson(file).entities)).toEqual([]);
    const turtle = await turtleString(entitiesQuads(person('Color', 'en-US'), { base: DEFAULT_BASE }), { header: [], prefixes: [] });
    expect(turtle).toContain('"Color"@en-us');
    expect(decodeQuads(personQuads(literal('Color', 'EN-US')), { base: DEFAULT_BASE })).toEqual(person('Color', 'en-us'));
    expect(decodeQuads(parseTurtle(turtle), { base: DEFAULT_BASE })).toEqual(person('Color', 'en-us'));
  });

  it('counts tags that differ only in case as one language', () => {
    const entities: Entity[] = [{ type: 'Person', id: 'person/p', label: [{ value: 'Colour', lang: 'en-GB' }, { value: 'Color', lang: 'en-gb' }] }];
    expect(findProblems(entities)).toContainEqual({ entity: 'person/p', field: 'label', message: 'two values in language "en-gb"' });
  });

  it('refuses a tag that is not well-formed on import, naming it', () => {
    expect(decodeProblems(personQuads(literal('x', 'en-gb-gb')))).toEqual([
      'entity person/p, field label: "x"@en-gb-gb: language tag "en-gb-gb" is not a well-formed BCP 47 tag (RFC 5646 §2.1): found superfluous content after tag',
    ]);
  });
});

// ---- IRIs (RFC 3987) -------------------------------------------------------------------------------------------

/** Whether Oxigraph (whose parser checks IRIs against RFC 3987) reads this IRI. */
const oxigraphReadsIri = (iri: string): boolean => {
  try {
    oxigraph.parse(`<${iri}> <http://example.org/p> <http://example.org/o> .`, { format: 'application/n-triples' });
    return true;
  } catch {
    return false;
  }
};

describe('IRIs are checked against RFC 3987, naming the part that fails', () => {
  it.each([
    ['not a base', 'scheme', 'has no scheme'],
    ['1http://a/', 'scheme', 'scheme "1http" must be a letter'],
    ['http://a b/', 'host', 'character U+0020 at code point 8 is not allowed in the host'],
    ['http://u@s@h/', 'host', 'character "@" (U+0040) at code point 10'],
    ['http://a:8x/', 'port', 'port "8x" must be digits only'],
    ['http://[::1/', 'host', 'is not an IP literal'],
    ['http://[1::2::3]/', 'host', 'is not an IP literal'],
    ['http://a/\ue000/', 'path', 'private-use character U+E000 at code point 9 is allowed only in the query'],
    ['http://a/\u{F0000}', 'path', 'private-use character U+F0000 at code point 9'],
    ['http://a/#\u{10FFFD}', 'fragment', 'private-use character U+10FFFD at code point 10'],
    ['http://a/\ufdd0', 'path', 'noncharacter U+FDD0 at code point 9'],
    ['http://a/\u{1FFFE}', 'path', 'noncharacter U+1FFFE at code point 9'],
    ['http://a/x?\u{EFFFF}', 'query', 'noncharacter U+EFFFF at code point 11'],
    ['http://a/%zz', 'path', '"%" at code point 9 is not followed by two hexadecimal digits'],
    ['http://a/%4', 'path', '"%" at code point 9'],
    ['http://a/\u0080', 'path', 'character U+0080 at code point 9 is not allowed in the path'],
    ['http://a/a#b#c', 'fragment', 'a second "#" at code point 12'],
    ['http://a/x?<', 'query', 'character "<" (U+003C) at code point 11'],
  ])('refuses %j in the %s', (iri, part, message) => {
    const problem = iriProblem(iri);
    expect(problem?.part).toBe(part);
    expect(problem?.message).toContain(message);
    expect(oxigraphReadsIri(iri)).toBe(false);
  });

  it.each([
    ['http://a/x?\ue000\u{F0000}\u{10FFFD}'], ['http://[::1]:8080/kg/'], ['http://[v1.x]/'], ['http://[::ffff:1.2.3.4]/'], ['urn:x'], ['http:///x'],
    ['https://w3id.org/news-kg/id/'], ['http://é.example/ü/\u{10000}?%41#\u{EFFFD}'], ['http://a/\ufdcf\ufdf0\uffef'], ['kg://example/'],
  ])('accepts %j', (iri) => {
    expect(iriProblem(iri)).toBeUndefined();
    expect(oxigraphReadsIri(iri)).toBe(true);
  });

  it('accepts exactly the IRIs Oxigraph accepts', () => {
    const pieces = ['a', 'Z', '0', '-', '.', '_', '~', '!', '$', '&', "'", '(', ')', '*', '+', ',', ';', '=', ':', '@', '/', '?', '#', '%', '%4', '%41', '%zz',
      '[', ']', '::1', 'v1.x', '1.2.3.4', '8080', 'ab:cd@', '//', ' ', '<', '"', '{', '|', '^', '`', '\\', '\u007f', '\u0080', '\u00a0', 'é', '\ud7ff',
      '\ue000', '\uf8ff', '\uf900', '\ufdcf', '\ufdd0', '\ufdef', '\ufdf0', '\uffef', '\ufff0', '\ufffd', '\u{10000}', '\u{1fffd}', '\u{1fffe}', '\u{e0000}',
      '\u{e1000}', '\u{efffd}', '\u{effff}', '\u{f0000}', '\u{ffffd}', '\u{100000}', '\u{10fffd}', '\u{10ffff}'];
    const iri = fc.tuple(fc.constantFrom('http://', 'urn:', 'a:', 'h://[', '1a:', 'http:/', 'x+y.z-w:', 'http://u@'), fc.array(fc.constantFrom(...pieces), { maxLength: 10 }))
      .map(([start, ps]) => start + ps.join(''));
    fc.assert(fc.property(iri, (i) => { expect(iriProblem(i) === undefined, JSON.stringify(i)).toBe(oxigraphReadsIri(i)); }), { numRuns: 5000, seed: 14 });
  });

  it('checks IRI values of the data (kind iri) from TypeScript and on import, naming the part', () => {
    const wd = (v: string): Entity[] => kitchenSink.entities.map((e) => (e.id === 'country/ruritania' ? { ...e, wikidata: v } as Entity : e));
    expect(findProblems(wd('http://www.wikidata.org/entity/Q1\ue000'))).toContainEqual({
      entity: 'country/ruritania', field: 'wikidata',
      message: '"http://www.wikidata.org/entity/Q1\ue000" is not a valid absolute IRI (RFC 3987): path: private-use character U+E000 at code point 33 is allowed only in the query (RFC 3987 iprivate)',
    });
    expect(CODECS.iri.fromTerm(namedNode('http://www.wikidata.org/entity/Q1\ufffe'))).toEqual({
      error: '<http://www.wikidata.org/entity/Q1\ufffe> is not a valid absolute IRI (RFC 3987): path: noncharacter U+FFFE at code point 33 is not allowed in an IRI',
    });
  });

  it.each([
    ['http://example.org/\ue000/', 'path: private-use character U+E000 at code point 19'],
    ['http://example.org/\u{10FFFE}/', 'path: noncharacter U+10FFFE at code point 19'],
    ['http://exa mple.org/', 'host: character U+0020 at code point 10'],
  ])('refuses the base IRI %j before writing, naming the part', async (base, message) => {
    const out = join(dir, 'bad-base');
    await expect(exportAll([kitchenSink], out, { base })).rejects.toThrow(UsageError);
    await expect(exportAll([kitchenSink], out, { base })).rejects.toThrow(`base IRI ${JSON.stringify(base)} (--base) is not a valid absolute IRI (RFC 3987): ${message}`);
    expect(readdirSync(dir)).not.toContain('bad-base');
  });
});

describe('a base IRI whose scheme is a prefix of the JSON-LD context is refused up front', () => {
  /** The prefixes the context defines: its terms whose value is a namespace IRI (a string ending in "/" or "#"). */
  const context = jsonldContext(DEFAULT_BASE)['@context'] as Record<string, unknown>;
  const prefixes = Object.entries(context).filter(([, v]) => typeof v === 'string' && /[/#]$/.test(v)).map(([k]) => k);

  it('derives the prefixes from the context: the standard ones, the value sets and the data', () => {
    expect(prefixes).toEqual(expect.arrayContaining(['kg', 'time', 'schema', 'doc', 'person', 'claim-kind']));
    expect(prefixes.length).toBeGreaterThan(30);
  });

  it.each(prefixes.map((p) => [p]))('kg export --base %s:x/ --format jsonld exits 2 naming --base and the prefix, and writes nothing', async (prefix) => {
    const out = join(dir, `clash-${prefix}`);
    const r = await runCli(['export', '--base', `${prefix}:x/`, '--format', 'jsonld', '--out', out]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain(`base IRI "${prefix}:x/" (--base): scheme: "${prefix}" is also the name of the prefix "${prefix}:" of the JSON-LD context`);
    expect(r.stderr).toContain('--base');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(readdirSync(dir)).not.toContain(`clash-${prefix}`);
    expect(checkBase(`${prefix.toUpperCase()}:x/`)).toContain('is also the name of the prefix');
  });

  it('accepts such a scheme followed by an authority ("kg://"), and the JSON-LD written reads back as the same graph', async () => {
    const out = join(dir, 'authority');
    const base = 'kg://example/';
    await exportAll([kitchenSink], out, { base, formats: ['jsonld', 'ntriples'] });
    const jsonld = (await import('jsonld')).default;
    const fromJsonld = await jsonld.toRDF(JSON.parse(readFileSync(join(out, 'kitchen-sink.jsonld'), 'utf8')), { format: 'application/n-quads' }) as unknown as string;
    const lines = (text: string): string[] => text.split('\n').filter((l) => l && !l.startsWith('#')).sort();
    expect(lines(fromJsonld)).toEqual(lines(readFileSync(join(out, 'kitchen-sink.nt'), 'utf8')));
  });
});

// ---- Lexical forms of the datatypes ----------------------------------------------------------------------------

/** Good and bad lexical forms of each kind with a pattern; `calendar` forms match the pattern but name no real day (the codec checks that on top). */
const FORMS: Record<PatternedKind, { good: string[]; bad: string[]; calendar?: string[] }> = {
  integer: { good: ['0', '1', '12', '-7', '9007199254740991', '-9007199254740991'], bad: ['01', '+1', '-0', '+0012', '00', '1.0', '', ' 1', '1e3', '١'] },
  nonNegativeInteger: { good: ['0', '12', '2687'], bad: ['+0012', '012', '-1', '-0', '+0', '1.5', ''] },
  decimal: { good: ['0', '2.5', '-2.5', '2100000000', '0.05', '-0.5'], bad: ['2.50', '02.5', '+2.5', '-0', '2.', '.5', '1e3', '2.0', ''] },
  boolean: { good: ['true', 'false'], bad: ['1', '0', 'True', 'FALSE', ''] },
  date: { good: ['2024-02-29', '2025-04-03', '0001-01-01'], bad: ['2025-4-3', '2025-04-03Z', '2025-13-01', '2025-00-10', '2025-04-32', '-2025-04-03', '12025-04-03', ''], calendar: ['2025-02-29', '2025-02-30', '2024-04-31'] },
  gYearMonth: { good: ['2024-05', '0001-12'], bad: ['2024-5', '2024-13', '2024-00', '2024-05Z', '24-05'] },
  gYear: { good: ['2024', '0001'], bad: ['24', '12024', '-2024', '2024Z'] },
  duration: { good: ['P10Y', 'P21D', 'P1Y2M3D', 'PT5H', 'PT1.5S', 'P1DT2H', '-P3M', 'P1YT1M'], bad: ['P', 'PT', 'P1W', 'P1DT', '10Y', 'P1.5Y', 'PT1.S', 'P1M1Y', ''] },
};

describe('import and validate accept the same lexical forms: the shapes\' sh:pattern and the codecs come from one declaration', () => {
  /** Every property shape of the committed shapes with a datatype: its path, datatype and patterns. */
  const shapes = parseTurtle(readProjectFile('ontology/shapes.ttl'));
  const objects = (s: string, p: string): string[] => shapes.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);
  const propertyShapes = [...new Set(shapes.filter((q) => q.predicate.value === `${SH}datatype`).map((q) => q.subject.value))]
    .map((s) => ({ shape: s, path: objects(s, `${SH}path`)[0] as string, datatype: objects(s, `${SH}datatype`)[0] as string, patterns: objects(s, `${SH}pattern`) }));
  const props = (CLASSES as readonly ClassDecl[]).flatMap((c) => Object.values(c.props));
  const kinds = Object.keys(LEXICAL_PATTERNS) as PatternedKind[];

  it('every property of a kind with a pattern carries the kind\'s pattern in its shape', () => {
    for (const kind of kinds) {
      const withKind = propertyShapes.filter((s) => s.datatype === CODECS[kind].datatype);
      if (props.some((p) => p.kind === kind)) expect(withKind.length, kind).toBeGreaterThan(0);
      for (const s of withKind) expect(s.patterns, s.shape).toContain(LEXICAL_PATTERNS[kind]);
    }
  });

  it.each(kinds.map((k) => [k]))('%s: the shape (as rdf-validate-shacl reads sh:pattern) and the decoder agree on a table of good and bad forms', (kind) => {
    const { good, bad, calendar = [] } = FORMS[kind];
    const shapesOfKind = propertyShapes.filter((s) => s.datatype === CODECS[kind].datatype);
    for (const s of shapesOfKind.length ? shapesOfKind : [{ shape: '(none)', path: '', datatype: CODECS[kind].datatype as string, patterns: [LEXICAL_PATTERNS[kind]] }]) {
      const own = props.find((p) => p.iri === s.path)?.pattern;
      for (const form of [...good, ...bad, ...calendar]) {
        const shapeAccepts = s.patterns.every((p) => new RegExp(p).test(form));
        const decoded = CODECS[kind].fromTerm(literal(form, namedNode(CODECS[kind].datatype as string)));
        const decoderAccepts = 'value' in decoded && (!own || new RegExp(own, 'u').test(String(decoded.value)));
        if (calendar.includes(form)) {
          expect([shapeAccepts || !!own, decoderAccepts], `${s.shape} ${form}`).toEqual([true, false]);
        } else {
          expect(decoderAccepts, `${s.shape} ${JSON.stringify(form)}: decoder vs shape`).toBe(shapeAccepts);
        }
        if (!own) expect(decoderAccepts, `${kind} ${JSON.stringify(form)}`).toBe(good.includes(form));
      }
    }
  });

  it('names the value as written when it refuses a form', () => {
    expect(CODECS.integer.fromTerm(literal('01', namedNode(CODECS.integer.datatype as string)))).toEqual({
      error: '"01"^^<http://www.w3.org/2001/XMLSchema#integer>: "01" is not an integer in canonical form (digits with an optional "-", no "+", no leading zeros: e.g. "12")',
    });
    expect(CODECS.integer.fromTerm(literal('9007199254740993', namedNode(CODECS.integer.datatype as string)))).toEqual({
      error: '"9007199254740993"^^<http://www.w3.org/2001/XMLSchema#integer>: 9007199254740993 is outside the integers held exactly (-9007199254740991 to 9007199254740991)',
    });
  });

  it('kg validate and kg import both refuse "01"^^xsd:integer and "+02687"^^xsd:nonNegativeInteger, as written', async () => {
    const file = join(dir, 'forms.ttl');
    const article = readProjectFile('output/article-000.ttl');
    const edited = article.replace(/kg:characterCount "(\d+)"\^\^xsd:nonNegativeInteger/, 'kg:characterCount "+0$1"^^xsd:nonNegativeInteger')
      .replace('kg:sentenceNumber "1"^^xsd:integer', 'kg:sentenceNumber "01"^^xsd:integer');
    expect(edited).toContain('"01"^^xsd:integer');
    expect(edited).toMatch(/"\+0\d+"\^\^xsd:nonNegativeInteger/);
    writeFileSync(file, edited);
    const validated = await runCli(['validate', file]);
    expect(validated.code, validated.stderr).toBe(1);
    expect(validated.stdout).toContain('field sentenceNumber: "01"^^<http://www.w3.org/2001/XMLSchema#integer>: "01" is not an integer in canonical form');
    expect(validated.stdout).toMatch(/field characterCount: "\+0\d+"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#nonNegativeInteger>: "\+0\d+" is not a non-negative integer in canonical form/);
    const imported = await runCli(['import', file, '--out', join(dir, 'forms.json')]);
    expect(imported.code, imported.stdout).toBe(1);
    expect(imported.stderr).toContain('field sentenceNumber: "01"^^<http://www.w3.org/2001/XMLSchema#integer>');
    expect(imported.stderr).toMatch(/field characterCount: "\+0\d+"/);
    expect(readdirSync(dir)).not.toContain('forms.json');
  });
});
