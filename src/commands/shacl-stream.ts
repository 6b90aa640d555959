// Streaming SHACL validation with compiled shapes: a first pass indexes types, subclasses and inverse-path triples; a second validates each entity's group of triples; nodes a group does not hold are fetched by a further pass.
import type { BlankNode, Literal, NamedNode, Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { hash53 } from '../mapping/hashindex.js';
import { termKey, validateShape, type CompiledShapes, type Constraint, type DataAccess, type Shape, type Sink } from './shacl-compile.js';

const { blankNode, literal, namedNode } = DataFactory;

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS_SUBCLASS_OF = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';
const EMPTY: readonly Term[] = [];
const NO_TRIPLES = { predicates: [] as NamedNode[], objects: EMPTY };

/** One SHACL validation result, with the terms rdf-validate-shacl gives (SHACL §3.6.2). */
export interface ShaclResult {
  readonly focus: Term;
  /** sh:resultPath: the shape's path as the shapes graph writes it (an IRI, or the blank node of an inverse path), or the predicate of a closed-shape result. */
  readonly path?: Term;
  readonly value?: Term;
  readonly component: NamedNode;
  readonly shape: Term;
  readonly severity: NamedNode;
  /** sh:resultMessage, as the engine derives them (none for sh:class and sh:or without sh:message). */
  readonly messages: readonly Literal[];
}

/**
 * A copy of a string that shares no memory with the text it was cut from: the parser's IRIs and literals are slices
 * of the chunk they were read from, and keeping one would keep the whole chunk (the file, over a long index).
 */
export function detached(text: string): string {
  return (` ${text}`).slice(1);
}

/** A term whose value shares no memory with the parser's input (see detached). */
function detachedTerm(t: Term): Term {
  if (t.termType === 'NamedNode') return namedNode(detached(t.value));
  if (t.termType === 'Literal') return literal(detached(t.value), (t as Literal).language || namedNode(detached((t as Literal).datatype.value)));
  return t;
}

/** The group a node's triples belong to: an IRI without its fragment (nodes embedded in an entity come with it), or the blank node itself. */
function groupOf(key: string): string {
  if (key.startsWith('_:')) return key;
  const hash = key.indexOf('#');
  return hash < 0 ? key : key.slice(0, hash);
}

/**
 * Blank nodes named by the order in which they first occur (b1, b2, …): the parser labels them afresh on every read
 * of a file, and each pass must name each one alike.
 */
class BlankLabels {
  private readonly labels = new Map<string, BlankNode>();

  /** The term, or its stable blank node. */
  term(t: Term): Term {
    if (t.termType !== 'BlankNode') return t;
    let b = this.labels.get(t.value);
    if (!b) this.labels.set(detached(t.value), (b = blankNode(`b${this.labels.size + 1}`)));
    return b;
  }
}

/** A growable array of 53-bit hashes, sorted once complete. */
class HashSet {
  private hashes = new Float64Array(1024);
  private size = 0;

  add(hash: number): void {
    if (this.size === this.hashes.length) { const h = new Float64Array(this.size * 2); h.set(this.hashes); this.hashes = h; }
    this.hashes[this.size++] = hash;
  }

  /** Sorts and drops repeats; returns whether any hash was added twice. */
  freeze(): boolean {
    const sorted = this.hashes.subarray(0, this.size).sort();
    let n = 0;
    let repeated = false;
    for (let i = 0; i < sorted.length; i++) {
      if (n > 0 && sorted[n - 1] === sorted[i]) { repeated = true; continue; }
      sorted[n++] = sorted[i] ?? 0;
    }
    this.hashes = sorted.slice(0, n);
    this.size = n;
    return repeated;
  }

  /** The index of a hash once frozen, or -1. */
  indexOf(hash: number): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const h = this.hashes[mid] ?? 0;
      if (h === hash) return mid;
      if (h < hash) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  }
}

/** The triples of one node: objects by predicate, without repeats. */
class NodeData {
  readonly preds = new Map<string, Term[]>();
  /** Every triple, as a predicate and an object at the same index. */
  readonly predicates: NamedNode[] = [];
  readonly objects: Term[] = [];
  /** Its type set (an index into the interned sets), once computed. */
  typeSet = -2;

