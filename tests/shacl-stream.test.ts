// The streaming SHACL validator against rdf-validate-shacl: the same results, focus node by focus node, on the kitchen sink, article 000, the fixture article and systematic mutations of them (in file order and shuffled); unsupported shapes refused.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Literal, Quad, Term } from '@rdfjs/types';
import { DataFactory, Parser, Writer } from 'n3';
import { afterAll, describe, expect, it } from 'vitest';
import { CLASS_HIERARCHY, parseShapes, ShaclChecker, type ShaclResult } from '../src/commands/shacl.js';
import { compileShapes, UnsupportedShapes } from '../src/commands/shacl-compile.js';
import { StreamShacl } from '../src/commands/shacl-stream.js';
import { shapesFile } from '../src/commands/export.js';
import { syntheticCorpus } from '../src/commands/synthetic.js';
import { entitiesQuads, sortedById } from '../src/mapping/encode.js';
import { DEFAULT_BASE } from '../src/model/vocab.js';
import { projectPath } from '../src/project.js';
import { kitchenSink } from './fixtures/kitchen-sink.js';
import { TEST_CORPUS } from './fixtures/articles/index.js';
import { validateFile, type Finding } from '../src/commands/validate.js';
import { runCli } from './helpers.js';

const { namedNode, literal, quad, blankNode } = DataFactory;

const SH = 'http://www.w3.org/ns/shacl#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const KG = 'https://w3id.org/news-kg/ontology#';
const RDF_TYPE = `${RDF}type`;

const SHAPES = parseShapes(readFileSync(projectPath('ontology/shapes.ttl'), 'utf8'));
const COMPILED = compileShapes(SHAPES);
const ORACLE = new ShaclChecker(SHAPES);

const datasetQuads = (name: string): Quad[] => {
  const dataset = TEST_CORPUS.all.find((d) => d.name === name);
  if (!dataset) throw new Error(`no dataset ${name} in the test corpus`);
  return [...entitiesQuads(sortedById(dataset.entities), { base: DEFAULT_BASE })];
};
const BASES: ReadonlyArray<readonly [string, Quad[]]> = [
  ['the kitchen sink', [...entitiesQuads(sortedById(kitchenSink.entities), { base: DEFAULT_BASE })]],
  ['article 000', datasetQuads('article-000')],
  ['the fixture article', datasetQuads('fixture-001')],
];

// ----- running both validators ------------------------------------------------------------------------------------

/** What one streaming run did: its results, whether the file counted as scattered, whether it read the data again. */
interface StreamRun { results: ShaclResult[]; scattered: boolean; reread: boolean }

/** Runs the streaming validator over quads in the given order, as kg validate feeds a file (two passes, and more when needed). */
async function streamRun(quads: readonly Quad[], compiled = COMPILED): Promise<StreamRun> {
  const results: ShaclResult[] = [];
  const run = new StreamShacl(compiled, CLASS_HIERARCHY, (r) => results.push(r));
  for (const q of quads) run.index(q);
  const scattered = run.endIndex();
  for (const q of quads) run.check(q);
  run.endCheck();
  const reread = run.pending;
  await run.finish(async function* () { yield* quads; });
  return { results, scattered, reread };
}

/** Blank node labels by first occurrence (subject, then object), as the streaming validator names them: b1, b2, … */
function blankNames(quads: readonly Quad[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const q of quads) for (const t of [q.subject, q.object]) if (t.termType === 'BlankNode' && !names.has(t.value)) names.set(t.value, `b${names.size + 1}`);
  return names;
}

/** A result as one comparable line: focus, path, component, value, source shape, severity and messages (data blank nodes renamed). */
function resultKey(r: ShaclResult, blanks?: ReadonlyMap<string, string>): string {
  const show = (t: Term | undefined, data: boolean): string => {
    if (!t) return '-';
    if (t.termType === 'BlankNode') return `_:${data ? blanks?.get(t.value) ?? t.value : t.value}`;
    if (t.termType === 'Literal') return `${JSON.stringify(t.value)}@${(t as Literal).language}^^${(t as Literal).datatype.value}`;
    return `<${t.value}>`;
  };
  const messages = r.messages.map((m) => `${JSON.stringify(m.value)}@${m.language}`).join(' | ');
  return [show(r.focus, true), show(r.path, false), r.component.value, show(r.value, true), show(r.shape, false), r.severity.value, messages].join(' ');
}

/** A fixed-seed pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Validates quads with rdf-validate-shacl and with the streaming validator, in file order and shuffled (a scattered
 * file, validated in memory): asserts that the three give the same results, and returns the oracle's.
 */
async function expectSameResults(quads: readonly Quad[], seed = 1): Promise<{ oracle: ShaclResult[]; inOrder: StreamRun; mixed: StreamRun }> {
  const oracle = await ORACLE.results(quads);
  const inOrder = await streamRun(quads);
  expect(inOrder.results.map((r) => resultKey(r)).sort()).toEqual(oracle.map((r) => resultKey(r, blankNames(quads))).sort());
  const order = shuffled(quads, seed);
  const mixed = await streamRun(order);
  expect(mixed.scattered).toBe(true);
  expect(mixed.results.map((r) => resultKey(r)).sort()).toEqual(oracle.map((r) => resultKey(r, blankNames(order))).sort());
  return { oracle, inOrder, mixed };
}

