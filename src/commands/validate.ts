// Validates RDF files in a stream: syntax (every error, with line and column), strict decoding and checks per entity, and SHACL (the streaming validator for shapes it compiles, else rdf-validate-shacl in memory).
import { DIRECT_EXTENSIONS, formatNamed, FORMATS } from '../rdf/formats.js';
import { asDirectFile, defaultGraph, firstMentions, INPUT_FORMATS, inTheGraph, ParseError, parseFile, PlacedDataError, type Finding } from '../rdf/read.js';
import { entityIriOf } from './import.js';

export { defaultGraph, INPUT_FORMATS, type Finding };
export { exitCodeOf, formatReportsText, type FileReport } from './validation-report.js';
import type { FileReport } from './validation-report.js';
import { closeSync, openSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { entityProblems, type CheckContext } from '../mapping/check.js';
import { CLASSES, type Entity } from '../model/classes.js';
import { decodeQuads } from '../mapping/decode.js';
import { DataError, InputError } from '../errors.js';
import { ancestorsOf, propertiesOf, type ClassDecl } from '../model/schema.js';
import { CLASS_HIERARCHY, ResultText, ShaclChecker, type ShaclResult } from './shacl.js';
import { compileShapes, UnsupportedShapes, type CompiledShapes } from './shacl-compile.js';
import { detached, StreamShacl } from './shacl-stream.js';
import { hash53, HashIndex } from '../mapping/hashindex.js';

export { hash53 };
import { KG_NS, RDF } from '../model/vocab.js';

/** Options of validation. */
export interface ValidateOptions {
  readonly base: string;
  /** The shapes to validate with (parsed from ontology/shapes.ttl unless the user gives others). */
  readonly shapes: readonly Quad[];
  /** Overrides the format the file extension implies: ttl, nt, nq or trig. */
  readonly inputFormat?: string;
  /**
   * Above this many triples, what would hold the whole graph in memory is skipped: the SHACL engine (for shapes the
   * streaming validator cannot compile), and SHACL and decoding of a file whose entities' triples are not together.
   */
  readonly shaclMaxTriples: number;
  /**
   * Which SHACL validator runs: `auto` (the default) the streaming one when it compiles the shapes, else
   * rdf-validate-shacl; `stream` the streaming one only (a UsageError for shapes it cannot compile); `engine`
   * rdf-validate-shacl, in memory.
   */
  readonly shaclEngine?: 'auto' | 'stream' | 'engine';
  /** Told each SHACL result, as terms (for an sh:ValidationReport). */
  readonly onShaclResult?: (result: ShaclResult) => void;
  /** At most this many syntax errors are reported per file. */
  readonly maxSyntaxErrors?: number;
  /** Told the step validation is at, and how many triples it has read in it so far (for a progress line). */
  readonly onStep?: (step: ValidateStep, triples: number) => void;
}

/** The steps of validating one file. */
export type ValidateStep = 'parsing' | 'decoding' | 'SHACL';

/** The entity an IRI belongs to: the IRI itself, or the part before `#` for nodes embedded in an entity. */
function entityKey(iri: string): string {
  const hash = iri.indexOf('#');
  return hash < 0 ? iri : iri.slice(0, hash);
}

const CLASS_LIST: readonly ClassDecl[] = CLASSES;
const CLASS_INDEX: ReadonlyMap<string, number> = new Map(CLASS_LIST.map((c, i) => [c.iri, i]));
/** Abstract classes of ours (kg:Item, kg:Agent …): asserted with an entity's class, never its class, so not indexed. */
const ABSTRACT: ReadonlySet<string> = new Set(CLASS_LIST.filter((c) => c.abstract).map((c) => c.iri));
/** Index 255 stands for a type that is not a class of ours. */
const NOT_OURS = 255;

/**
 * Of two types of one subject (indexes into CLASS_LIST), the one that names its class: an entity is typed with its
 * class and each of its superclasses of ours, so the more specific one wins; a class of ours beats a stranger. For
 * unrelated types (invalid data, reported by decoding) the one with more superclasses wins, then the first.
 */
function moreSpecific(a: number, b: number): number {
  const ca = CLASS_LIST[a];
  const cb = CLASS_LIST[b];
  if (!ca) return b;
  if (!cb) return a;
  if (ancestorsOf(ca).includes(cb)) return a;
  if (ancestorsOf(cb).includes(ca)) return b;
  return ancestorsOf(cb).length > ancestorsOf(ca).length ? b : a;
}
const REFERENCED_BY: ReadonlyArray<{ cls: string; prop: string; iri: string }> = (CLASSES as readonly ClassDecl[]).flatMap((c) => {
  if (!c.referencedBy) return [];
  const by = (CLASSES as readonly ClassDecl[]).find((d) => d.name === c.referencedBy?.cls);
  const via = by && propertiesOf(by).find((p) => p.key === c.referencedBy?.prop);
  return via ? [{ cls: c.referencedBy.cls, prop: c.referencedBy.prop, iri: via.prop.iri }] : [];
});

/** Validates one file; never throws for bad input, which is reported as findings (with file:line:column where the file has them). */
export async function validateFile(path: string, options: ValidateOptions): Promise<FileReport> {
  const report = (status: FileReport['status'], findings: Finding[], triples = 0, entities = 0, shacl: FileReport['shacl'] = 'not reached'): FileReport =>
    ({ file: path, status, triples, entities, shacl, findings });
  const ext = (options.inputFormat ?? extname(path).slice(1)).toLowerCase();
  const jsonLd = formatNamed(ext) === 'jsonld';
  const format = INPUT_FORMATS[ext];
  if (!format && !jsonLd) return report('unreadable', [{ kind: 'read', message: `unknown RDF format "${ext}": use ${DIRECT_EXTENSIONS}, or --input-format` }]);
  try {
    if (statSync(path).isDirectory()) return report('unreadable', [{ kind: 'read', message: 'is a directory, not a file' }]);
    closeSync(openSync(path, 'r'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code ?? String(error);
    return report('unreadable', [{ kind: 'read', message: `cannot read: ${why}` }]);
  }
  if (!jsonLd) return { ...(await validateDirect(path, format ?? '', options, true)), file: path };
  // JSON-LD is read as its graph in N-Quads (one reader for every format); positions in that graph are not the file's,
  // so decoding and SHACL findings carry none.
  let direct;
  try {
    direct = await asDirectFile(path, 'jsonld');
  } catch (error) {
    if (error instanceof ParseError) return report('unreadable', [...error.findings]);
    if (error instanceof PlacedDataError) {
      // Each problem has its place; it names its node (focus) when it is in one with an "@id".
      return report('invalid', error.problems.map((p, k) => ({ kind: 'decode', ...error.places[k], ...(p.entity.startsWith(`${path}:`) ? {} : { focus: p.entity }), path: p.field, message: p.message.replace(/ \(at [^()]*\)$/, '') })));
    }
    if (error instanceof InputError) return report('unreadable', [{ kind: 'read', message: error.message }]);
    throw error;
  }
  try {
    return { ...(await validateDirect(direct?.path ?? path, FORMATS.nquads.mediaType, options, false)), file: path };
  } finally {
    direct?.cleanup();
  }
}

/** Validates a file the line-based reader reads (`format` a media type); `positions` says whether to tell where in it each problem's entity is written. */
async function validateDirect(path: string, format: string, options: ValidateOptions, positions: boolean): Promise<FileReport> {
  const report = (status: FileReport['status'], findings: Finding[], triples = 0, entities = 0, shacl: FileReport['shacl'] = 'not reached'): FileReport =>
    ({ file: path, status, triples, entities, shacl, findings });

  // Pass 1: syntax, and what checking an entity needs to know of the others (classes, document texts, back references),
  // and what the streaming SHACL validator indexes (types, subclasses, inverse-path triples). The indexes hold 53-bit
  // hashes of IRIs, not the IRIs, so that their memory stays small for large files.
  const findings: Finding[] = [];
  const classOf = new HashIndex();
  const texts = new Map<string, string>();
  const referenced = new HashIndex();
  const runs = new HashIndex();
  const shacl = shaclFor(options);
  const text = textFor(options.shapes);
  const onResult = (r: ShaclResult): void => {
    const v = text.violation(r);
    findings.push({ kind: 'shacl', focus: v.focus, path: v.path, constraint: v.constraint, ...(v.value ? { value: v.value } : {}), message: v.message });
    options.onShaclResult?.(r);
  };
  const stream = shacl.compiled ? new StreamShacl(shacl.compiled, CLASS_HIERARCHY, onResult) : undefined;
  let triples = 0;
  let key = '';
  const step = options.onStep ?? ((): void => {});
  step('parsing', 0);
  for await (const q of parseFile(path, format, findings, options.maxSyntaxErrors ?? 50)) {
    triples++;
    if ((triples & 0xffff) === 0) step('parsing', triples);
    if (q.predicate.value === RDF.type && q.object.termType === 'NamedNode' && !ABSTRACT.has(q.object.value)) classOf.add(hash53(q.subject.value), CLASS_INDEX.get(q.object.value) ?? NOT_OURS);
    else if (q.predicate.value === `${KG_NS}text` && q.object.termType === 'Literal') texts.set(detached(q.subject.value), detached(q.object.value));
    for (const r of REFERENCED_BY) if (q.predicate.value === r.iri) referenced.add(hash53(`${r.cls} ${r.prop} ${q.object.value}`), 1);
    const k = q.subject.termType === 'NamedNode' ? entityKey(q.subject.value) : `_:${q.subject.value}`;
    if (k !== key) { runs.add(hash53(k), 0); key = k; }
    stream?.index(q);
  }
  if (findings.length) return report('unreadable', positions ? findings : findings.map(inTheGraph), triples);
  if (triples === 0) return report('invalid', [{ kind: 'empty', message: 'the file holds no triples' }]);
  classOf.freeze(moreSpecific); // an entity has several types (its class and its superclasses): keep its class
  referenced.freeze();
  // Scattered: some entity's triples are not together (not as the exporter writes them), so that entity by entity
  // will not do: decoding (and SHACL) take the whole graph in memory, up to shaclMaxTriples.
  const scattered = runs.freeze();
  stream?.endIndex();
  const inMemory = triples <= options.shaclMaxTriples;
  const streaming = stream && (!scattered || inMemory) ? stream : undefined;

  // Pass 2: decode and check entity by entity (each entity's triples, with its embedded nodes, come together), and
  // validate each entity's group against the compiled shapes.
  const context: CheckContext = {
    classOf: (id) => CLASS_LIST[classOf.get(hash53(options.base + id)) ?? NOT_OURS],
    sourceText: (id) => texts.get(options.base + id),
    isReferenced: (id, cls, prop) => referenced.get(hash53(`${cls} ${prop} ${options.base}${id}`)) !== undefined,
  };
  const keepAll = inMemory && (scattered || !stream);
  const all: Quad[] = [];
  let group: Quad[] = [];
  let entities = 0;
  key = '';
  const flush = (): void => {
    if (!group.length) return;
    entities++;
    if (!scattered) checkGroup(group);
    group = [];
  };
  const checkGroup = (quads: Quad[]): void => {
    let decoded: Entity[];
    try {
      decoded = decodeQuads(quads.map(defaultGraph), { base: options.base });
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      for (const p of error.problems) findings.push({ kind: 'decode', focus: p.entity, path: p.field, message: p.message });
      return;
    }
    for (const e of decoded) for (const p of entityProblems(e, context)) findings.push({ kind: 'check', focus: p.entity, path: p.field, message: p.message });
  };
  let read = 0;
  step('decoding', 0);
  for await (const q of parseFile(path, format, findings, 1)) {
    if ((++read & 0xffff) === 0) step('decoding', read);
    if (keepAll) all.push(q);
    streaming?.check(q);
    const k = q.subject.termType === 'NamedNode' ? entityKey(q.subject.value) : `_:${q.subject.value}`;
    if (k !== key) { flush(); key = k; }
    group.push(q);
  }
  flush();
  if (scattered) {
    // An entity's triples were spread over the file: decode the whole graph at once instead (in memory).
    if (!inMemory) findings.push({ kind: 'check', message: `the triples of some entities are not together and the file has more than ${options.shaclMaxTriples} triples: only checked entity by entity` });
    else checkGroup(all);
  }

  let ran: FileReport['shacl'] = 'skipped';
  if (streaming) {
    ran = 'ran';
    step('SHACL', triples);
    streaming.endCheck();
    // Constraints that reached nodes written elsewhere in the file (not as the exporter writes): read it again for them.
    await streaming.finish(() => parseFile(path, format, [], 1));
  } else if (!stream && inMemory) {
    ran = 'ran';
    step('SHACL', triples);
    for (const r of await checkerFor(options.shapes).results(all.map(defaultGraph))) onResult(r);
  }
  return report(findings.length ? 'invalid' : 'valid', positions ? placeFindings(path, findings, options.base) : findings, triples, entities, ran);
}

/** The findings, each with the line and column where its entity (focus) is first written in the file, when found. */
function placeFindings(path: string, findings: Finding[], base: string): Finding[] {
  const iriOf = (f: Finding): string | undefined => (f.focus === undefined || f.line !== undefined ? undefined : entityIriOf(f.focus, base));
  const iris = new Set<string>();
  for (const f of findings) {
    const iri = iriOf(f);
    if (iri !== undefined && iris.size < 1000) iris.add(iri);
  }
  if (!iris.size) return findings;
  const places = firstMentions(path, iris);
  return findings.map((f) => {
    const iri = iriOf(f);
    const at = iri === undefined ? undefined : places.get(iri);
    return at ? { ...f, line: at.line, column: at.column } : f;
  });
}

const checkers = new WeakMap<readonly Quad[], ShaclChecker>();
const compiledShapes = new WeakMap<readonly Quad[], { compiled?: CompiledShapes }>();
const texts = new WeakMap<readonly Quad[], ResultText>();

/**
 * The SHACL validator for the options' shapes, compiled once per shapes graph: the streaming one when it compiles
 * them (always the generated shapes), else none (rdf-validate-shacl runs, in memory).
 * @throws UnsupportedShapes (a UsageError) with `shaclEngine: 'stream'` for shapes the streaming validator cannot compile.
 */
function shaclFor(options: ValidateOptions): { compiled?: CompiledShapes } {
  if (options.shaclEngine === 'engine') return {};
  let known = compiledShapes.get(options.shapes);
  if (!known) {
    try {
      known = { compiled: compileShapes(options.shapes) };
    } catch (error) {
      if (!(error instanceof UnsupportedShapes) || options.shaclEngine === 'stream') throw error;
      known = {};
    }
    compiledShapes.set(options.shapes, known);
  }
  if (!known.compiled && options.shaclEngine === 'stream') return { compiled: compileShapes(options.shapes) };
  return known;
}

/** How results are printed for a shapes graph (one per graph, reused across files). */
function textFor(shapes: readonly Quad[]): ResultText {
  let text = texts.get(shapes);
  if (!text) texts.set(shapes, (text = new ResultText(shapes)));
  return text;
}

/** One SHACL checker per shapes graph, reused across files. */
function checkerFor(shapes: readonly Quad[]): ShaclChecker {
  let checker = checkers.get(shapes);
  if (!checker) checkers.set(shapes, (checker = new ShaclChecker(shapes)));
  return checker;
}