  constructor(readonly key: string, readonly term: Term) {}

  add(predicate: NamedNode, object: Term): void {
    const objects = this.preds.get(predicate.value);
    if (!objects) this.preds.set(predicate.value, [object]);
    else {
      for (let i = 0; i < objects.length; i++) if ((objects[i] as Term).equals(object)) return;
      objects.push(object);
    }
    this.predicates.push(predicate);
    this.objects.push(object);
  }
}

/** Thrown when a constraint needs the triples of a node that the data at hand does not hold (they are elsewhere in the file). */
class Missing {
  constructor(readonly key: string) {}
}

/** How the validation reads the data graph at one moment: nodes at hand, and how to tell a node without triples from one held elsewhere. */
class View implements DataAccess {
  constructor(private readonly run: StreamShacl, private readonly nodes: ReadonlyMap<string, NodeData>, private readonly elsewhere: (key: string) => boolean) {}

  private lastTerm: Term | undefined;
  private lastNode: NodeData | undefined;

  private node(t: Term): NodeData | undefined {
    if (t === this.lastTerm) return this.lastNode; // a shape asks for one focus node's values many times over
    const key = termKey(t);
    let n = this.nodes.get(key);
    if (!n) {
      if (this.elsewhere(key)) throw new Missing(key);
      n = this.run.extra.get(key);
    }
    this.lastTerm = t;
    this.lastNode = n;
    return n;
  }

  objects(node: Term, predicate: string): readonly Term[] {
    return this.node(node)?.preds.get(predicate) ?? EMPTY;
  }

  triples(node: Term): { readonly predicates: readonly NamedNode[]; readonly objects: readonly Term[] } {
    return this.node(node) ?? NO_TRIPLES;
  }

  subjects(node: Term, predicate: string): readonly Term[] {
    return this.run.inverse.get(predicate)?.get(termKey(node)) ?? EMPTY;
  }

  isInstance(node: Term, cls: string): boolean {
    const key = termKey(node);
    const n = this.nodes.get(key);
    const set = n ? this.run.typeSetOfNode(n) : this.run.typeSetOfKey(key);
    return set >= 0 && this.run.classesOf(set).has(cls);
  }
}

/**
 * One file's streaming validation with compiled shapes. Feed every quad of the file to `index` (first pass), call
 * `endIndex`, feed every quad again to `check` (second pass), call `endCheck`, then `finish` (which reads the file
 * again only when some constraint needed a node held in another part of it). Results go to `onResult`, focus node by
 * focus node. Triples are grouped as the exporter writes them: each entity's (IRI without `#…`) together; a file whose
 * groups are scattered is validated as a whole in memory instead. `extra` quads (the ontology's rdfs:subClassOf) are
 * part of the data graph, as in the engine's.
 */
export class StreamShacl {
  /** Extra triples by subject. */
  readonly extra = new Map<string, NodeData>();
  /** Subjects of the triples of each inverse-path predicate, by object. */
  readonly inverse = new Map<string, Map<string, Term[]>>();
  /** The lengths of the inverse-path predicates: most predicates are told apart without hashing them. */
  private readonly inverseLengths = new Set<number>();
  private readonly typeIds = new Map<string, number>();
  private readonly typeKeys: string[] = [];
  private readonly typeSets = new Map<string, number>();
  private readonly packedSets = new Map<number, number>();
  private readonly setMembers: number[][] = [];
  private readonly setClasses: Array<Set<string> | undefined> = [];
  private readonly setShapes: Array<readonly Shape[] | undefined> = [];
  private readonly superEdges = new Map<string, string[]>();
  private readonly subjects = new HashSet();
  private readonly groups = new HashSet();
  private typedHashes = new Float64Array(1024);
  private typedSets = new Uint32Array(1024);
  private typedCount = 0;
  private labels = new BlankLabels();
  private lastSubject: Term | undefined;
  private lastKey = '';
  private lastGroup: string | undefined;
  private currentTypes: number[] = [];
  private scattered = false;
  private group = new Map<string, NodeData>();
  private node: NodeData | undefined;
  private readonly all = new Map<string, NodeData>();
  private readonly deferred = new Map<string, NodeData>();
  private readonly missing = new Set<string>();
  private readonly absent = new Set<string>();
  private readonly collected = new Map<string, NodeData>();
  private buffer: ShaclResult[] = [];
  private readonly sink: Sink = (c: Constraint, focus, value, path, message) => {
    const p = path ?? c.shape.path?.term;
    this.buffer.push({
      focus, ...(p ? { path: p } : {}), ...(value ? { value } : {}),
      component: c.component, shape: c.shape.term, severity: c.shape.severity, messages: message === undefined ? c.messages : [c.message(message)],
    });
  };