// ----- the shapes, read from the shapes graph (independently of the compiler) --------------------------------------

interface PropertyShape {
  readonly iri: string;
  readonly path: string;
  readonly inverse: boolean;
  readonly minCount?: number;
  readonly maxCount?: number;
  readonly datatype?: string;
  readonly patterns: readonly string[];
  readonly nodeKind?: string;
  readonly cls?: string;
  readonly in?: readonly string[];
  readonly uniqueLang: boolean;
  readonly lessThanOrEquals?: string;
  readonly qualifiedShape?: string;
  readonly qualifiedMin?: number;
  readonly qualifiedMax?: number;
}
interface NodeShape { readonly iri: string; readonly target: string; readonly closed: boolean; readonly or: boolean; readonly properties: readonly PropertyShape[] }

function readShapes(quads: readonly Quad[]): NodeShape[] {
  const out = (s: string, p: string): Term[] => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);
  const one = (s: string, p: string): Term | undefined => out(s, p)[0];
  const list = (head: Term | undefined): string[] => {
    const members: string[] = [];
    for (let n = head; n && n.value !== `${RDF}nil`; n = one(n.value, `${RDF}rest`)) members.push(one(n.value, `${RDF}first`)?.value ?? '');
    return members;
  };
  const num = (t: Term | undefined): number | undefined => (t ? Number(t.value) : undefined);
  return quads.filter((q) => q.predicate.value === `${SH}targetClass`).map((t) => {
    const iri = t.subject.value;
    return {
      iri, target: t.object.value, closed: out(iri, `${SH}closed`).length > 0, or: out(iri, `${SH}or`).length > 0,
      properties: out(iri, `${SH}property`).map((p): PropertyShape => {
        const s = p.value;
        const path = one(s, `${SH}path`) as Term;
        const inverse = path.termType === 'BlankNode';
        const cls = one(s, `${SH}class`);
        const qualified = one(s, `${SH}qualifiedValueShape`);
        return {
          iri: s, path: inverse ? one(path.value, `${SH}inversePath`)?.value ?? '' : path.value, inverse,
          minCount: num(one(s, `${SH}minCount`)), maxCount: num(one(s, `${SH}maxCount`)), datatype: one(s, `${SH}datatype`)?.value,
          patterns: out(s, `${SH}pattern`).map((x) => x.value), nodeKind: one(s, `${SH}nodeKind`)?.value, cls: cls?.value,
          in: out(s, `${SH}in`).length ? list(one(s, `${SH}in`)) : undefined, uniqueLang: out(s, `${SH}uniqueLang`).length > 0,
          lessThanOrEquals: one(s, `${SH}lessThanOrEquals`)?.value, qualifiedShape: qualified?.value,
          qualifiedMin: num(one(s, `${SH}qualifiedMinCount`)), qualifiedMax: num(one(s, `${SH}qualifiedMaxCount`)),
        };
      }),
    };
  });
}

const NODE_SHAPES = readShapes(SHAPES);

// ----- mutations --------------------------------------------------------------------------------------------------

/** One change to the data and the result rdf-validate-shacl must give for it (so that no mutation is vacuous). */
interface Mutation {
  readonly what: string;
  /** `subject predicate` pairs it touches: two mutations that share one never go in the same batch. */
  readonly touches: readonly string[];
  apply(quads: Quad[]): Quad[];
  readonly expect: { readonly focus: string; readonly shape: string; readonly component: string };
}

/** The group of a subject (an IRI without its fragment): the exporter writes a group's triples together. */
const groupOf = (iri: string): string => iri.split('#')[0] ?? iri;

/** Inserts triples right after the last triple of a subject's group, so that the file stays grouped. */
function insertInGroup(quads: Quad[], subject: string, added: readonly Quad[]): Quad[] {
  const group = groupOf(subject);
  let at = -1;
  quads.forEach((q, i) => { if (groupOf(q.subject.value) === group) at = i; });
  return at < 0 ? [...quads, ...added] : [...quads.slice(0, at + 1), ...added, ...quads.slice(at + 1)];
}

/** The data graph's facts a mutation generator needs. */
class Facts {
  private readonly superOf = new Map<string, string[]>();

  constructor(readonly quads: readonly Quad[]) {
    for (const q of CLASS_HIERARCHY) this.superOf.set(q.subject.value, [...(this.superOf.get(q.subject.value) ?? []), q.object.value]);
  }

