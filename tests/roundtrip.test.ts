// Round trips over every dataset and the kitchen sink: entities -> quads -> Turtle -> quads -> entities.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import oxigraph from 'oxigraph';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import { assertValid, isA } from '../src/mapping/check.js';
import { CLASSES, ENTITY_CLASSES, type Entity } from '../src/model/classes.js';
import type { Dataset } from '../src/mapping/dataset.js';
import { decodeQuads } from '../src/mapping/decode.js';
import { canonicalEntity, classOf, entitiesQuads, sortedById } from '../src/mapping/encode.js';
import { DataError } from '../src/errors.js';
import { dataTurtleOptions, datasetFile, exportAll } from '../src/commands/export.js';
import { DATASETS } from '../src/data/index.js';
import { projectPath } from '../src/project.js';
import { ancestorsOf, propertiesOf, type ClassDecl } from '../src/model/schema.js';
import { turtleString } from '../src/rdf/turtle.js';
import { roundtrip as roundtripFile, type RoundtripOptions, type RoundtripReport } from '../src/commands/roundtrip.js';
import { DEFAULT_BASE, RDF } from '../src/model/vocab.js';
import { kitchenSink } from './fixtures/kitchen-sink.js';
import { ALL_DATASETS, parseTurtle, quadSet, runCli } from './helpers.js';

const options = { base: DEFAULT_BASE };

async function toTurtle(dataset: Dataset, base = DEFAULT_BASE): Promise<string> {
  return turtleString(entitiesQuads(sortedById(dataset.entities), { base }), dataTurtleOptions(dataset, { base }));
}