  /** A validation of one file against compiled shapes; `extra` quads are added to the data graph. */
  constructor(private readonly shapes: CompiledShapes, extra: Iterable<Quad>, private readonly onResult: (r: ShaclResult) => void) {
    for (const p of shapes.inversePredicates) { this.inverse.set(p, new Map()); this.inverseLengths.add(p.length); }
    for (const q of extra) {
      const key = termKey(q.subject);
      let n = this.extra.get(key);
      if (!n) this.extra.set(key, (n = new NodeData(key, q.subject)));
      n.add(q.predicate as NamedNode, q.object);
      this.indexTriple(q.subject, q.predicate.value, q.object);
    }
    for (const n of this.extra.values()) {
      const types = n.preds.get(RDF_TYPE);
      if (types) this.addTyped(hash53(n.key), this.internSet(types.map((t) => this.typeId(termKey(t)))));
    }
  }

  // ----- first pass -----------------------------------------------------------------------------------------------

  /** First pass: one quad of the file (in file order). */
  index(q: Quad): void {
    const s = q.subject.termType === 'BlankNode' ? this.labels.term(q.subject) : q.subject;
    const o = q.object.termType === 'BlankNode' ? this.labels.term(q.object) : q.object;
    if (s !== this.lastSubject && !(this.lastSubject && s.termType === this.lastSubject.termType && s.value === this.lastSubject.value)) {
      this.endSubject();
      this.lastSubject = s;
      this.lastKey = termKey(s);
      this.subjects.add(hash53(this.lastKey));
      const group = groupOf(this.lastKey);
      if (group !== this.lastGroup) { this.groups.add(hash53(group)); this.lastGroup = group; }
    }
    const p = q.predicate.value;
    if (p === RDF_TYPE) this.currentTypes.push(this.typeId(termKey(o)));
    this.indexTriple(s, p, o);
  }

  private indexTriple(s: Term, p: string, o: Term): void {
    if (p === RDFS_SUBCLASS_OF) {
      const sub = detached(termKey(s));
      const edges = this.superEdges.get(sub);
      if (edges) edges.push(detached(termKey(o))); else this.superEdges.set(sub, [detached(termKey(o))]);
    }
    if (!this.inverseLengths.has(p.length)) return;
    const inverse = this.inverse.get(p);
    if (inverse) {
      const key = termKey(o);
      const subjects = inverse.get(key);
      if (!subjects) inverse.set(detached(key), [detachedTerm(s)]);
      else if (!subjects.some((x) => x.equals(s))) subjects.push(detachedTerm(s));
    }
  }

  private endSubject(): void {
    if (!this.currentTypes.length) return;
    this.addTyped(hash53(this.lastKey), this.internSet(this.currentTypes));
    this.currentTypes = [];
  }

  private addTyped(hash: number, set: number): void {
    if (this.typedCount === this.typedHashes.length) {
      const h = new Float64Array(this.typedCount * 2); h.set(this.typedHashes); this.typedHashes = h;
      const v = new Uint32Array(this.typedCount * 2); v.set(this.typedSets); this.typedSets = v;
    }
    this.typedHashes[this.typedCount] = hash;
    this.typedSets[this.typedCount++] = set;
  }