  objects(s: string, p: string): Term[] {
    return this.quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);
  }

  /** Every class of a node, superclasses included. */
  classes(s: string): Set<string> {
    const out = new Set<string>();
    const visit = (c: string): void => { if (out.has(c)) return; out.add(c); for (const up of this.superOf.get(c) ?? []) visit(up); };
    for (const t of this.objects(s, RDF_TYPE)) visit(t.value);
    return out;
  }

  /** Instances of a class, direct ones (no type below it) first. */
  instances(cls: string): string[] {
    const subjects = [...new Set(this.quads.filter((q) => q.predicate.value === RDF_TYPE).map((q) => q.subject.value))].filter((s) => this.classes(s).has(cls));
    const direct = (s: string): boolean => this.objects(s, RDF_TYPE).every((t) => t.value === cls || !this.isBelow(t.value, cls));
    return [...subjects.filter(direct), ...subjects.filter((s) => !direct(s))];
  }

  /** Whether a class is strictly below another (rdfs:subClassOf+). */
  isBelow(c: string, cls: string): boolean {
    if (c === cls) return false;
    const seen = new Set<string>();
    const up = (x: string): boolean => { if (seen.has(x)) return false; seen.add(x); return (this.superOf.get(x) ?? []).some((y) => y === cls || up(y)); };
    return up(c);
  }

  /** A typed node of the data that is not an instance of the class. */
  notInstance(cls: string): string {
    const found = [...new Set(this.quads.filter((q) => q.predicate.value === RDF_TYPE).map((q) => q.subject.value))].find((s) => !this.classes(s).has(cls));
    if (!found) throw new Error(`every node is an instance of ${cls}`);
    return found;
  }

  /** Some value of a predicate anywhere in the data. */
  anyValue(p: string): Term | undefined {
    return this.quads.find((q) => q.predicate.value === p)?.object;
  }
}

/** A well-formed value for a property shape (for adding a value where the data has none). */
function valueFor(ps: PropertyShape, facts: Facts): Term {
  const existing = facts.anyValue(ps.path);
  if (existing) return existing;
  if (ps.in?.[0]) return namedNode(ps.in[0]);
  if (ps.cls) return namedNode(facts.instances(ps.cls)[0] ?? `${DEFAULT_BASE}nothing`);
  const lexical: Record<string, string> = { [`${XSD}boolean`]: 'true', [`${XSD}date`]: '2024-01-01', [`${XSD}gYear`]: '2024', [`${XSD}gYearMonth`]: '2024-01', [`${XSD}duration`]: 'P1Y', [`${XSD}decimal`]: '1.5', [`${XSD}integer`]: '1', [`${XSD}nonNegativeInteger`]: '1' };
  if (ps.datatype === `${RDF}langString`) return literal('a value', 'en');
  if (ps.datatype) return literal(lexical[ps.datatype] ?? 'a value', namedNode(ps.datatype));
  return namedNode('http://www.wikidata.org/entity/Q42');
}

/** Another value of the same kind, distinct from `v`. */
function variant(v: Term, facts: Facts): Term {
  if (v.termType === 'Literal') {
    const l = v as Literal;
    return l.language ? literal(`${l.value} (again)`, l.language) : literal(/^\d+$/.test(l.value) ? `${l.value}7` : `${l.value}x`, l.datatype);
  }
  const sameClass = [...facts.objects(v.value, RDF_TYPE)].flatMap((t) => facts.instances(t.value)).find((x) => x !== v.value);
  return namedNode(sameClass ?? `${v.value}-2`);
}

/**
 * The mutations of one base: per node shape and per constraint of each of its property shapes, one change that
 * breaks it on an instance of the shape's class (drop a required triple, add a second value, wrong datatype,
 * pattern, node kind, class or value set, two labels in one language, an end before its start, a missing or extra
 * qualified value, an inverse triple missing or from the wrong class), and an unknown predicate per closed shape.
 */