describe.each(ALL_DATASETS.map((d) => [d.name, d] as const))('dataset %s', (_name, dataset) => {
  it('passes the checker', () => {
    expect(() => assertValid(dataset.entities)).not.toThrow();
  });

  it('gives the same set of quads after Turtle and back', async () => {
    const quads = [...entitiesQuads(dataset.entities, options)];
    const parsed = parseTurtle(await toTurtle(dataset));
    expect(quadSet(parsed)).toEqual(quadSet(quads));
    expect(parsed.length).toBe(new Set(quadSet(quads)).size);
  });

  it('decodes from Turtle into entities deep-equal to the originals', async () => {
    const decoded = decodeQuads(parseTurtle(await toTurtle(dataset)), options);
    const expected = sortedById(dataset.entities).map((e) => canonicalEntity(e, options));
    expect(decoded).toEqual(expected);
  });

  it('round-trips under another base IRI too, in a file that a strict parser (Oxigraph) also reads', async () => {
    const base = 'http://example.org/other/kg/';
    const turtle = await toTurtle(dataset, base);
    expect(oxigraph.parse(turtle, { format: 'text/turtle' }).length).toBe(parseTurtle(turtle).length);
    const decoded = decodeQuads(parseTurtle(turtle), { base });
    expect(decoded).toEqual(sortedById(dataset.entities).map((e) => canonicalEntity(e, { base })));
  });

  it('has no blank nodes', async () => {
    const parsed = parseTurtle(await toTurtle(dataset));
    const blank = parsed.filter((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode');
    expect(blank).toEqual([]);
  });

  it('gives identical bytes on every run and in any authoring order', async () => {
    const first = await toTurtle(dataset);
    const reversed = await toTurtle({ ...dataset, entities: [...dataset.entities].reverse() });
    expect(reversed).toBe(first);
    expect(await toTurtle(dataset)).toBe(first);
  });
});

describe('the kitchen sink', () => {
  it('has an entity of every concrete class', () => {
    const used = new Set(kitchenSink.entities.map((e) => e.type));
    expect(ENTITY_CLASSES.map((c) => c.name).filter((n) => !used.has(n))).toEqual([]);
  });

  it('sets every property of every class at least once', () => {
    const used = new Set<string>();
    const visit = (decl: ClassDecl, fields: Record<string, unknown>): void => {
      for (const { key, prop, owner } of propertiesOf(decl)) {
        const v = fields[key];
        if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
        used.add(`${owner.name}.${key}`);
        if (prop.kind === 'embedded') visit(prop.cls, v as Record<string, unknown>);
      }
    };
    for (const e of kitchenSink.entities) visit(classOf(e), e as unknown as Record<string, unknown>);
    const declared = CLASSES.flatMap((c) => Object.keys(c.props).map((k) => `${c.name}.${k}`));
    expect(declared.filter((p) => !used.has(p))).toEqual([]);
  });

  it('uses every literal datatype and language tags other than English', async () => {
    const turtle = await toTurtle(kitchenSink);
    for (const dt of ['xsd:date', 'xsd:gYearMonth', 'xsd:gYear', 'xsd:integer', 'xsd:nonNegativeInteger', 'xsd:decimal', 'xsd:duration']) {
      expect(turtle, dt).toMatch(new RegExp(`"\\^\\^${dt}[;.,\\s]`));
    }
    expect(turtle, 'xsd:boolean, written bare').toMatch(/kg:evidenceOffered false[;.]/);
    expect(turtle, 'xsd:decimal with a fraction, written bare').toMatch(/kg:value 2\.5[;.]/);
    expect(turtle).toContain('@de-ch');
  });
});

describe('strings', () => {
  // Literal text holds only XML 1.0 characters (lexical.ts): the round trip draws from exactly those, awkward ones often.
  const awkward = fc.oneof(
    fc.constantFrom('"', '\\', '\n', '\r', '\t', '\u007f', '\u0080', '\u009f', '\u200f', '\u202e', '\u2028', '\ufdd0', '\ue000', '\ufffd', '😀', '𝄞', "'", '"""', '<', '>', '@', '^^', '#', ' '),
    fc.string({ unit: fc.oneof(
      fc.constantFrom(0x9, 0xa, 0xd),
      fc.integer({ min: 0x20, max: 0xd7ff }),
      fc.integer({ min: 0xe000, max: 0xfffd }),
      fc.integer({ min: 0x10000, max: 0x10ffff }),
    ).map((cp) => String.fromCodePoint(cp)), maxLength: 3 }),
  );
  const text = fc.array(awkward, { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')).filter((s) => s.trim() !== '');
  const lang = fc.constantFrom('en', 'fr', 'de-ch', 'ar', 'he', 'zh-hant', 'x-private', 'en-GB', 'sr-Latn-RS');

  it('any string of XML 1.0 characters survives the round trip exactly, as plain and language-tagged literal', async () => {
    await fc.assert(fc.asyncProperty(text, text, lang, async (label, verbatim, tag) => {
      const entities: Entity[] = [
        { type: 'Person', id: 'person/p', label: [{ value: label, lang: tag }] },
        { type: 'Region', id: 'place/r', label: [{ value: verbatim, lang: 'en' }], description: [{ value: verbatim, lang: tag }, { value: label, lang: 'x-other' }] },
        { type: 'Group', id: 'group/g', label: [{ value: 'g', lang: 'en' }] },
      ];
      assertValid(entities);
      const dataset = { name: 'p', title: 't', entities };
      const decoded = decodeQuads(parseTurtle(await toTurtle(dataset)), options);
      expect(decoded).toEqual(sortedById(entities).map((e) => canonicalEntity(e, options)));
    }), { numRuns: 300 });
  });

  it.each([
    ['a lone high surrogate', 'abc\uD800def', 'a lone surrogate U+D800 at code point 3'],
    ['a lone low surrogate', '\uDC00', 'a lone surrogate U+DC00 at code point 0'],
    ['reversed surrogates', '\uDE00\uD83D', 'a lone surrogate U+DE00 at code point 0'],
    ['U+0000', '😀a\u0000', 'a control character U+0000 at code point 2'],
    ['U+000C (form feed)', 'a\fb', 'a control character U+000C at code point 1'],
    ['U+FFFE', 'x\uFFFEy', 'a noncharacter U+FFFE at code point 1'],
    ['U+FFFF', '\uFFFF', 'a noncharacter U+FFFF at code point 0'],
  ])('rejects %s with an error naming entity, field and position', (_what, value, where) => {
    const entities: Entity[] = [{ type: 'Person', id: 'person/p', label: [{ value, lang: 'en' }] }];
    expect(() => assertValid(entities)).toThrow(DataError);
    expect(() => assertValid(entities)).toThrow(`entity person/p, field label: text contains ${where}; literal text may hold only XML 1.0 characters`);
  });
});

describe('rdf:type: every entity carries its class and each superclass of ours', () => {
  const KG = 'https://w3id.org/news-kg/ontology#';
  const quads = [...entitiesQuads(sortedById(kitchenSink.entities), options)];
  const typesOf = (iri: string): string[] => quads.filter((q) => q.subject.value === iri && q.predicate.value === RDF.type).map((q) => q.object.value);
  const entityOf = (type: string): Entity => {
    const e = sortedById(kitchenSink.entities).find((x) => x.type === type);
    if (!e) throw new Error(`the kitchen sink has no ${type}`);
    return e;
  };

  it.each([
    ['Person', ['Person', 'Agent', 'Item']],
    ['Country', ['Country', 'Place', 'Agent', 'Item']],
    ['Region', ['Region', 'Place', 'Item']],
    ['Government', ['Government', 'Organization', 'Agent', 'Item']],
    ['Group', ['Group', 'Agent', 'Item']],
  ])('a %s is exported as %j, in that order (its class, then nearest first)', (type, classes) => {
    expect(typesOf(DEFAULT_BASE + entityOf(type).id)).toEqual(classes.map((c) => KG + c));
  });

  it('every entity of every class carries exactly its class then its superclasses of ours (ancestorsOf), and no external class', () => {
    for (const e of kitchenSink.entities) {
      const decl = classOf(e);
      const types = typesOf(DEFAULT_BASE + e.id);
      expect(types[0], e.id).toBe(decl.iri);
      expect([...types].sort(), e.id).toEqual([decl, ...ancestorsOf(decl)].map((c) => c.iri).sort());
      expect(types.filter((t) => !t.startsWith(KG)), e.id).toEqual([]);
    }
  });

  it('every abstract class of ours is asserted on exactly its instances (kg:Item, kg:Agent, kg:ReportedItem …)', () => {
    for (const c of CLASSES as readonly ClassDecl[]) {
      if (!c.abstract) continue;
      const asserted = new Set(quads.filter((q) => q.predicate.value === RDF.type && q.object.value === c.iri).map((q) => q.subject.value));
      const expected = new Set(kitchenSink.entities.filter((e) => ancestorsOf(classOf(e)).includes(c)).map((e) => DEFAULT_BASE + e.id));
      expect(asserted, c.name).toEqual(expected);
      expect(asserted.size, c.name).toBeGreaterThan(0);
    }
  });

  it('embedded nodes (the selectors) keep their one type', () => {
    const selectors = [...new Set(quads.filter((q) => q.subject.value.includes('#')).map((q) => q.subject.value))];
    expect(selectors.length).toBeGreaterThan(0);
    for (const s of selectors) expect(typesOf(s), s).toHaveLength(1);
  });

  /** The kitchen sink's quads with the types of one entity changed, decoded: the problems, one a line. */
  const problemsWith = (type: string, change: (types: string[]) => string[]): string[] => {
    const iri = DEFAULT_BASE + entityOf(type).id;
    const types = change(typesOf(iri));
    const changed = [...quads.filter((q) => !(q.subject.value === iri && q.predicate.value === RDF.type)),
      ...types.map((t) => DataFactory.quad(DataFactory.namedNode(iri), DataFactory.namedNode(RDF.type), DataFactory.namedNode(t)))];
    try {
      decodeQuads(changed, options);
    } catch (error) {
      if (error instanceof DataError) return error.message.split('\n');
      throw error;
    }
    return [];
  };

  it.each([
    ['Person', 'without kg:Item', (ts: string[]) => ts.filter((t) => t !== `${KG}Item`),
      `entity {id}, field rdf:type: types <${KG}Person> and <${KG}Agent> given, but <${KG}Item> (a superclass of kg:Person) is missing`],
    ['Person', 'without kg:Agent and kg:Item', (ts: string[]) => ts.slice(0, 1),
      `entity {id}, field rdf:type: type <${KG}Person> given, but <${KG}Agent> and <${KG}Item> (superclasses of kg:Person) are missing`],
    ['Country', 'without kg:Agent', (ts: string[]) => ts.filter((t) => t !== `${KG}Agent`),
      `entity {id}, field rdf:type: types <${KG}Country>, <${KG}Place> and <${KG}Item> given, but <${KG}Agent> (a superclass of kg:Country) is missing`],
    ['Government', 'without kg:Organization', (ts: string[]) => ts.filter((t) => t !== `${KG}Organization`),
      `entity {id}, field rdf:type: types <${KG}Government>, <${KG}Agent> and <${KG}Item> given, but <${KG}Organization> (a superclass of kg:Government) is missing`],
    ['Person', 'with kg:Place added', (ts: string[]) => [...ts, `${KG}Place`],
      `entity {id}, field rdf:type: types <${KG}Person>, <${KG}Agent>, <${KG}Item> and <${KG}Place> given, but <${KG}Place> is neither kg:Person nor a superclass of it`],
    ['Country', 'with kg:Person added', (ts: string[]) => [...ts, `${KG}Person`],
      `entity {id}, field rdf:type: types <${KG}Country>, <${KG}Place>, <${KG}Agent>, <${KG}Item> and <${KG}Person> given, but <${KG}Person> is neither kg:Country nor a superclass of it`],
    ['Person', 'with schema:Person added', (ts: string[]) => [...ts, 'https://schema.org/Person'],
      'entity {id}, field rdf:type: unknown class <https://schema.org/Person>'],
  ])('decoding a %s %s fails, naming the entity and rdf:type', (type, _what, change, message) => {
    const problems = problemsWith(type, change);
    const expected = message.replace('{id}', entityOf(type).id);
    expect(problems.some((p) => p.includes(expected)), `got:\n${problems.join('\n')}`).toBe(true);
  });

  it('decoding the types in another order gives the same entities', () => {
    const reordered = [...quads.filter((q) => q.predicate.value !== RDF.type), ...quads.filter((q) => q.predicate.value === RDF.type).reverse()];
    expect(decodeQuads(reordered, options)).toEqual(sortedById(kitchenSink.entities).map((e) => canonicalEntity(e, options)));
  });
});

describe('the committed output', () => {
  describe('answers `?x a kg:…` for a superclass on output/article-000.ttl alone (no ontology loaded) in Oxigraph', () => {
    const article = DATASETS.find((d) => d.name === 'article-000');
    const store = new oxigraph.Store();
    store.load(readFileSync(projectPath('output/article-000.ttl'), 'utf8'), { format: 'text/turtle' });

    it('holds no ontology', () => {
      expect(store.query('ASK { ?c <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?d }')).toBe(false);
    });

    it.each([['Event'], ['Agent'], ['Claim']])('counts as many kg:%s as the declarations make instances of it', (cls) => {
      if (!article) throw new Error('article-000 is not a dataset');
      const expected = article.entities.filter((e) => isA(classOf(e), cls)).length;
      const rows = store.query(`PREFIX kg: <https://w3id.org/news-kg/ontology#> SELECT (COUNT(?x) AS ?n) WHERE { ?x a kg:${cls} }`) as Array<Map<string, { value: string }>>;
      expect(expected).toBeGreaterThan(0);
      expect(Number(rows[0]?.get('n')?.value)).toBe(expected);
    });
  });


  it('equals what the export writes now', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-export-'));
    try {
      const written = await exportAll(DATASETS, dir, { ...options, formats: ['turtle', 'ntriples', 'nquads', 'trig', 'jsonld'] });
      const committed = projectPath('output');
      expect(readdirSync(committed).sort()).toEqual(written.map((p) => p.slice(dir.length + 1)).sort());
      for (const path of written) {
        const name = path.slice(dir.length + 1);
        expect(readFileSync(join(committed, name), 'utf8'), `output/${name} is stale: run npm run export`).toBe(readFileSync(path, 'utf8'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kg roundtrip: the file against a dataset, as sets of triples', () => {
  let committed: string[] = [];
  let dir: string;
  beforeAll(async () => {
    const chunks: string[] = [];
    const article = DATASETS.find((d) => d.name === 'article-000');
    if (!article) throw new Error('article-000 is not a dataset');
    await datasetFile('', article, options, 'ntriples').write((c) => chunks.push(c));
    committed = chunks.join('').split('\n').filter((l) => l && !l.startsWith('#'));
  });
  /** Writes N-Triples lines into a file of the temporary folder and returns its path. */
  const file = (name: string, lines: readonly string[]): string => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };
  const roundtrip = (...args: string[]) => runCli(['roundtrip', ...args]);
  const literal = (): number => committed.findIndex((l) => /"[^"]{12,}"@en \.$/.test(l));

  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'kg-roundtrip-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a file of any name the same as the dataset given with --dataset', async () => {
    const r = await roundtrip(file('whatever.nt', committed), '--dataset', 'article-000');
    expect([r.code, r.stdout]).toEqual([0, `${join(dir, 'whatever.nt')}: the same triples in the same order (file ${committed.length} triples, entities ${committed.length})\n`]);
  });

  it('reports a deleted triple as exactly one missing and no extra', async () => {
    const gone = committed[3] as string;
    const r = await roundtrip(file('x.nt', committed.filter((l) => l !== gone)), '--dataset', 'article-000');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(1)).toEqual(['  1 missing from the file, 0 extra in it', `  missing ${gone}`, '']);
  });

  it('reports an added triple as exactly one extra and no missing', async () => {
    const added = '<http://example.org/s> <http://example.org/p> "added"@en .';
    const r = await roundtrip(file('x.nt', [...committed.slice(0, 10), added, ...committed.slice(10)]), '--dataset', 'article-000');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(1)).toEqual(['  0 missing from the file, 1 extra in it', `  extra ${added}`, '']);
  });

  it('reports a changed literal as one missing and one extra', async () => {
    const at = literal();
    expect(at).toBeGreaterThanOrEqual(0);
    const before = committed[at] as string;
    const after = before.replace(/"([^"]+)"@en \.$/, '"$1 (changed)"@en .');
    const r = await roundtrip(file('x.nt', committed.map((l, i) => (i === at ? after : l))), '--dataset', 'article-000');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(1)).toEqual(['  1 missing from the file, 1 extra in it', `  missing ${before}`, `  extra ${after}`, '']);
  });

  it('finds the same triples in another order, and says so', async () => {
    const r = await roundtrip(file('article-000.nt', [...committed].reverse()));
    expect([r.code, r.stdout]).toEqual([0, expect.stringContaining('the same triples, in another order') as unknown as string]);
  });

  it('shows at most ten of each, sorted, and counts the rest', async () => {
    const kept = committed.filter((_l, i) => i % 10 !== 0);
    const gone = committed.filter((_l, i) => i % 10 === 0);
    const r = await roundtrip(file('x.nt', kept), '--dataset', 'article-000');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`  ${gone.length} missing from the file, 0 extra in it\n${[...gone].sort().slice(0, 10).map((l) => `  missing ${l}\n`).join('')}  … and ${gone.length - 10} more missing\n`);
  });

  it('compares with a JSON dataset given with --input', async () => {
    writeFileSync(join(dir, 'sink.json'), JSON.stringify(kitchenSink));
    const exported = await runCli(['export', '--input', join(dir, 'sink.json'), '--out', join(dir, 'out'), '--format', 'nquads']);
    expect(exported.code).toBe(0);
    const ok = await roundtrip(join(dir, 'out', 'kitchen-sink.nq'), '--input', join(dir, 'sink.json'));
    expect([ok.code, ok.stdout]).toEqual([0, expect.stringContaining('the same triples in the same order') as unknown as string]);
    const other = await roundtrip(file('y.nt', committed), '--input', join(dir, 'sink.json'));
    expect(other.code).toBe(1);
  });

  it.each([
    [['--dataset', 'nope'], 'kg: no built-in dataset is named "nope": use one of entities, article-000'],
    [['--dataset', 'article-000', '--input', 'x.json'], 'kg: --input and --dataset exclude each other: give one source of the expected graph'],
    [['--synthetic', '2', '--dataset', 'article-000'], 'kg: --synthetic and --dataset exclude each other: give one source of the expected graph'],
    [['--input', '{dir}/missing.json'], 'kg: cannot read the dataset {dir}/missing.json: no such file (ENOENT)'],
    [['--input', '{dir}'], 'kg: cannot read the dataset {dir}: is a directory (EISDIR)'],
  ])('exits 2 on %j with a clear message and no stack trace', async (args, message) => {
    const r = await roundtrip(file('x.nt', committed), ...args.map((a) => a.replace('{dir}', dir)));
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `${message.replaceAll('{dir}', dir)}\n`]);
  });

  it.each([
    ['a missing file', '{dir}/missing.nt', 'kg: cannot read {dir}/missing.nt: no such file (ENOENT)'],
    ['a folder', '{dir}/folder.nt', 'kg: cannot read {dir}/folder.nt: is a directory (EISDIR)'],
    ['a file not named after a dataset', '{dir}/x.nt', 'kg: no built-in dataset is named "x" (the file\'s name): name one with --dataset (entities, article-000), give --input DATASET.json, or --synthetic N'],
    ['an unknown format', '{dir}/x.txt', 'kg: cannot compare {dir}/x.txt: unknown RDF format, use .ttl, .nt, .nq, .trig or .jsonld'],
  ])('exits 2 on %s with a clear message and no stack trace', async (_what, path, message) => {
    mkdirSync(join(dir, 'folder.nt'));
    file('x.nt', committed);
    file('x.txt', committed);
    const r = await roundtrip(path.replace('{dir}', dir));
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `${message.replaceAll('{dir}', dir)}\n`]);
  });
});