  /** Ends the first pass: sorts the indexes; returns whether the file's groups are scattered (then `check` keeps every triple in memory). */
  endIndex(): boolean {
    this.endSubject();
    this.lastSubject = undefined;
    this.subjects.freeze();
    this.scattered = this.groups.freeze();
    // Types by subject hash: sorted, the sets of a subject written in several places merged.
    const order = Array.from({ length: this.typedCount }, (_, i) => i).sort((a, b) => (this.typedHashes[a] ?? 0) - (this.typedHashes[b] ?? 0));
    const hashes = new Float64Array(this.typedCount);
    const sets = new Uint32Array(this.typedCount);
    let n = 0;
    for (const i of order) {
      const h = this.typedHashes[i] ?? 0;
      const set = this.typedSets[i] ?? 0;
      if (n > 0 && hashes[n - 1] === h) {
        sets[n - 1] = this.internSet([...(this.setMembers[sets[n - 1] ?? 0] ?? []), ...(this.setMembers[set] ?? [])]);
        continue;
      }
      hashes[n] = h;
      sets[n++] = set;
    }
    this.typedHashes = hashes.slice(0, n);
    this.typedSets = sets.slice(0, n);
    this.typedCount = n;
    this.labels = new BlankLabels();
    return this.scattered;
  }

  // ----- types and classes ----------------------------------------------------------------------------------------

  private typeId(key: string): number {
    let id = this.typeIds.get(key);
    if (id === undefined) { id = this.typeKeys.length; this.typeIds.set(detached(key), id); this.typeKeys.push(detached(key)); }
    return id;
  }

  private internSet(ids: readonly number[]): number {
    // Up to four types, each of the first 4096 told apart, packed into one number: a cache that skips sorting.
    let packed = ids.length <= 4 ? ids.length : -1;
    for (let i = 0; packed >= 0 && i < ids.length; i++) {
      const id = ids[i] ?? 0;
      packed = id < 4096 ? packed * 4096 + id : -1;
    }
    if (packed >= 0) {
      const known = this.packedSets.get(packed);
      if (known !== undefined) return known;
    }
    const set = this.internSorted(ids);
    if (packed >= 0) this.packedSets.set(packed, set);
    return set;
  }

  private internSorted(ids: readonly number[]): number {
    const members = [...new Set(ids)].sort((a, b) => a - b);
    const key = members.join(',');
    let set = this.typeSets.get(key);
    if (set === undefined) { set = this.setMembers.length; this.typeSets.set(key, set); this.setMembers.push(members); }
    return set;
  }

  /** The type set of a node at hand (-1: no type). */
  typeSetOfNode(n: NodeData): number {
    if (n.typeSet === -2) {
      const types = n.preds.get(RDF_TYPE);
      n.typeSet = types ? this.internSet(types.map((t) => this.typeId(termKey(t)))) : -1;
    }
    return n.typeSet;
  }

  /** The type set of any node of the file, from the first pass's index (-1: no type). */
  typeSetOfKey(key: string): number {
    const hash = hash53(key);
    let lo = 0;
    let hi = this.typedCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const h = this.typedHashes[mid] ?? 0;
      if (h === hash) return this.typedSets[mid] ?? -1;
      if (h < hash) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  }

  /** Every class an instance with this type set belongs to: its types and their superclasses (rdfs:subClassOf*, in the data graph). */
  classesOf(set: number): Set<string> {
    let classes = this.setClasses[set];
    if (classes) return classes;
    classes = new Set();
    const visit = (c: string): void => {
      if (classes?.has(c)) return;
      classes?.add(c);
      for (const up of this.superEdges.get(c) ?? []) visit(up);
    };
    for (const id of this.setMembers[set] ?? []) visit(this.typeKeys[id] ?? '');
    this.setClasses[set] = classes;
    return classes;
  }

  /** The shapes whose targets include an instance with this type set (sh:targetClass of one of its classes). */
  private shapesOf(set: number): readonly Shape[] {
    let shapes = this.setShapes[set];
    if (shapes) return shapes;
    const found = new Set<Shape>();
    for (const c of this.classesOf(set)) for (const s of this.shapes.byClass.get(c) ?? []) found.add(s);
    shapes = [...found];
    this.setShapes[set] = shapes;
    return shapes;
  }

  // ----- second pass ----------------------------------------------------------------------------------------------