function mutations(base: readonly Quad[]): Mutation[] {
  const facts = new Facts(base);
  const out: Mutation[] = [];
  const replaceFirst = (focus: string, p: string, value: Term) => (quads: Quad[]): Quad[] => {
    const i = quads.findIndex((q) => q.subject.value === focus && q.predicate.value === p);
    if (i < 0) return insertInGroup(quads, focus, [quad(namedNode(focus), namedNode(p), value as never)]);
    return quads.map((q, k) => (k === i ? quad(q.subject, q.predicate, value as never) : q));
  };
  const add = (focus: string, p: string, ...values: Term[]) => (quads: Quad[]): Quad[] => insertInGroup(quads, focus, values.map((v) => quad(namedNode(focus), namedNode(p), v as never)));
  for (const ns of NODE_SHAPES) {
    const focus = facts.instances(ns.target)[0];
    if (!focus) continue;
    const m = (what: string, touches: string[], apply: Mutation['apply'], shape: string, component: string): void => {
      out.push({ what: `${what} (${focus})`, touches, apply, expect: { focus, shape, component: `${SH}${component}ConstraintComponent` } });
    };
    // An unknown predicate breaks a closed shape; on a direct instance of a class with subclasses, its sh:or (neither
    // an instance of a subclass, nor closed).
    const direct = facts.objects(focus, RDF_TYPE).every((t) => !facts.isBelow(t.value, ns.target));
    const unknown = `${KG}notDeclared`;
    if (ns.closed || (ns.or && direct)) m(`an unknown predicate on ${ns.iri}`, [`${focus} ${unknown}`], add(focus, unknown, literal('x')), ns.iri, ns.closed ? 'Closed' : 'Or');
    for (const ps of ns.properties) {
      const p = ps.path;
      const key = `${focus} ${ps.inverse ? '^' : ''}${p}`;
      const current = ps.inverse ? [] : facts.objects(focus, p);
      if (ps.inverse) {
        const referrers = facts.quads.filter((q) => q.predicate.value === p && q.object.value === focus).map((q) => q.subject.value);
        if (ps.minCount) m(`no ${p} of it`, [key, ...referrers.map((r) => `${r} ${p}`)], (quads) => quads.filter((q) => !(q.predicate.value === p && q.object.value === focus)), ps.iri, 'MinCount');
        if (ps.cls) {
          const stranger = facts.notInstance(ps.cls);
          m(`a ${p} of it from a ${stranger}`, [key, `${stranger} ${p}`], add(stranger, p, namedNode(focus)), ps.iri, 'Class');
        }
        continue;
      }
      if (ps.qualifiedShape) {
        const qualifiedClass = NODE_SHAPES.find((s) => s.iri === ps.qualifiedShape)?.target ?? '';
        const value = current.find((v) => facts.classes(v.value).has(qualifiedClass));
        if (!value) continue;
        if (ps.qualifiedMin) m(`its ${qualifiedClass} selector dropped`, [key], (quads) => quads.filter((q) => !(q.subject.value === focus && q.predicate.value === p && q.object.equals(value))), ps.iri, 'QualifiedMinCount');
        if (ps.qualifiedMax) {
          const copy = `${value.value}-copy`;
          const copied = facts.quads.filter((q) => q.subject.value === value.value).map((q) => quad(namedNode(copy), q.predicate, q.object));
          m(`a second ${qualifiedClass} selector`, [key, `${copy} *`], (quads) => insertInGroup(quads, focus, [quad(namedNode(focus), namedNode(p), namedNode(copy)), ...copied]), ps.iri, 'QualifiedMaxCount');
        }
        continue;
      }
      if (ps.minCount) m(`its ${p} dropped`, [key], (quads) => quads.filter((q) => !(q.subject.value === focus && q.predicate.value === p)), ps.iri, 'MinCount');
      if (ps.maxCount === 1) {
        const first = current[0] ?? valueFor(ps, facts);
        m(`a second ${p}`, [key], current.length ? add(focus, p, variant(first, facts)) : add(focus, p, first, variant(first, facts)), ps.iri, 'MaxCount');
      }
      if (ps.datatype) {
        const wrong = ps.datatype === `${XSD}string` ? literal(current[0]?.value ?? 'x', 'en') : literal(current[0]?.value ?? '1');
        m(`a ${p} of the wrong datatype`, [key], replaceFirst(focus, p, wrong), ps.iri, 'Datatype');
      }
      if (ps.patterns.length) {
        const wrong = ps.nodeKind === `${SH}IRI` ? namedNode('http://example.org/not-matching') : literal('☃ not matching', namedNode(ps.datatype ?? `${XSD}string`));
        m(`a ${p} that breaks its pattern`, [key], replaceFirst(focus, p, wrong), ps.iri, 'Pattern');
      }
      if (ps.nodeKind) m(`a literal ${p}`, [key], replaceFirst(focus, p, literal('not an IRI')), ps.iri, 'NodeKind');
      if (ps.cls) m(`a ${p} of the wrong class`, [key], replaceFirst(focus, p, namedNode(facts.notInstance(ps.cls))), ps.iri, 'Class');
      if (ps.in) m(`a ${p} outside its value set`, [key], replaceFirst(focus, p, namedNode(`${ps.in[0] ?? ''}-unknown`)), ps.iri, 'In');
      if (ps.uniqueLang) {
        const lang = (current[0] as Literal | undefined)?.language || 'en';
        m(`two ${p} in one language`, [key], current.length ? add(focus, p, literal('another one', lang)) : add(focus, p, literal('one', lang), literal('another one', lang)), ps.iri, 'UniqueLang');
      }
      if (ps.lessThanOrEquals) {
        const other = facts.objects(focus, ps.lessThanOrEquals)[0];
        const big = ps.datatype === `${XSD}date` ? literal('9999-12-31', namedNode(ps.datatype)) : literal('99999', namedNode(ps.datatype ?? `${XSD}decimal`));
        const apply = (quads: Quad[]): Quad[] => {
          const changed = replaceFirst(focus, p, big)(quads);
          return other ? changed : add(focus, ps.lessThanOrEquals ?? '', literal('1', namedNode(ps.datatype ?? `${XSD}decimal`)))(changed);
        };
        m(`a ${p} above its ${ps.lessThanOrEquals}`, [key, `${focus} ${ps.lessThanOrEquals}`], apply, ps.iri, 'LessThanOrEquals');
      }
    }
  }
  return out;
}

