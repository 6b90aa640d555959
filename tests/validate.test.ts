// kg validate and kg import: the export is valid; mutated copies give the specific violation; bad files give exact messages and exit codes.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuads, sortedById } from '../src/mapping/encode.js';
import { dataTurtleOptions, shapesFile } from '../src/commands/export.js';
import { projectPath } from '../src/project.js';
import { parseShapes, ShaclChecker } from '../src/commands/shacl.js';
import { turtleString } from '../src/rdf/turtle.js';
import { validateFile, type Finding, type ValidateOptions } from '../src/commands/validate.js';
import { DEFAULT_BASE } from '../src/model/vocab.js';
import { kitchenSink } from './fixtures/kitchen-sink.js';
import { parseTurtle, quadSet, runCli } from './helpers.js';

const SH = 'http://www.w3.org/ns/shacl#';
const KG = 'https://w3id.org/news-kg/ontology#';
const ID = DEFAULT_BASE;
const shapes = parseShapes(readFileSync(projectPath('ontology/shapes.ttl'), 'utf8'));
const options: ValidateOptions = { base: DEFAULT_BASE, shapes, shaclMaxTriples: 200_000 };
const exported = readFileSync(projectPath('output/article-000.ttl'), 'utf8');

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'kg-validate-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The export with one exact piece of text replaced (which must occur once). */
function mutated(from: string, to: string): string {
  expect(exported.split(from).length, `"${from}" must occur once in the export`).toBe(2);
  return exported.replace(from, to);
}