describe('kg roundtrip: N-Triples and N-Quads read by the line reader, against the one reader', () => {
  let committed: string[] = [];
  let dir: string;
  const article = DATASETS.find((d) => d.name === 'article-000') as Dataset;
  beforeAll(() => {
    committed = readFileSync(projectPath('output/article-000.nt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  });
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'kg-roundtrip-lines-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The outcome of a file (or its error message) read by the line reader with `options`, and by the one reader. */
  async function both(content: string | Buffer, options: Partial<RoundtripOptions> = {}, name = 'x.nt', source: Parameters<typeof roundtripFile>[1] = [article], refused = false): Promise<RoundtripReport | string> {
    const path = join(dir, name);
    writeFileSync(path, content);
    const outcome = (run: Promise<RoundtripReport>): Promise<RoundtripReport | string> => run.catch((error: Error) => `${error.name}: ${error.message}`);
    const fast = await outcome(roundtripFile(path, source, { base: DEFAULT_BASE, ...options }));
    const slow = await outcome(roundtripFile(path, source, { base: DEFAULT_BASE, lineReader: false, ...(options.bucketTriples ? { bucketTriples: options.bucketTriples } : {}), ...(options.maxDifferences !== undefined ? { maxDifferences: options.maxDifferences } : {}) }));
    // n3 names blank nodes with a counter of the parsers made so far (_:b12_x): the names differ from run to run.
    const compared = (r: RoundtripReport | string): unknown => (typeof r === 'string' ? r : JSON.parse(JSON.stringify({ ...r, readBy: undefined }).replace(/_:b\d+_/g, '_:b_')));
    expect(compared(fast)).toEqual(compared(slow));
    if (typeof slow !== 'string') expect(slow.readBy).toBe('one reader');
    if (typeof fast !== 'string') expect(fast.readBy).toBe(refused ? 'one reader' : 'line reader');
    return fast;
  }
  const text = (lines: readonly string[], eol = '\n'): string => `${lines.join(eol)}${eol}`;
  /** Chunks of 1 KiB (about 6 lines each) on two worker threads, or in this thread. */
  const ON_WORKERS = { chunkBytes: 1024, parseJobs: 2 };
  const IN_THREAD = { chunkBytes: 1024, parseJobs: 0 };

  it.each([['on worker threads', ON_WORKERS], ['in this thread', IN_THREAD], ['in one chunk', {}]])('finds a file cut into many chunks the same, in the same order (%s)', async (_how, options) => {
    const r = await both(readFileSync(projectPath('output/article-000.nt')), options);
    expect(r).toMatchObject({ same: true, sameOrder: true, fileTriples: committed.length, expectedTriples: committed.length });
  });

  it('reads N-Quads (graphs dropped) and a file with a BOM, CR LF line ends, blank and comment lines', async () => {
    expect(await both(readFileSync(projectPath('output/article-000.nq')), ON_WORKERS, 'x.nq')).toMatchObject({ same: true, sameOrder: true });
    const odd = committed.flatMap((l, i) => (i % 7 === 0 ? ['# a comment', '', l] : i % 11 === 0 ? [`  ${l}\t# after`] : [l]));
    const r = await both(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(odd, '\r\n'))]), ON_WORKERS);
    expect(r).toMatchObject({ same: true, sameOrder: true, fileTriples: committed.length });
    expect(await both(committed.join('\n'), ON_WORKERS)).toMatchObject({ same: true, sameOrder: true }); // no line end at the end
  });

  it('finds a change on either side of every chunk boundary, in a file read on worker threads', async () => {
    // Lines are about 150 bytes: with 1 KiB chunks, lines 5–8 hold the first boundary; other boundaries further on.
    for (const at of [0, 5, 6, 7, 8, 200, 201, committed.length - 2, committed.length - 1]) {
      const changed = committed.map((l, i) => (i === at ? l.replace(/ \.$/, '').replace(/>$/, 'x>').replace(/"(@[a-z-]+|\^\^<[^>]+>)?$/, 'x"$1') + ' .' : l));
      const r = await both(text(changed), ON_WORKERS);
      expect(r).toMatchObject({ same: false, sameOrder: false, missing: { count: 1, first: [committed[at]] }, extra: { count: 1 } });
    }
  });

  it.each([
    ['a deleted triple', (ls: string[]) => ls.filter((_l, i) => i !== 300), { same: false, missing: { count: 1 } }],
    ['an added triple', (ls: string[]) => [...ls.slice(0, 9), '<http://example.org/s> <http://example.org/p> "added"@en .', ...ls.slice(9)], { same: false, extra: { count: 1 } }],
    ['a triple given twice', (ls: string[]) => [...ls, ls[17] as string], { same: true, sameOrder: false, fileTriples: 0 }],
    ['the triples in reverse', (ls: string[]) => [...ls].reverse(), { same: true, sameOrder: false }],
    ['two triples swapped across a chunk boundary', (ls: string[]) => ls.map((l, i) => (i === 6 ? ls[7] : i === 7 ? ls[6] : l) as string), { same: true, sameOrder: false }],
    ['the first half only', (ls: string[]) => ls.slice(0, 1000), { same: false, missing: { count: 0 } }],
    ['a blank node (the one reader reads it)', (ls: string[]) => [...ls, '_:b <http://example.org/p> "x" .'], { same: false, extra: { count: 1 } }],
  ])('reports %s as the one reader does', async (what, edit, shape) => {
    const edited = edit(committed);
    const r = await both(text(edited), ON_WORKERS, 'x.nt', [article], what.includes('blank node'));
    const expected = { ...shape, ...('fileTriples' in shape ? { fileTriples: edited.length } : {}) };
    if ('missing' in expected && expected.missing.count === 0) expected.missing.count = committed.length - edited.length;
    expect(r).toMatchObject(expected);
  });

  it.each([
    ['a syntax error', (ls: string[]) => [...ls.slice(0, 40), '<http://example.org/s> <http://example.org/p> "x" "y" .', ...ls.slice(40)]],
    ['a relative IRI', (ls: string[]) => [...ls.slice(0, 40), '<s> <http://example.org/p> "x" .', ...ls.slice(40)]],
    ['RDF-star', (ls: string[]) => [...ls, '<http://example.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( <http://example.org/s> <http://example.org/p> "x" )>> .']],
    ['a direction', (ls: string[]) => [...ls, '<http://example.org/s> <http://example.org/p> "x"@en--ltr .']],
  ])('gives the one reader\'s verdict on %s', async (_what, edit) => {
    const r = await both(text(edit(committed)), ON_WORKERS, 'x.nt', [article], true);
    if (typeof r !== 'string') expect(r.same).toBe(false);
  });

  it.each([['on worker threads', ON_WORKERS], ['in this thread', IN_THREAD]])('lists many differences through buckets on disk as the one reader does (%s)', async (_how, options) => {
    const edited = committed.flatMap((l, i) => (i % 10 === 0 ? [] : i % 10 === 3 ? [l.replace(/ \.$/, '').replace(/>$/, 'x>').replace(/"(@[a-z-]+|\^\^<[^>]+>)?$/, 'x"$1') + ' .'] : i % 97 === 0 ? [l, l] : [l]));
    for (const bucketTriples of [100, 1000]) {
      const r = await both(text(edited.reverse()), { ...options, bucketTriples, maxDifferences: 5 });
      expect(r).toMatchObject({ same: false, missing: { count: Math.ceil(committed.length / 10) * 2 - (committed.length % 10 > 3 ? 0 : 1) } });
    }
  });

  it('gives the one reader\'s error for a second BOM', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(await both(Buffer.concat([bom, bom, Buffer.from(text(committed))]), ON_WORKERS, 'x.nt', [article], true)).toMatch(/^ParseError: .*x\.nt:1:1: Unexpected U\+FEFF/);
  });

  it('gives the one reader\'s error for bytes that are not UTF-8', async () => {
    const bad = Buffer.concat([Buffer.from(text(committed.slice(0, 50))), Buffer.from([0x3c, 0xc3, 0x28, 0x3e, 0x0a]), Buffer.from(text(committed.slice(50)))]);
    expect(await both(bad, ON_WORKERS)).toMatch(/^ParseError: .*x\.nt:51:2: not valid UTF-8 \(byte 0xc3\)$/);
  });

  it('compares with the synthetic corpus rendered on worker threads, and lists its differences', async () => {
    const out = join(dir, 'out');
    const exported = await runCli(['export', '--synthetic', '3', '--seed', '5', '--format', 'ntriples', '--out', out]);
    expect(exported.code).toBe(0);
    const source = { kind: 'synthetic' as const, seed: 5, count: 3, jobs: 2 };
    const lines = readFileSync(join(out, 'synthetic.nt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(await both(text(lines), ON_WORKERS, 'x.nt', source)).toMatchObject({ same: true, sameOrder: true, fileTriples: lines.length });
    const r = await both(text([...lines.slice(0, 500), ...lines.slice(501)]), ON_WORKERS, 'x.nt', source);
    expect(r).toMatchObject({ same: false, missing: { count: 1, first: [lines[500]] }, extra: { count: 0 } });
  });
});

describe('kg roundtrip: Turtle read by the Turtle line reader, against the one reader', () => {
  let header = '';
  let statements: string[] = [];
  let dir: string;
  const article = DATASETS.find((d) => d.name === 'article-000') as Dataset;
  beforeAll(() => {
    const committed = readFileSync(projectPath('output/article-000.ttl'), 'utf8');
    const start = committed.search(/^[^#@\n]/m);
    header = committed.slice(0, start);
    // Subject blocks: each ends with `.` and a line end.
    statements = committed.slice(start).split(/(?<=\.\n)(?=[^ ])/);
  });
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'kg-roundtrip-turtle-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The outcome of a file (or its error message) read by the Turtle line reader with `options`, and by the one reader. */
  async function both(content: string | Buffer, options: Partial<RoundtripOptions> = {}, source: Parameters<typeof roundtripFile>[1] = [article], refused = false, name = 'x.ttl'): Promise<RoundtripReport | string> {
    const path = join(dir, name);
    writeFileSync(path, content);
    const outcome = (run: Promise<RoundtripReport>): Promise<RoundtripReport | string> => run.catch((error: Error) => `${error.name}: ${error.message}`);
    const fast = await outcome(roundtripFile(path, source, { base: DEFAULT_BASE, ...options }));
    const slow = await outcome(roundtripFile(path, source, { base: DEFAULT_BASE, lineReader: false, ...(options.bucketTriples ? { bucketTriples: options.bucketTriples } : {}), ...(options.maxDifferences !== undefined ? { maxDifferences: options.maxDifferences } : {}) }));
    // n3 names blank nodes with a counter of the parsers made so far (_:n3-12): the names differ from run to run.
    const compared = (r: RoundtripReport | string): unknown => (typeof r === 'string' ? r : JSON.parse(JSON.stringify({ ...r, readBy: undefined }).replace(/_:n3-\d+/g, '_:n3-')));
    expect(compared(fast)).toEqual(compared(slow));
    if (typeof slow !== 'string') expect(slow.readBy).toBe('one reader');
    if (typeof fast !== 'string') expect(fast.readBy).toBe(refused ? 'one reader' : 'line reader');
    return fast;
  }
  const file = (blocks: readonly string[], eol = '\n'): string => (header + blocks.join('')).replace(/\n/g, eol);
  /** Chunks of 1 KiB (a few subject blocks each) on two worker threads, or in this thread. */
  const ON_WORKERS = { chunkBytes: 1024, parseJobs: 2 };
  const IN_THREAD = { chunkBytes: 1024, parseJobs: 0 };
  const changed = (block: string): string => block.replace(/"(@[a-z-]+)?(?=[,;.]\n|,)/, 'x"$1');

  it('cuts the committed file into its subject blocks', () => {
    expect(statements.length).toBeGreaterThan(100);
    expect(statements.every((s) => /^[^ \n].*\.\n$/s.test(s))).toBe(true);
    expect(statements.filter((s) => changed(s) !== s).length).toBeGreaterThan(100);
  });

  it.each([['on worker threads', ON_WORKERS], ['in this thread', IN_THREAD], ['in one chunk', {}]])('finds the committed file cut into many chunks the same, in the same order (%s)', async (_how, options) => {
    const r = await both(readFileSync(projectPath('output/article-000.ttl')), options);
    expect(r).toMatchObject({ same: true, sameOrder: true });
    expect(typeof r !== 'string' && r.fileTriples).toBe(readFileSync(projectPath('output/article-000.nt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).length);
  });

  it('reads a file with a BOM and CR LF line ends', async () => {
    const r = await both(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(file(statements, '\r\n'))]), ON_WORKERS);
    expect(r).toMatchObject({ same: true, sameOrder: true });
  });

  it('finds a change on either side of every chunk boundary, in a file read on worker threads', async () => {
    const at = statements.map((s, i) => [s, i] as const).filter(([s]) => changed(s) !== s).map(([, i]) => i);
    for (const k of [...at.slice(0, 8), ...at.slice(-3)]) {
      const r = await both(file(statements.map((s, i) => (i === k ? changed(s) : s))), ON_WORKERS);
      expect(r).toMatchObject({ same: false, sameOrder: false, missing: { count: 1 }, extra: { count: 1 } });
    }
  });

  it.each([
    ['a deleted subject block', (ss: string[]) => ss.filter((_s, i) => i !== 30), { same: false, extra: { count: 0 } }],
    ['an added triple', (ss: string[]) => [...ss.slice(0, 9), '<http://example.org/s> <http://example.org/p> "added"@en.\n', ...ss.slice(9)], { same: false, extra: { count: 1 }, missing: { count: 0 } }],
    ['a subject block given twice', (ss: string[]) => [...ss, ss[17] as string], { same: true, sameOrder: false }],
    ['the subject blocks in reverse', (ss: string[]) => [...ss].reverse(), { same: true, sameOrder: false }],
    ['the first half only', (ss: string[]) => ss.slice(0, ss.length >> 1), { same: false, extra: { count: 0 } }],
    ['a blank node (the one reader reads it)', (ss: string[]) => [...ss, '<http://example.org/s> <http://example.org/p> [ <http://example.org/q> "x" ].\n'], { same: false }],
    ['a prefix declared later (the one reader reads it)', (ss: string[]) => [...ss.slice(0, 5), '@prefix kg: <http://example.org/kg#>.\n', ...ss.slice(5)], { same: false }],
  ])('reports %s as the one reader does', async (what, edit, shape) => {
    expect(await both(file(edit(statements)), ON_WORKERS, [article], what.includes('one reader reads'))).toMatchObject(shape);
  });

  it.each([
    ['a syntax error', (ss: string[]) => [...ss.slice(0, 40), '<http://example.org/s> <http://example.org/p> "x" "y".\n', ...ss.slice(40)]],
    ['a relative IRI', (ss: string[]) => [...ss.slice(0, 40), '<s> <http://example.org/p> "x".\n', ...ss.slice(40)]],
    ['an undeclared prefix', (ss: string[]) => [...ss.slice(0, 40), 'nope:s <http://example.org/p> "x".\n', ...ss.slice(40)]],
    ['a statement cut short', (ss: string[]) => [...ss.slice(0, 40), (ss[40] as string).replace(/\.\n$/, ';\n'), ...ss.slice(42)]],
    ['a direction', (ss: string[]) => [...ss, '<http://example.org/s> <http://example.org/p> "x"@en--ltr.\n']],
  ])('gives the one reader\'s verdict on %s', async (_what, edit) => {
    const r = await both(file(edit(statements)), ON_WORKERS, [article], true);
    if (typeof r !== 'string') expect(r.same).toBe(false);
  });

  it.each([
    ['longer than a chunk is read by the line reader', 300, false],
    ['longer than 64 chunks is cut, refused and read by the one reader', 9000, true],
  ])('a subject block %s', async (_what, n, refused) => {
    const long = `<http://example.org/s> ${Array.from({ length: n }, (_v, k) => `<http://example.org/p> "${k}"`).join(';\n    ')}.\n`;
    const r = await both(file([...statements.slice(0, 20), long, ...statements.slice(20)]), ON_WORKERS, [article], refused);
    expect(r).toMatchObject({ same: false, extra: { count: n }, missing: { count: 0 } });
  });

  it('reads TriG of one graph block with the line reader too, and gives the one reader\'s verdict on a graph block left open or followed by more', async () => {
    const trig = readFileSync(projectPath('output/article-000.trig'), 'utf8');
    for (const options of [ON_WORKERS, IN_THREAD, {}]) expect(await both(trig, options, [article], false, 'x.trig')).toMatchObject({ same: true, sameOrder: true });
    expect(await both(trig.replace(/"(@en)?;\n/, 'x"$1;\n'), ON_WORKERS, [article], false, 'x.trig')).toMatchObject({ same: false, missing: { count: 1 }, extra: { count: 1 } });
    expect(await both(trig.replace(/\n\}\n$/, '\n'), ON_WORKERS, [article], true, 'x.trig')).toMatch(/^ParseError: /);
    expect(await both(`${trig}<http://example.org/s> <http://example.org/p> "x".\n`, ON_WORKERS, [article], true, 'x.trig')).toMatchObject({ same: false, extra: { count: 1 } });
  });

  it('gives the one reader\'s errors for a second BOM and for bytes that are not UTF-8', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(await both(Buffer.concat([bom, bom, Buffer.from(file(statements))]), ON_WORKERS, [article], true)).toMatch(/^ParseError: .*x\.ttl:1:1: /);
    const bad = Buffer.concat([Buffer.from(file(statements.slice(0, 50))), Buffer.from([0x3c, 0xc3, 0x28, 0x3e, 0x0a]), Buffer.from(statements.slice(50).join(''))]);
    expect(await both(bad, ON_WORKERS)).toMatch(/^ParseError: .*x\.ttl:\d+:2: not valid UTF-8 \(byte 0xc3\)$/);
  });

  it.each([['on worker threads', ON_WORKERS], ['in this thread', IN_THREAD]])('lists many differences through buckets on disk as the one reader does (%s)', async (_how, options) => {
    const edited = statements.flatMap((s, i) => (i % 10 === 0 ? [] : i % 10 === 3 ? [changed(s)] : i % 37 === 0 ? [s, s] : [s]));
    for (const bucketTriples of [100, 1000]) {
      const r = await both(file(edited.reverse()), { ...options, bucketTriples, maxDifferences: 5 });
      expect(r).toMatchObject({ same: false, sameOrder: false });
    }
  });

  it('compares with the synthetic corpus rendered on worker threads, and lists its differences', async () => {
    const out = join(dir, 'out');
    expect((await runCli(['export', '--synthetic', '3', '--seed', '5', '--format', 'turtle', '--out', out])).code).toBe(0);
    const source = { kind: 'synthetic' as const, seed: 5, count: 3, jobs: 2 };
    const exported = readFileSync(join(out, 'synthetic.ttl'), 'utf8');
    const r = await both(exported, ON_WORKERS, source);
    expect(r).toMatchObject({ same: true, sameOrder: true });
    const gone = exported.replace(/\n([^ \n][^\n]*;\n(?: [^\n]*;\n)*)    [^\n]*;\n/, '\n$1');
    expect(gone).not.toBe(exported);
    expect(await both(gone, ON_WORKERS, source)).toMatchObject({ same: false, missing: { count: 1 }, extra: { count: 0 } });
  });
});