/** Batches of mutations that touch no `subject predicate` pair twice. */
function batches(all: readonly Mutation[], limit = Infinity): Mutation[][] {
  const out: Array<{ items: Mutation[]; touched: Set<string> }> = [];
  for (const m of all) {
    const focusWide = m.touches.some((t) => t.endsWith(' *'));
    let batch = out.find((b) => !m.touches.some((t) => b.touched.has(t)) && !(focusWide && [...b.touched].some((t) => t.startsWith(`${m.expect.focus} `))));
    if (!batch) { batch = { items: [], touched: new Set() }; out.push(batch); }
    batch.items.push(m);
    for (const t of m.touches) batch.touched.add(t);
  }
  return out.slice(0, limit).map((b) => b.items);
}

/** Validates a batch of mutations of a base with both validators; asserts equal results and that each mutation is seen by the oracle. */
async function checkBatch(base: readonly Quad[], batch: readonly Mutation[], seed: number): Promise<void> {
  let quads = [...base];
  for (const m of batch) quads = m.apply(quads);
  const { oracle } = await expectSameResults(quads, seed);
  for (const m of batch) {
    expect(oracle.some((r) => r.focus.value === m.expect.focus && r.shape.value === m.expect.shape && r.component.value === m.expect.component), m.what).toBe(true);
  }
}

// ----- the tests --------------------------------------------------------------------------------------------------

describe('the streaming validator and rdf-validate-shacl', () => {
  it.each(BASES)('find %s valid, alike', async (_name, quads) => {
    const { oracle } = await expectSameResults(quads);
    expect(oracle).toEqual([]);
  }, 120_000);

  const kitchen = BASES[0]?.[1] ?? [];
  const kitchenMutations = mutations(kitchen);
  const kitchenBatches = batches(kitchenMutations);

  it('have a mutation of the kitchen sink for every constraint of every property shape with an instance there', () => {
    const shapes = new Set(kitchenMutations.map((m) => m.expect.shape));
    const covered = NODE_SHAPES.flatMap((s) => s.properties).filter((p) => shapes.has(p.iri)).length;
    expect(covered).toBeGreaterThan(200);
    expect(new Set(kitchenMutations.map((m) => m.expect.component.replace(SH, '')))).toEqual(new Set([
      'ClosedConstraintComponent', 'OrConstraintComponent', 'MinCountConstraintComponent', 'MaxCountConstraintComponent', 'DatatypeConstraintComponent',
      'PatternConstraintComponent', 'NodeKindConstraintComponent', 'ClassConstraintComponent', 'InConstraintComponent', 'UniqueLangConstraintComponent',
      'LessThanOrEqualsConstraintComponent', 'QualifiedMinCountConstraintComponent', 'QualifiedMaxCountConstraintComponent',
    ]));
  });

  it.each(kitchenBatches.map((b, i) => [i + 1, kitchenBatches.length, b] as const))('give the same results on the kitchen sink, mutation batch %i of %i', async (i, _n, batch) => {
    await checkBatch(kitchen, batch, i);
  }, 300_000);

  it.each(BASES.slice(1).map(([name, quads]) => [name, quads] as const))('give the same results on %s with one batch of its mutations', async (_name, quads) => {
    const [batch] = batches(mutations(quads), 1);
    expect(batch?.length).toBeGreaterThan(100);
    await checkBatch(quads, batch ?? [], 7);
  }, 300_000);

  it('agree where types change: a class dropped, an unrelated one added, a subclass declared in the data, triples about a class, a triple given twice', async () => {
    const facts = new Facts(kitchen);
    const [alice, unnamed] = facts.instances(`${KG}Person`);
    const label = kitchen.find((q) => q.predicate.value === `${RDFS}label`) as Quad;
    let quads = kitchen.filter((q) => !(q.subject.value === unnamed && q.predicate.value === RDF_TYPE && q.object.value === `${KG}Person`));
    quads = insertInGroup(quads, alice ?? '', [quad(namedNode(alice ?? ''), namedNode(RDF_TYPE), namedNode(`${KG}Place`))]);
    const wizard = facts.instances(`${KG}Office`)[0] ?? '';
    quads = quads.map((q) => (q.subject.value === wizard && q.predicate.value === RDF_TYPE && q.object.value === `${KG}Office` ? quad(q.subject, q.predicate, namedNode(`${KG}Wizard`)) : q));
    quads = insertInGroup(quads, wizard, [quad(namedNode(wizard), namedNode(`${KG}notDeclared`), literal('x'))]);
    quads.push(quad(namedNode(`${KG}Wizard`), namedNode(`${RDFS}subClassOf`), namedNode(`${KG}Office`)), quad(namedNode(`${KG}Person`), namedNode(`${RDFS}label`), literal('person')));
    quads = insertInGroup(quads, label.subject.value, [label]);
    const { oracle } = await expectSameResults(quads, 11);
    // Alice, now a place too, has a person's properties: not a place of any subclass, not a closed place.
    expect(oracle.some((r) => r.focus.value === alice && r.component.value === `${SH}OrConstraintComponent`)).toBe(true);
    // The office typed kg:Wizard is an office through the data's own rdfs:subClassOf: its closed shape targets it.
    expect(oracle.some((r) => r.focus.value === wizard && r.component.value === `${SH}ClosedConstraintComponent`)).toBe(true);
  }, 300_000);

  it('agree when a constraint needs a node held elsewhere in the file (a selector of another span, a blank node), read again', async () => {
    const spans = new Facts(kitchen).instances(`${KG}TextSpan`);
    const [a, b, c] = spans as [string, string, string];
    // Span a selects its text with span b's quote selector; span c's position selector becomes a blank node, written after c's group.
    let quads = kitchen.map((q) => (q.subject.value === a && q.object.value === `${a}#quote` ? quad(q.subject, q.predicate, namedNode(`${b}#quote`)) : q));
    const position = blankNode('position');
    const moved = quads.filter((q) => q.subject.value === `${c}#position`).map((q) => quad(position, q.predicate, q.object));
    quads = quads.filter((q) => q.subject.value !== `${c}#position`).map((q) => (q.object.value === `${c}#position` ? quad(q.subject, q.predicate, position) : q));
    quads = insertInGroup(quads, c, moved);
    const { oracle, inOrder } = await expectSameResults(quads, 13);
    expect(inOrder.scattered).toBe(false);
    expect(inOrder.reread).toBe(true);
    expect(oracle.some((r) => r.focus.value === `${a}#quote`)).toBe(false);
    // And broken: b's quote selector gets a predicate it may not have, so span a has no conforming quote selector.
    const broken = insertInGroup(quads, b, [quad(namedNode(`${b}#quote`), namedNode(`${KG}notDeclared`), literal('x'))]);
    const second = await expectSameResults(broken, 17);
    expect(second.inOrder.reread).toBe(true);
    expect(second.oracle.some((r) => r.focus.value === a && r.component.value === `${SH}QualifiedMinCountConstraintComponent`)).toBe(true);
  }, 300_000);
});