describe('validating the export', () => {
  it('finds the committed export valid, SHACL included', async () => {
    const report = await validateFile(projectPath('output/article-000.ttl'), options);
    expect(report.findings).toEqual([]);
    expect([report.status, report.shacl]).toEqual(['valid', 'ran']);
  });

  it('finds the kitchen sink (emoji, non-BMP characters, every class) valid, SHACL included', async () => {
    const turtle = await turtleString(entitiesQuads(sortedById(kitchenSink.entities), { base: DEFAULT_BASE }), dataTurtleOptions(kitchenSink, { base: DEFAULT_BASE }));
    const report = await validateFile(file('kitchen-sink.ttl', turtle), options);
    expect(report.findings).toEqual([]);
    expect(report.shacl).toBe('ran');
  });

  const shaclCases: Array<[string, string, string, Partial<Finding>]> = [
    ['a required property removed', '    rdfs:label "Sergey Lavrov"@en;\n', '',
      { focus: `${ID}person/sergey-lavrov`, path: 'http://www.w3.org/2000/01/rdf-schema#label', constraint: `${SH}MinCountConstraintComponent` }],
    ['a date with the wrong datatype', 'kg:datePublished "2025-04-04"^^xsd:date', 'kg:datePublished "2025-04-04"',
      { focus: `${ID}doc/article-000`, path: `${KG}datePublished`, constraint: `${SH}DatatypeConstraintComponent`, value: '"2025-04-04"^^http://www.w3.org/2001/XMLSchema#string' }],
    ['a reference to the wrong class', '    kg:holds office:foreign-minister-of-russia.', '    kg:holds country:russia.',
      { focus: `${ID}person/sergey-lavrov`, path: `${KG}holds`, constraint: `${SH}ClassConstraintComponent`, value: `${ID}country/russia` }],
    ['a second value where one is allowed', '    kg:name "Sergey Lavrov"@en;', '    kg:name "Sergey Lavrov"@en, "S. Lavrov"@en;',
      { focus: `${ID}person/sergey-lavrov`, path: `${KG}name`, constraint: `${SH}MaxCountConstraintComponent` }],
    ['a broken offset (start after end)', 'oa:start "258"^^xsd:nonNegativeInteger;', 'oa:start "272"^^xsd:nonNegativeInteger;',
      { focus: `${ID}span/article-000/s02-sergey-lavrov#position`, path: 'http://www.w3.org/ns/oa#start', constraint: `${SH}LessThanOrEqualsConstraintComponent` }],
    ['a value outside a value set', 'kg:claimKind claim-kind:accusation', 'kg:claimKind <https://w3id.org/news-kg/concept/claim-kind/rumour>',
      { focus: `${ID}claim/article-000/lavrov-accuses-ukraine`, path: `${KG}claimKind`, constraint: `${SH}InConstraintComponent` }],
    ['a predicate the class does not have', '    kg:name "Sergey Lavrov"@en;', '    kg:name "Sergey Lavrov"@en;\n    kg:shoeSize 44;',
      { focus: `${ID}person/sergey-lavrov`, path: `${KG}shoeSize`, constraint: `${SH}ClosedConstraintComponent` }],
  ];

  it.each(shaclCases)('catches %s as a specific SHACL violation', async (_what, from, to, expected) => {
    const report = await validateFile(file('mutated.ttl', mutated(from, to)), options);
    expect(report.status).toBe('invalid');
    expect(report.findings.filter((f) => f.kind === 'shacl')).toContainEqual(expect.objectContaining(expected));
  });

  it.each([
    ['an offset beyond the text, which SHACL cannot see', 'oa:start "258"^^xsd:nonNegativeInteger;\n    oa:end "271"^^xsd:nonNegativeInteger.', 'oa:start "258"^^xsd:nonNegativeInteger;\n    oa:end "2710"^^xsd:nonNegativeInteger.',
      { kind: 'check', focus: 'span/article-000/s02-sergey-lavrov', path: 'position', message: 'offsets 258..2710 fall outside the source text (0..2687)' }],
    ['an offset that slices other words', 'oa:start "258"^^xsd:nonNegativeInteger;', 'oa:start "259"^^xsd:nonNegativeInteger;',
      { kind: 'check', focus: 'span/article-000/s02-sergey-lavrov', path: 'quote.exact', message: 'offsets 259..271 slice "ergey Lavrov", not "Sergey Lavrov"' }],
    ['an unknown class of ours', 'person:sergey-lavrov a kg:Person, kg:Agent, kg:Item;', 'person:sergey-lavrov a kg:Wizard, kg:Agent, kg:Item;',
      { kind: 'decode', focus: 'person/sergey-lavrov', path: 'rdf:type', message: 'unknown class <https://w3id.org/news-kg/ontology#Wizard>' }],
    ['a superclass type missing', 'person:sergey-lavrov a kg:Person, kg:Agent, kg:Item;', 'person:sergey-lavrov a kg:Person, kg:Agent;',
      { kind: 'decode', focus: 'person/sergey-lavrov', path: 'rdf:type', message: `types <${KG}Person> and <${KG}Agent> given, but <${KG}Item> (a superclass of kg:Person) is missing` }],
    ['an unrelated class added', 'person:sergey-lavrov a kg:Person, kg:Agent, kg:Item;', 'person:sergey-lavrov a kg:Person, kg:Agent, kg:Item, kg:Place;',
      { kind: 'decode', focus: 'person/sergey-lavrov', path: 'rdf:type', message: `types <${KG}Person>, <${KG}Agent>, <${KG}Item> and <${KG}Place> given, but <${KG}Place> is neither kg:Person nor a superclass of it: an entity has one class of ours, asserted with its superclasses and no other class` }],
    ['a reference to an entity that is not there', '    kg:holds office:foreign-minister-of-russia.', '    kg:holds office:tsar.',
      { kind: 'check', focus: 'person/sergey-lavrov', path: 'holds', message: 'reference to "office/tsar", which is not an entity of the dataset' }],
  ])('catches %s by strict decoding and checks, naming it', async (_what, from, to, expected) => {
    const report = await validateFile(file('mutated.ttl', mutated(from, to)), options);
    expect(report.findings).toContainEqual(expect.objectContaining(expected));
  });
});