  /** Second pass: one quad of the file (in the same order as the first). */
  check(q: Quad): void {
    const s = q.subject.termType === 'BlankNode' ? this.labels.term(q.subject) : q.subject;
    const o = q.object.termType === 'BlankNode' ? this.labels.term(q.object) : q.object;
    if (!this.node || !(s === this.node.term || (s.termType === this.node.term.termType && s.value === this.node.term.value))) {
      const key = termKey(s);
      if (this.scattered) {
        this.node = this.all.get(key) ?? this.newNode(this.all, key, s);
      } else {
        const group = groupOf(key);
        if (group !== this.lastGroup) { this.endGroup(); this.lastGroup = group; }
        this.node = this.group.get(key) ?? this.newNode(this.group, key, s);
      }
    }
    this.node.add(q.predicate as NamedNode, o);
  }

  private newNode(into: Map<string, NodeData>, key: string, term: Term): NodeData {
    const n = new NodeData(key, term);
    const extra = this.extra.get(key);
    if (extra) for (let i = 0; i < extra.predicates.length; i++) n.add(extra.predicates[i] as NamedNode, extra.objects[i] as Term);
    into.set(key, n);
    return n;
  }

  private endGroup(): void {
    if (!this.group.size) return;
    const group = this.lastGroup;
    const view = new View(this, this.group, (key) => groupOf(key) !== group && this.subjects.indexOf(hash53(key)) >= 0);
    for (const n of this.group.values()) this.validate(n, view);
    this.group = new Map();
  }

  /** Ends the second pass: validates the last group (or, for a scattered file, every node held in memory). */
  endCheck(): void {
    this.node = undefined;
    if (this.scattered) {
      const view = new View(this, this.all, () => false);
      for (const n of this.all.values()) this.validate(n, view);
      this.all.clear();
    } else {
      this.endGroup();
    }
    // Extra triples about nodes the file does not have: validated as the engine would (they have no targets in practice).
    const view = new View(this, this.extra, (key) => this.subjects.indexOf(hash53(key)) >= 0);
    for (const n of this.extra.values()) if (this.subjects.indexOf(hash53(n.key)) < 0) this.validate(n, view);
    this.labels = new BlankLabels();
  }

  /** Whether some focus nodes wait for triples held elsewhere in the file (then `finish` reads it again). */
  get pending(): boolean {
    return this.deferred.size > 0;
  }

  /**
   * Validates the focus nodes whose constraints needed nodes held elsewhere: reads the file again (`reread`, the same
   * quads in the same order) keeping just those nodes' triples, as many times as nested shapes reach further.
   */
  async finish(reread: () => AsyncIterable<Quad>): Promise<void> {
    while (this.deferred.size) {
      const wanted = new Set<string>();
      for (const key of [...this.deferred.keys(), ...this.missing]) if (!this.collected.has(key) && !this.absent.has(key)) wanted.add(key);
      this.missing.clear();
      if (wanted.size) {
        const labels = new BlankLabels();
        for await (const q of reread()) {
          const s = q.subject.termType === 'BlankNode' ? labels.term(q.subject) : q.subject;
          const o = q.object.termType === 'BlankNode' ? labels.term(q.object) : q.object;
          const key = termKey(s);
          if (!wanted.has(key)) continue;
          (this.collected.get(key) ?? this.newNode(this.collected, key, s)).add(q.predicate as NamedNode, o);
        }
        for (const key of wanted) if (!this.collected.has(key)) this.absent.add(key);
      }
      const focuses = [...this.deferred.keys()];
      this.deferred.clear();
      const view = new View(this, this.collected, (key) => !this.collected.has(key) && !this.absent.has(key) && this.subjects.indexOf(hash53(key)) >= 0);
      for (const key of focuses) {
        const n = this.collected.get(key);
        if (n) this.validate(n, view);
      }
      if (!wanted.size && this.deferred.size) throw new Error('streaming SHACL: a node stays out of reach');
    }
  }

  /** Validates one node against every shape that targets it; results are kept back until all its shapes are done. */
  private validate(n: NodeData, view: View): void {
    const set = this.typeSetOfNode(n);
    if (set < 0) return;
    const shapes = this.shapesOf(set);
    if (!shapes.length) return;
    this.buffer = [];
    try {
      for (const shape of shapes) validateShape(shape, n.term, view, this.sink);
    } catch (error) {
      if (!(error instanceof Missing)) throw error;
      this.missing.add(error.key);
      this.deferred.set(n.key, n);
      return;
    }
    for (const r of this.buffer) this.onResult(r);
  }
}