describe('the streaming validator and rdf-validate-shacl on random edits of the synthetic corpus', () => {
  const corpus = [...syntheticCorpus(6, 3)].flatMap((d) => [...entitiesQuads(sortedById(d.entities), { base: DEFAULT_BASE })]);

  /** `n` random edits (fixed seed): a triple dropped, given twice, its object taken from another triple or made a subject, its literal changed, or a triple added with another's predicate and object, or pointing back at its subject. */
  function edited(quads: readonly Quad[], n: number, seed: number): Quad[] {
    const next = random(seed);
    const pick = (): Quad => out[Math.floor(next() * out.length)] as Quad;
    const out = [...quads];
    for (let i = 0; i < n; i++) {
      const k = Math.floor(next() * out.length);
      const q = out[k] as Quad;
      const r = next();
      if (r < 0.2) out.splice(k, 1);
      else if (r < 0.35) out[k] = quad(q.subject, q.predicate, pick().object);
      else if (r < 0.5) { const o = pick(); out.splice(k + 1, 0, quad(q.subject, o.predicate, o.object)); }
      else if (r < 0.6) out.splice(k + 1, 0, q);
      else if (r < 0.75) out[k] = quad(q.subject, q.predicate, pick().subject);
      else if (r < 0.9) out[k] = q.object.termType === 'Literal' ? quad(q.subject, q.predicate, literal(`${q.object.value}1`, (q.object as Literal).language || (q.object as Literal).datatype)) : q;
      else { const o = pick(); out.splice(k + 1, 0, quad(o.object.termType === 'NamedNode' ? o.object : o.subject, q.predicate, q.subject)); }
    }
    return out;
  }

  it('agree on a file edited at random (its entities\' triples kept together, so that nodes of other groups are read again)', async () => {
    const quads = edited(corpus, 600, 21);
    const grouped = quads.map((q, i) => [groupOf(q.subject.value), i, q] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1])).map((x) => x[2]);
    const { oracle, inOrder } = await expectSameResults(grouped, 23);
    expect(inOrder.scattered).toBe(false);
    expect(inOrder.reread).toBe(true);
    expect(oracle.length).toBeGreaterThan(200);
  }, 300_000);

  it('agree on a file edited at random, its added triples where the edits put them', async () => {
    const { oracle, inOrder } = await expectSameResults(edited(corpus, 600, 29), 31);
    expect(inOrder.scattered).toBe(true);
    expect(oracle.length).toBeGreaterThan(200);
  }, 300_000);
});