describe('SHACL on entities typed with their class and every superclass of ours', () => {
  const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
  const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
  const quads = [...entitiesQuads(sortedById(kitchenSink.entities), { base: DEFAULT_BASE })];
  const entityIris = [...new Set(quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${KG}Item`).map((q) => q.subject.value))];
  /** The shapes as the declarations generate them now (ontology/shapes.ttl is regenerated by npm run export). */
  const fresh = async (): Promise<ShaclChecker> => {
    const chunks: string[] = [];
    await shapesFile('').write((c) => chunks.push(c));
    return new ShaclChecker(parseShapes(chunks.join('')));
  };
  const summary = (vs: ReadonlyArray<{ focus: string; path: string; constraint: string }>): string[] => vs.map((v) => `${v.focus} ${v.path} ${v.constraint.replace(SH, 'sh:')}`).sort();

  it('finds the kitchen sink (an entity of every class, some of classes with concrete subclasses) valid', async () => {
    expect(entityIris.length).toBeGreaterThan(20);
    expect(summary(await (await fresh()).check(quads))).toEqual([]);
  });

  it('reports a missing label once per entity, whatever the number of shapes whose targets include it', async () => {
    const violations = await (await fresh()).check(quads.filter((q) => q.predicate.value !== RDFS_LABEL));
    expect(summary(violations)).toEqual(entityIris.map((iri) => `${iri} ${RDFS_LABEL} sh:MinCountConstraintComponent`).sort());
  });

  it('reports a predicate no class declares once per entity (closed for its own class)', async () => {
    const extra = entityIris.map((iri) => DataFactory.quad(DataFactory.namedNode(iri), DataFactory.namedNode(`${KG}shoeSize`), DataFactory.literal('44')));
    const violations = await (await fresh()).check([...quads, ...extra]);
    expect(violations.map((v) => v.focus).sort()).toEqual([...entityIris].sort());
    expect(new Set(violations.map((v) => v.constraint.replace(SH, 'sh:')))).toEqual(new Set(['sh:ClosedConstraintComponent', 'sh:OrConstraintComponent']));
  });
});

describe('the SHACL engine on strings beyond the Basic Multilingual Plane', () => {
  const data = parseTurtle('<http://e.org/a> <http://e.org/p> "rocket 🚀 𝄞" .');
  const shape = (constraint: string) => parseShapes(`@prefix sh: <${SH}>. @prefix xsd: <http://www.w3.org/2001/XMLSchema#>.
    <http://e.org/s> a sh:NodeShape; sh:targetSubjectsOf <http://e.org/p>; sh:property <http://e.org/ps>.
    <http://e.org/ps> sh:path <http://e.org/p>; ${constraint}.`);

  it('accepts a string with emoji as an xsd:string', async () => {
    expect(await new ShaclChecker(shape('sh:datatype xsd:string')).check(data)).toEqual([]);
  });

  it('matches sh:pattern by UTF-16 unit (a regular expression without the u flag), so our patterns stay ASCII', async () => {
    expect(await new ShaclChecker(shape('sh:pattern "^rocket .. ..$"')).check(data)).toEqual([]);
    expect(await new ShaclChecker(shape('sh:pattern "^rocket . .$"')).check(data)).toHaveLength(1);
    const patterns = shapes.filter((q) => q.predicate.value === `${SH}pattern`).map((q) => q.object.value);
    expect(patterns.length).toBeGreaterThan(0);
    expect(patterns.filter((p) => /[^\x20-\x7e]/.test(p))).toEqual([]);
  });

  it('counts sh:maxLength in UTF-16 units, as every engine does (10 code points, 12 units)', async () => {
    expect(await new ShaclChecker(shape('sh:maxLength 12')).check(data)).toEqual([]);
    expect((await new ShaclChecker(shape('sh:maxLength 11')).check(data)).map((v) => v.constraint)).toEqual([`${SH}MaxLengthConstraintComponent`]);
  });
});

describe('kg validate on bad files', () => {
  const cases: Array<[string, string | Buffer | null, number, string]> = [
    ['empty.ttl', '', 1, '{f}: invalid (1 problem in 0 triples)\n  empty: the file holds no triples\n'],
    ['latin1.ttl', Buffer.concat([Buffer.from('<http://a> <http://b> "caf'), Buffer.from([0xe9]), Buffer.from('" .\n')]), 2, '{f}:1:27: not valid UTF-8 (byte 0xe9)\n'],
    ['truncated.ttl', '<http://a> <http://b> "x" .\n<http://a> <http://b> ', 2, '{f}:2:23: Expected entity but got eof\n'],
    ['prefix.ttl', '<http://a> <http://b> "x" .\nfoo:x <http://b> "y" .\n', 2, '{f}:2:1: Undefined prefix "foo:"\n'],
    ['iri.ttl', '<http://a b> <http://b> <http://c> .\n', 2, '{f}:1:1: Unexpected "<http://a"\n'],
    ['lang.ttl', '<http://a> <http://b> "x"@123 .\n', 2, '{f}:1:26: Unexpected "@123"\n'],
    ['langlong.ttl', '<http://a> <http://b> "x"@en-US-x-twelvechars .\n', 2, '{f}:1:26: Detected language tag with subtag longer than 8 characters: @en-US-x-twelvechars (as written; RFC 5646 §2.1 allows at most 8)\n'],
    ['star.ttl', '<http://a> <http://b> << <http://a> <http://b> <http://c> >> .\n', 2, '{f}:1:23: RDF-star / RDF 1.2 triple terms (<< … >>) are not supported: the data must be plain RDF 1.1\n'],
    ['several.ttl', '@prefix kg: <https://w3id.org/news-kg/ontology#>.\nfoo:x a kg:Person.\n<http://a> <http://b> "fine" .\n<http://a> <http://b> "x"@123 .\n<http://a> <http://b> "fine again" .\n', 2,
      '{f}:2:1: Undefined prefix "foo:"\n{f}:4:26: Unexpected "@123"\n'],
    ['date.ttl', '@prefix kg: <https://w3id.org/news-kg/ontology#>.\n<https://w3id.org/news-kg/id/when/t> a kg:TimeExpression, kg:Item; <http://www.w3.org/2000/01/rdf-schema#label> "T"@en; <http://www.w3.org/2006/time#inXSDDate> "2025-02-30"^^<http://www.w3.org/2001/XMLSchema#date>.\n', 1,
      '{f}: invalid (1 problem in 4 triples)\n  decode: entity when/t, field date: "2025-02-30"^^<http://www.w3.org/2001/XMLSchema#date>: "2025-02-30" is not a calendar date (YYYY-MM-DD) (entity at {f}:2:1)\n'],
    ['missing.ttl', null, 2, '{f}: cannot read: no such file\n'],
    ['folder.ttl', 'DIRECTORY', 2, '{f}: is a directory, not a file\n'],
    ['data.csv', 'a,b\n', 2, '{f}: unknown RDF format "csv": use .ttl, .nt, .nq or .trig, or --input-format\n'],
  ];

  it.each(cases)('reports %s with its exact message and exit code', async (name, content, code, message) => {
    const path = join(dir, name);
    if (content === 'DIRECTORY') mkdirSync(path, { recursive: true });
    else if (content !== null) writeFileSync(path, content);
    const r = await runCli(['validate', path]);
    expect([r.code, r.stdout]).toEqual([code, message.replaceAll('{f}', path)]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it('gives the exit code of the worst file when given several', async () => {
    const ok = file('ok.nt', '<http://a> <http://b> <http://c> .\n');
    const r = await runCli(['validate', projectPath('output/article-000.ttl'), ok, join(dir, 'nope.ttl')]);
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^${projectPath('output/article-000.ttl')}: valid \\(\\d+ triples, \\d+ entities\\)$`));
  });

  it('reads N-Triples, N-Quads and TriG by extension, and any of them with --input-format', async () => {
    const nt = file('x.nt', '<http://a> <http://b> <http://c> .\n');
    const nq = file('x.nq', '<http://a> <http://b> <http://c> <http://g> .\n');
    const trig = file('x.trig', '<http://g> { <http://a> <http://b> <http://c> . }\n');
    const txt = file('x.txt', '<http://a> <http://b> <http://c> .\n');
    for (const f of [nt, nq, trig]) expect((await runCli(['validate', f])).stdout, f).toMatch(/: invalid \(1 problem in 1 triples\)/);
    expect((await runCli(['validate', txt, '--input-format', 'nt'])).stdout).toMatch(/: invalid \(1 problem in 1 triples\)/);
  });

  it('prints JSON reports with --format json', async () => {
    const r = await runCli(['validate', join(dir, 'latin1.ttl'), '--format', 'json']);
    expect(JSON.parse(r.stdout)).toEqual([{ file: join(dir, 'latin1.ttl'), status: 'unreadable', triples: 0, entities: 0, shacl: 'not reached', findings: [{ kind: 'syntax', line: 1, column: 27, message: 'not valid UTF-8 (byte 0xe9)' }] }]);
  });

  it('uses other shapes given with --shapes', async () => {
    const strict = file('strict-shapes.ttl', `@prefix sh: <${SH}>. <http://e.org/s> a sh:NodeShape; sh:targetClass <https://w3id.org/news-kg/ontology#Person>; sh:property [ sh:path <https://w3id.org/news-kg/ontology#name>; sh:minCount 1 ].\n`);
    const r = await runCli(['validate', projectPath('output/article-000.ttl'), '--shapes', strict]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`shacl: focus <${ID}person/article-000/foreign-minister-of-niger>, path <${KG}name>: sh:MinCountConstraintComponent: Less than 1 values`);
  });

  it('streams a 50 MB file in a small heap (a hard cap of 48 MB on the old generation), SHACL included', () => {
    const big = join(dir, 'big.ttl');
    const fd = openSync(big, 'w');
    writeSync(fd, '@prefix kg: <https://w3id.org/news-kg/ontology#>.\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#>.\n@prefix person: <https://w3id.org/news-kg/id/person/>.\n');
    let bytes = 0;
    for (let i = 0; bytes < 50e6; i++) {
      const line = `person:p${i} a kg:Person, kg:Agent, kg:Item; rdfs:label "Person number ${i}, \\"quoted\\" ünïcödé 😀"@en; kg:name "P ${i}"@en.\n`;
      writeSync(fd, line);
      bytes += Buffer.byteLength(line);
    }
    closeSync(fd);
    const r = spawnSync(process.execPath, ['--max-old-space-size=48', projectPath('dist/src/cli.js'), 'validate', big], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/: valid \(1836985 triples, 367397 entities\)\n$/);
  }, 180_000);
});

describe('kg import', () => {
  it('reads the export back into entities that export to the same graph', async () => {
    const json = join(dir, 'imported.json');
    const r = await runCli(['import', projectPath('output/article-000.ttl'), '--out', json]);
    expect(r.code).toBe(0);
    const again = await runCli(['export', '--input', json, '--out', '-']);
    expect(again.code).toBe(0);
    expect(quadSet(parseTurtle(again.stdout))).toEqual(quadSet(parseTurtle(exported)));
  });

  it('names an unknown predicate of ours and exits 1', async () => {
    const bad = file('unknown.ttl', mutated('    kg:name "Sergey Lavrov"@en;', '    kg:name "Sergey Lavrov"@en;\n    kg:shoeSize 44;'));
    const r = await runCli(['import', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('entity person/sergey-lavrov, field https://w3id.org/news-kg/ontology#shoeSize: predicate <https://w3id.org/news-kg/ontology#shoeSize> is not declared for class Person');
  });
});