describe('shapes the streaming validator compiles', () => {
  const EX = 'http://example.org/';
  const prefixes = `@prefix sh: <${SH}>. @prefix xsd: <${XSD}>. @prefix ex: <${EX}>. @prefix rdf: <${RDF}>.\n`;

  it('compiles the generated shapes as the declarations make them now, and the committed file', async () => {
    const chunks: string[] = [];
    await shapesFile('').write((c) => chunks.push(c));
    const fresh = compileShapes(parseShapes(chunks.join('')));
    expect(fresh.targeted.length).toBe(COMPILED.targeted.length);
    expect(COMPILED.targeted.length).toBeGreaterThan(30);
    expect([...COMPILED.inversePredicates].sort()).toEqual([`${KG}condition`, `${KG}content`, `${KG}correction`]);
  });

  it('gives the engine\'s results for constructs the generated shapes do not use (sh:node, sh:flags, severities, messages with parameters, blank property shapes, literals in sh:in, deactivated shapes)', async () => {
    const shapes = parseShapes(`${prefixes}
      ex:ThingShape a sh:NodeShape; sh:targetClass ex:Thing;
        sh:property [ sh:path ex:code; sh:pattern "^ab"; sh:flags "i"; sh:severity sh:Warning; sh:message "bad code {$pattern}"@en ];
        sh:property [ sh:path ex:part; sh:node ex:PartShape; sh:minCount 1 ];
        sh:property [ sh:path ex:size; sh:in ("S" "M" 3); sh:maxCount 2 ];
        sh:property [ sh:path ex:off; sh:minCount 5; sh:deactivated true ];
        sh:property [ sh:path ex:kind; sh:nodeKind sh:BlankNodeOrIRI; sh:datatype xsd:int ].
      ex:PartShape a sh:NodeShape; sh:closed true; sh:ignoredProperties (rdf:type ex:limit);
        sh:property [ sh:path ex:weight; sh:datatype xsd:decimal; sh:lessThanOrEquals ex:limit ].`);
    const compiled = compileShapes(shapes);
    const oracle = new ShaclChecker(shapes);
    const data = parseShapes(`${prefixes}
      ex:a a ex:Thing; ex:code "ABc", "xab", _:x; ex:part ex:p1, ex:p2; ex:size "S", "L", 3, 4; ex:kind "5"^^xsd:int, ex:k.
      ex:p1 ex:weight 2.5; ex:limit 1.0.
      ex:p2 ex:weight 1.0; ex:limit 2.0; ex:other 1.
      ex:b a ex:Thing; ex:kind "99999999999"^^xsd:int; ex:size "M".
      _:x ex:weight "heavy".`);
    const mine = await streamRun(data, compiled);
    const expected = await oracle.results(data);
    expect(expected.length).toBeGreaterThan(8);
    expect(mine.results.map((r) => resultKey(r)).sort()).toEqual(expected.map((r) => resultKey(r, blankNames(data))).sort());
  }, 120_000);

  it.each([
    ['another constraint component', 'ex:S a sh:NodeShape; sh:targetClass ex:T; sh:property [ sh:path ex:p; sh:minLength 2 ].', 'sh:minLength'],
    ['another target', 'ex:S a sh:NodeShape; sh:targetNode ex:a; sh:property [ sh:path ex:p; sh:minCount 1 ].', 'sh:targetNode'],
    ['a complex path', 'ex:S a sh:NodeShape; sh:targetClass ex:T; sh:property [ sh:path [ sh:alternativePath (ex:p ex:q) ]; sh:minCount 1 ].', 'sh:alternativePath'],
    ['a sequence path', 'ex:S a sh:NodeShape; sh:targetClass ex:T; sh:property [ sh:path (ex:p ex:q); sh:minCount 1 ].', 'sh:path'],
    ['logical constraints', 'ex:S a sh:NodeShape; sh:targetClass ex:T; sh:and (ex:A ex:B).', 'sh:and'],
    ['SPARQL constraints', 'ex:S a sh:NodeShape; sh:targetClass ex:T; sh:sparql [ sh:select "SELECT $this WHERE {}" ].', 'sh:sparql'],
    ['recursive shapes', 'ex:S a sh:NodeShape; sh:targetClass ex:T; sh:property [ sh:path ex:p; sh:node ex:S ].', 'recursive'],
    ['an implicit class target', 'ex:S a sh:NodeShape, <http://www.w3.org/2000/01/rdf-schema#Class>; sh:property [ sh:path ex:p; sh:minCount 1 ].', 'rdfs:Class'],
    ['owl:imports', 'ex:S a sh:NodeShape; <http://www.w3.org/2002/07/owl#imports> ex:other; sh:targetClass ex:T.', 'owl:imports'],
    ['a regular expression JavaScript cannot read', 'ex:S a sh:NodeShape; sh:targetClass ex:T; sh:property [ sh:path ex:p; sh:pattern "(" ].', 'regular expression'],
    ['a count on a node shape', 'ex:S a sh:NodeShape; sh:targetClass ex:T; sh:minCount 1.', 'without sh:path'],
  ])('refuses %s, naming it', (_what, turtle, named) => {
    const shapes = parseShapes(`${prefixes}${turtle}`);
    expect(() => compileShapes(shapes)).toThrow(UnsupportedShapes);
    expect(() => compileShapes(shapes)).toThrow(named);
  });
});

describe('kg validate with the streaming validator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-shacl-stream-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const kitchen = BASES[0]?.[1] ?? [];
  const [batch] = batches(mutations(kitchen), 1);
  let mutated = [...kitchen];
  for (const m of batch ?? []) mutated = m.apply(mutated);
  const write = (name: string, quads: readonly Quad[], format: string): string => {
    const writer = new Writer({ format });
    writer.addQuads(quads as Quad[]);
    let text = '';
    writer.end((_e: unknown, out: string) => { text = out; });
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const shaclFindings = (findings: readonly Finding[]): string[] => findings.filter((f) => f.kind === 'shacl').map((f) => JSON.stringify([f.focus, f.path, f.constraint, f.value, f.message])).sort();

  it.each([
    ['N-Triples, as the export writes it', 'mutated.nt', 'N-Triples', mutated],
    ['Turtle', 'mutated.ttl', 'Turtle', mutated],
    ['N-Triples with every triple shuffled', 'shuffled.nt', 'N-Triples', shuffled(mutated, 5)],
  ])('reports what rdf-validate-shacl reports on mutations of the kitchen sink in %s', async (_what, name, format, quads) => {
    const path = write(name, quads, format);
    const options = { base: DEFAULT_BASE, shapes: SHAPES, shaclMaxTriples: 200_000 };
    const stream = await validateFile(path, { ...options, shaclEngine: 'stream' });
    const engine = await validateFile(path, { ...options, shaclEngine: 'engine' });
    expect([stream.shacl, engine.shacl]).toEqual(['ran', 'ran']);
    expect(shaclFindings(stream.findings).length).toBeGreaterThan(100);
    expect(shaclFindings(stream.findings)).toEqual(shaclFindings(engine.findings));
    expect(stream.findings.filter((f) => f.kind !== 'shacl')).toEqual(engine.findings.filter((f) => f.kind !== 'shacl'));
  }, 300_000);

  it('prints each file\'s SHACL results as an sh:ValidationReport in Turtle with --format turtle, the same as the JSON report\'s', async () => {
    const bad = write('bad.nt', mutated, 'N-Triples');
    const good = write('good.nt', kitchen, 'N-Triples');
    const turtle = await runCli(['validate', bad, good, '--format', 'turtle']);
    const json = await runCli(['validate', bad, good, '--format', 'json']);
    expect([turtle.code, json.code]).toEqual([1, 1]);
    expect(turtle.stdout).toMatch(/^# decode: /m);
    const graph = new Parser().parse(turtle.stdout);
    const out = (s: Term, p: string): Term[] => graph.filter((q) => q.subject.equals(s) && q.predicate.value === p).map((q) => q.object);
    const reports = graph.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${SH}ValidationReport`).map((q) => q.subject);
    expect(reports.map((r) => [out(r, `${RDFS}label`)[0]?.value, out(r, `${SH}conforms`)[0]?.value])).toEqual([[bad, 'false'], [good, 'true']]);
    const show = (t: Term | undefined): string | undefined => {
      if (!t) return undefined;
      if (t.termType === 'BlankNode') return `^${out(t, `${SH}inversePath`)[0]?.value}`;
      return t.termType === 'Literal' ? `${JSON.stringify(t.value)}^^${(t as Literal).datatype.value}`.replace(/\^\^http:\/\/www.w3.org\/1999\/02\/22-rdf-syntax-ns#langString$/, `@${(t as Literal).language}`) : t.value;
    };
    const fromTurtle = out(reports[0] as Term, `${SH}result`).map((r) => JSON.stringify([show(out(r, `${SH}focusNode`)[0]), show(out(r, `${SH}resultPath`)[0]) ?? '', show(out(r, `${SH}sourceConstraintComponent`)[0]),
      show(out(r, `${SH}value`)[0]), out(r, `${SH}resultMessage`).map((m) => m.value).join('; ')])).sort();
    const fromJson = shaclFindings((JSON.parse(json.stdout) as Array<{ findings: Finding[] }>)[0]?.findings ?? []);
    expect(fromTurtle.length).toBeGreaterThan(100);
    expect(fromTurtle).toEqual(fromJson);
    expect(out(out(reports[0] as Term, `${SH}result`)[0] as Term, `${SH}resultSeverity`).map((t) => t.value)).toEqual([`${SH}Violation`]);
  }, 300_000);

  it('falls back to rdf-validate-shacl for --shapes it cannot compile, in memory up to --shacl-max-triples', async () => {
    const shapes = join(dir, 'other-shapes.ttl');
    writeFileSync(shapes, `@prefix sh: <${SH}>. <http://e.org/s> a sh:NodeShape; sh:targetClass <${KG}Person>; sh:property [ sh:path <${KG}name>; sh:minLength 100 ].\n`);
    const good = write('good.ttl', kitchen, 'Turtle');
    const small = await runCli(['validate', good, '--shapes', shapes]);
    expect(small.code).toBe(1);
    expect(small.stdout).toContain('sh:MinLengthConstraintComponent');
    const big = await runCli(['validate', good, '--shapes', shapes, '--shacl-max-triples', '10']);
    expect(big.code).toBe(0);
    expect(big.stdout).toContain('SHACL skipped: too many triples for the in-memory engine');
    await expect(validateFile(good, { base: DEFAULT_BASE, shapes: parseShapes(readFileSync(shapes, 'utf8')), shaclMaxTriples: 10, shaclEngine: 'stream' })).rejects.toThrow(/sh:minLength, which the streaming validator does not implement/);
  }, 300_000);
});
