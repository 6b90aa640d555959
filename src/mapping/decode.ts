// Reads quads back into entities, strictly: an unknown class, predicate or value is an error that names it.
import type { Quad, Term } from '@rdfjs/types';
import { CLASSES, type Entity } from '../model/classes.js';
import { assertedClasses, termKey } from './encode.js';
import { DataError, type DataProblem } from '../errors.js';
import { embeddedIri, enumIri, ID_PATTERN, idFromIri } from './iri.js';
import { CODECS, describeTerm } from './literals.js';
import { isMany, propertiesOf, type ClassDecl, type PropDecl } from '../model/schema.js';
import { KG_NS, RDF } from '../model/vocab.js';

/** Every class of ours by IRI: concrete, abstract and embedded ones. */
const CLASS_BY_IRI: ReadonlyMap<string, ClassDecl> = new Map((CLASSES as readonly ClassDecl[]).map((c) => [c.iri, c]));

/** A class as messages name it: `kg:Person` for ours, `<iri>` otherwise. */
function shortName(decl: ClassDecl): string {
  return decl.iri.startsWith(KG_NS) ? `kg:${decl.iri.slice(KG_NS.length)}` : `<${decl.iri}>`;
}

/** `a`, `a and b`, `a, b and c`. */
function listing(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

type Node = Map<string, Term[]>;

/** The id rule (ID_PATTERN), in the words checkId uses for the TypeScript and JSON data. */
const ID_RULE = '"<prefix>/<slug>" or "<prefix>/<article>/<slug>" (lower-case letters, digits, hyphens)';

/**
 * Why an IRI does not name an entity under the base: it is outside the base, or its id breaks the id rule; undefined
 * when it does name one.
 */
export function entityIriProblem(base: string, iri: string): string | undefined {
  if (!iri.startsWith(base)) return `<${iri}> is not under the base <${base}> (--base): an entity's IRI is the base followed by its id`;
  const id = iri.slice(base.length);
  if (ID_PATTERN.test(id)) return undefined;
  return `<${iri}>: the id ${JSON.stringify(id)} is not of the form ${ID_RULE}`;
}

/** The problem of a subject that no entity took: an IRI that is not an entity's, or a node embedded in one that none of its properties has as a value. */
function strangerProblem(base: string, iri: string, isSubject: (iri: string) => boolean): DataProblem {
  const hash = iri.indexOf('#');
  const owner = hash < 0 ? iri : iri.slice(0, hash);
  const ownerProblem = entityIriProblem(base, owner);
  const entity = iri.startsWith(base) ? iri.slice(base.length) : `<${iri}>`;
  if (ownerProblem) {
    return { entity, field: 'id', message: hash < 0 ? ownerProblem : `node <${iri}> is embedded in no entity: ${ownerProblem}` };
  }
  const ownerId = owner.slice(base.length);
  return {
    entity: ownerId, field: iri.slice(hash),
    message: `node <${iri}> is not the value of any property of ${ownerId}${isSubject(owner) ? '' : ', which has no triples here'}: a node embedded in an entity is the value of one of its properties`,
  };
}

/** What decoding needs of a class, computed once: its properties, their predicates, and the predicates several of them share. */
interface Layout {
  readonly props: ReturnType<typeof propertiesOf>;
  readonly known: ReadonlySet<string>;
  readonly shared: ReadonlySet<string>;
}

const LAYOUTS = new WeakMap<ClassDecl, Layout>();

function layoutOf(decl: ClassDecl): Layout {
  let layout = LAYOUTS.get(decl);
  if (!layout) {
    const props = propertiesOf(decl);
    const iris = props.map((p) => p.prop.iri);
    layout = { props, known: new Set(iris), shared: new Set(iris.filter((iri, i) => iris.indexOf(iri) !== i)) };
    LAYOUTS.set(decl, layout);
  }
  return layout;
}

/** Decodes the quads of a dataset (default graph only) into entities sorted by id; throws a DataError listing every problem. */
export function decodeQuads(quads: Iterable<Quad>, options: { base: string }): Entity[] {
  const problems: DataProblem[] = [];
  const nodes = new Map<string, Node>();
  for (const q of quads) {
    const where = q.subject.termType === 'NamedNode' ? q.subject.value : `_:${q.subject.value}`;
    if (q.subject.termType !== 'NamedNode') { problems.push({ entity: where, field: q.predicate.value, message: `subject is a ${q.subject.termType}; only IRIs are allowed (no blank nodes)` }); continue; }
    if (q.graph.termType !== 'DefaultGraph') { problems.push({ entity: where, field: q.predicate.value, message: `quad in named graph <${q.graph.value}>; only the default graph is read` }); continue; }
    if (q.object.termType === 'BlankNode' || q.object.termType === 'Quad') { problems.push({ entity: where, field: q.predicate.value, message: `object is a ${q.object.termType}; not allowed in the data` }); continue; }
    let node = nodes.get(q.subject.value);
    if (!node) nodes.set(q.subject.value, (node = new Map()));
    const list = node.get(q.predicate.value) ?? [];
    if (!list.some((t) => t.equals(q.object))) list.push(q.object);
    node.set(q.predicate.value, list);
  }

  const consumed = new Set<string>();
  const entities: Entity[] = [];
  for (const [iri, node] of nodes) {
    const id = idFromIri(options.base, iri);
    if (id === undefined) continue; // embedded nodes and strangers are dealt with below
    const fields = decodeNode(iri, id, node, undefined);
    if (fields) entities.push(fields as unknown as Entity);
  }
  for (const iri of nodes.keys()) {
    if (!consumed.has(iri)) problems.push(strangerProblem(options.base, iri, (owner) => nodes.has(owner)));
  }
  if (problems.length) throw new DataError(problems);
  return entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  function decodeNode(iri: string, entityId: string, node: Node, expected: ClassDecl | undefined): Record<string, unknown> | undefined {
    consumed.add(iri);
    const decl = expected ? embeddedClass(entityId, node.get(RDF.type) ?? [], expected) : entityClass(entityId, node.get(RDF.type) ?? []);
    if (!decl) return undefined;
    if (!expected && decl.idPrefix && !entityId.startsWith(`${decl.idPrefix}/`)) {
      problems.push({ entity: entityId, field: 'rdf:type', message: `a ${decl.name} must have an IRI under <${options.base}${decl.idPrefix}/>` });
    }
    const out: Record<string, unknown> = expected ? {} : { type: decl.name, id: entityId };
    const { props, known, shared } = layoutOf(decl);
    for (const predicate of node.keys()) {
      if (predicate !== RDF.type && !known.has(predicate)) {
        problems.push({ entity: entityId, field: predicate, message: `predicate <${predicate}> is not declared for class ${decl.name}` });
      }
    }
    for (const { key, prop } of props) {
      let terms = node.get(prop.iri) ?? [];
      if (prop.kind === 'embedded' || shared.has(prop.iri)) {
        // Several properties share this predicate (e.g. oa:hasSelector): each takes the objects meant for it.
        terms = terms.filter((t) => claims(prop, t, iri));
      }
      const values: unknown[] = [];
      const sorted = terms.length < 2 ? terms : terms.map((t) => [termKey(t), t] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((p) => p[1]);
      for (const t of sorted) {
        const v = decodeValue(prop, t, iri, entityId, key);
        if (v !== undefined) values.push(v);
      }
      if ((prop.card === 'one' || prop.card === 'some') && terms.length === 0) {
        problems.push({ entity: entityId, field: key, message: `required property <${prop.iri}> is missing` });
      } else if ((prop.card === 'one' || prop.card === 'optional') && terms.length > 1) {
        problems.push({ entity: entityId, field: key, message: `expected at most one value of <${prop.iri}>, got ${terms.length}` });
      }
      if (values.length) out[key] = isMany(prop) ? values : values[0];
    }
    // Objects of a shared predicate that no property took.
    for (const [predicate, terms] of node) {
      if (!shared.has(predicate)) continue;
      const owners = props.filter((p) => p.prop.iri === predicate);
      if (owners.length > 1) {
        for (const t of terms) {
          if (!owners.some((o) => claims(o.prop, t, iri))) problems.push({ entity: entityId, field: predicate, message: `unexpected value ${describeTerm(t)}` });
        }
      }
    }
    return out;
  }

  /** The class of a node embedded in an entity (a selector): exactly one type, the one its property declares. */
  function embeddedClass(entityId: string, types: readonly Term[], expected: ClassDecl): ClassDecl | undefined {
    const fail = (message: string): undefined => { problems.push({ entity: entityId, field: 'rdf:type', message }); return undefined; };
    const only = types[0];
    if (types.length !== 1 || only?.termType !== 'NamedNode') return fail(`expected exactly one class IRI, got ${types.length ? types.map(describeTerm).join(', ') : 'none'}`);
    const decl = CLASS_BY_IRI.get(only.value);
    if (!decl) return fail(`unknown class <${only.value}>`);
    if (decl !== expected) return fail(`class <${decl.iri}> is not allowed here (expected <${expected.iri}>)`);
    return decl;
  }

  /**
   * The class of an entity node from its types: exactly one concrete class of ours plus every superclass of ours
   * that the export asserts with it (assertedClasses), no more and no fewer. The class is the concrete type whose
   * asserted classes cover the others (in valid data all of them; otherwise the most of them, and of several the one
   * with all its superclasses given); a superclass missing or a type that is neither it nor a superclass of it is a
   * problem. Undefined when no class can be told.
   */
  function entityClass(entityId: string, types: readonly Term[]): ClassDecl | undefined {
    const fail = (message: string): undefined => { problems.push({ entity: entityId, field: 'rdf:type', message }); return undefined; };
    if (!types.length) return fail('expected the IRI of its class and of each of its superclasses of ours, got none');
    const given: ClassDecl[] = [];
    for (const t of types) {
      if (t.termType !== 'NamedNode') { fail(`expected class IRIs, got ${describeTerm(t)}`); continue; }
      const c = CLASS_BY_IRI.get(t.value);
      if (!c) fail(`unknown class <${t.value}>`);
      else if (c.embedded) fail(`class <${c.iri}> is not allowed here`);
      else given.push(c);
    }
    if (!given.length) return undefined;
    // The candidates: the concrete types whose asserted classes cover the most of those given; of several, the one
    // whose superclasses are all given (e.g. kg:Person, not kg:Country, for Person, Agent, Item and Country).
    const concrete = given.filter((c) => !c.abstract);
    const covers = (c: ClassDecl): number => given.filter((g) => assertedClasses(c).includes(g)).length;
    const top = Math.max(0, ...concrete.map(covers));
    let best = concrete.filter((c) => covers(c) === top);
    const complete = best.filter((c) => assertedClasses(c).every((a) => given.includes(a)));
    if (complete.length === 1) best = complete;
    const named = (cs: readonly ClassDecl[]): string => listing(cs.map((c) => `<${c.iri}>`));
    const givenText = `${given.length === 1 ? 'type' : 'types'} ${named(given)} given`;
    const decl = best[0];
    if (!decl) return fail(`${givenText}, but ${given.length === 1 ? 'it is' : 'they are all'} abstract: an entity has one concrete class of ours, asserted with its superclasses`);
    if (best.length > 1) return fail(`${givenText}: ${named(best)} are unrelated classes, so which one it is cannot be told; an entity has one class of ours, asserted with its superclasses`);
    const asserted = assertedClasses(decl);
    // The given types in the order the export writes them, then the others in the order given.
    const ordered = [...asserted.filter((c) => given.includes(c)), ...given.filter((g) => !asserted.includes(g))];
    const orderedText = `${ordered.length === 1 ? 'type' : 'types'} ${named(ordered)} given`;
    for (const extra of given.filter((g) => !asserted.includes(g))) {
      fail(`${orderedText}, but <${extra.iri}> is neither ${shortName(decl)} nor a superclass of it: an entity has one class of ours, asserted with its superclasses and no other class`);
    }
    const missing = asserted.filter((c) => !given.includes(c));
    if (missing.length === 1) fail(`${orderedText}, but ${named(missing)} (a superclass of ${shortName(decl)}) is missing`);
    else if (missing.length > 1) fail(`${orderedText}, but ${named(missing)} (superclasses of ${shortName(decl)}) are missing`);
    return decl;
  }

  function claims(prop: PropDecl, term: Term, subjectIri: string): boolean {
    if (prop.kind === 'embedded') return term.termType === 'NamedNode' && term.value === embeddedIri(subjectIri, prop.fragment);
    return !(term.termType === 'NamedNode' && term.value.startsWith(`${subjectIri}#`));
  }

  function decodeValue(prop: PropDecl, term: Term, subjectIri: string, entityId: string, key: string): unknown {
    const fail = (message: string): undefined => { problems.push({ entity: entityId, field: key, message }); return undefined; };
    switch (prop.kind) {
      case 'ref': {
        if (term.termType !== 'NamedNode') return fail(`expected a reference to an entity, got ${describeTerm(term)}`);
        const id = idFromIri(options.base, term.value);
        return id ?? fail(entityIriProblem(options.base, term.value) ?? `<${term.value}> is not an entity IRI`);
      }
      case 'enum': {
        const key2 = Object.keys(prop.values).find((k) => enumIri(prop.scheme, k) === term.value);
        return key2 ?? fail(`${describeTerm(term)} is not a member of the value set ${prop.scheme}`);
      }
      case 'embedded': {
        const node = nodes.get(term.value);
        if (!node) return fail(`embedded node <${term.value}> has no description`);
        return decodeNode(term.value, `${entityId}#${prop.fragment}`, node, prop.cls);
      }
      default: {
        const r = CODECS[prop.kind].fromTerm(term);
        if ('error' in r) return fail(r.error);
        if (prop.pattern && !new RegExp(prop.pattern, 'u').test(String(r.value))) return fail(`${describeTerm(term)} does not match the pattern ${prop.pattern}`);
        return r.value;
      }
    }
  }
}

/** What the entity decoder knows of a property of a class, computed once. */
interface PropPlan {
  readonly key: string;
  readonly prop: PropDecl;
  readonly iri: string;
  readonly many: boolean;
  /** Whether it needs a value (card one or some), and whether it takes at most one (card one or optional). */
  readonly required: boolean;
  readonly single: boolean;
  /** Whether its objects are those of its predicate that it claims (embedded, or a predicate several properties share). */
  readonly filtered: boolean;
  /** An enum's keys by member IRI (the first key of each IRI). */
  readonly enumKeys: ReadonlyMap<string, string> | undefined;
  readonly pattern: RegExp | undefined;
}

/** What the entity decoder knows of a class, computed once. */
interface Plan {
  readonly props: readonly PropPlan[];
  /** Each predicate several properties share: the index of the first of them, and those properties. */
  readonly sharedSlots: ReadonlyArray<readonly [number, readonly PropDecl[]]>;
}

const PLANS = new WeakMap<ClassDecl, Plan>();

function planOf(decl: ClassDecl): Plan {
  let plan = PLANS.get(decl);
  if (!plan) {
    const { props, shared } = layoutOf(decl);
    const sharedSlots = [...shared].map((iri) => [props.findIndex((p) => p.prop.iri === iri), props.filter((p) => p.prop.iri === iri).map((p) => p.prop)] as const);
    plan = {
      sharedSlots,
      props: props.map(({ key, prop }) => {
        let enumKeys: Map<string, string> | undefined;
        if (prop.kind === 'enum') {
          enumKeys = new Map();
          for (const k of Object.keys(prop.values)) { const iri = enumIri(prop.scheme, k); if (!enumKeys.has(iri)) enumKeys.set(iri, k); }
        }
        return {
          key, prop, iri: prop.iri, many: isMany(prop),
          required: prop.card === 'one' || prop.card === 'some',
          single: prop.card === 'one' || prop.card === 'optional',
          filtered: prop.kind === 'embedded' || shared.has(prop.iri),
          enumKeys,
          pattern: prop.pattern ? new RegExp(prop.pattern, 'u') : undefined,
        };
      }),
    };
    PLANS.set(decl, plan);
  }
  return plan;
}

/** Each concrete class of ours by the IRIs of the classes an entity of it is typed with (assertedClasses), sorted and joined by spaces. */
let classesByTypes: Map<string, ClassDecl | null> | undefined;

function classByTypes(key: string): ClassDecl | null | undefined {
  if (!classesByTypes) {
    classesByTypes = new Map();
    for (const c of CLASSES as readonly ClassDecl[]) {
      const asserted = assertedClasses(c);
      if (c.abstract || c.embedded || asserted.some((a) => a.embedded || CLASS_BY_IRI.get(a.iri) !== a)) continue;
      const k = asserted.map((a) => a.iri).sort().join(' ');
      classesByTypes.set(k, classesByTypes.has(k) ? null : c);
    }
  }
  return classesByTypes.get(key);
}

/** The triples of one subject: the id of each one's predicate (EntityDecoder numbers them) and its object, each pair once, in the order given. */
class Group {
  readonly predicates: number[] = [];
  readonly objects: Term[] = [];
  /** Whether an entity took it as the value of one of its properties (an embedded node). */
  consumed = false;
}

/** What a value that cannot be decoded gives. */
const FAIL: unique symbol = Symbol('fail');

/** The id of rdf:type among the predicates an EntityDecoder numbers. */
const TYPE = 0;

/**
 * Decodes triples that come entity by entity — each entity's triples and those of the nodes embedded in it
 * (`<entity>#…`) together, as the export writes them — into the entities decodeQuads gives for them, one entity at a
 * time as its triples end, so that no quad is held. It gives up (`failed`; finish gives undefined) on anything
 * decodeQuads would report, and on an entity whose triples come in two runs: decodeQuads, given every quad, then
 * says what is wrong (or decodes them).
 */
export class EntityDecoder {
  /** Whether it has given up. */
  failed = false;
  private readonly entities: Record<string, unknown>[] = [];
  /** The id of each entity. */
  private readonly ids: string[] = [];
  /** The run being read: its entity IRI, the entity's triples, those of its embedded nodes, and the subject of the last triple. */
  private owner = '';
  private ownerGroup: Group | undefined;
  private readonly embedded = new Map<string, Group>();
  private subject = '';
  private group: Group | undefined;
  /** Each predicate IRI met, numbered from 0 (rdf:type) in the order met. */
  private readonly predicateIds = new Map<string, number>([[RDF.type, TYPE]]);
  private readonly predicateIris: string[] = [RDF.type];
  /** For each class met, the properties of each predicate id (their indexes in its plan), null for a predicate it does not declare. */
  private readonly slotsOf = new Map<ClassDecl, Array<readonly number[] | null | undefined>>();
  /** The class of each list of type IRIs met (joined by spaces, in the order given), null when it is no class. */
  private readonly typeClasses = new Map<string, ClassDecl | null>();

  /** A decoder of the data under a base IRI (`--base`). */
  constructor(private readonly base: string) {}

  /** Takes one triple: a subject IRI, a predicate IRI and an object. */
  add(subject: string, predicate: string, object: Term): void {
    if (this.failed) return;
    if (subject !== this.subject || !this.group) this.open(subject);
    const group = this.group;
    if (!group) return;
    let id = this.predicateIds.get(predicate);
    if (id === undefined) {
      id = this.predicateIris.length;
      this.predicateIds.set(predicate, id);
      this.predicateIris.push(predicate);
    }
    const { predicates, objects } = group;
    for (let k = predicates.length - 1; k >= 0; k--) if (predicates[k] === id && (objects[k] as Term).equals(object)) return;
    predicates.push(id);
    objects.push(object);
  }

  /** Takes one quad (its graph ignored); gives up on a subject that is not an IRI or an object that is a blank node or a quad. */
  addQuad(q: Quad): void {
    if (q.subject.termType !== 'NamedNode' || q.object.termType === 'BlankNode' || q.object.termType === 'Quad') { this.failed = true; return; }
    this.add(q.subject.value, q.predicate.value, q.object);
  }

  /** The entities sorted by id (as decodeQuads gives them), or undefined when it gave up (or found an entity in two runs). */
  finish(): Entity[] | undefined {
    this.close();
    if (this.failed) return undefined;
    // Sorted through their ids (entities of different classes are objects of different shapes: reading each one's id
    // in the comparison is slow).
    const ids = this.ids;
    const order = ids.map((_, k) => k).sort((a, b) => { const x = ids[a] as string; const y = ids[b] as string; return x < y ? -1 : x > y ? 1 : 0; });
    for (let k = 1; k < order.length; k++) if (ids[order[k] as number] === ids[order[k - 1] as number]) return undefined;
    return order.map((k) => this.entities[k]) as unknown as Entity[];
  }

  /** Starts the triples of a subject: a new run when its entity is not the one being read. */
  private open(subject: string): void {
    const hash = subject.indexOf('#');
    const owner = hash < 0 ? subject : subject.slice(0, hash);
    if (!owner) { this.failed = true; return; }
    if (owner !== this.owner) {
      this.close();
      if (this.failed) return;
      this.owner = owner;
      this.ownerGroup = undefined;
      if (this.embedded.size) this.embedded.clear();
    }
    this.subject = subject;
    if (hash < 0) {
      this.group = this.ownerGroup ??= new Group();
    } else {
      let group = this.embedded.get(subject);
      if (!group) this.embedded.set(subject, (group = new Group()));
      this.group = group;
    }
  }

  /** Decodes the entity of the run being read, if any (an entity read in two runs gives two entities of one id: finish gives up). */
  private close(): void {
    if (!this.owner || this.failed) return;
    const owner = this.owner;
    this.owner = '';
    this.subject = '';
    this.group = undefined;
    const group = this.ownerGroup;
    const id = idFromIri(this.base, owner);
    const fields = group && id !== undefined ? this.decodeNode(owner, id, group, undefined) : undefined;
    if (!fields || id === undefined) { this.failed = true; return; }
    for (const e of this.embedded.values()) if (!e.consumed) { this.failed = true; return; }
    this.entities.push(fields);
    this.ids.push(id);
  }

  /** The class of an entity typed with these terms: exactly the classes its class asserts (assertedClasses). */
  private entityClass(types: readonly Term[] | undefined): ClassDecl | undefined {
    if (!types) return undefined;
    let key = '';
    for (const t of types) {
      if (t.termType !== 'NamedNode') return undefined;
      key = key ? `${key} ${t.value}` : t.value;
    }
    let decl = this.typeClasses.get(key);
    if (decl === undefined) {
      decl = classByTypes([...new Set(types.map((t) => t.value))].sort().join(' ')) ?? null;
      this.typeClasses.set(key, decl);
    }
    return decl ?? undefined;
  }

  /** The indexes in a class's plan of the properties of a predicate, null when the class does not declare it. */
  private slots(decl: ClassDecl, plan: Plan, predicate: number): readonly number[] | null {
    let byId = this.slotsOf.get(decl);
    if (!byId) this.slotsOf.set(decl, (byId = []));
    let slots = byId[predicate];
    if (slots === undefined) {
      const iri = this.predicateIris[predicate] ?? '';
      const found: number[] = [];
      plan.props.forEach((p, j) => { if (p.iri === iri) found.push(j); });
      byId[predicate] = slots = found.length ? found : null;
    }
    return slots;
  }

  /** The fields of a node (decodeQuads' decodeNode when it finds no problem), or undefined. */
  private decodeNode(iri: string, entityId: string, group: Group, expected: ClassDecl | undefined): Record<string, unknown> | undefined {
    group.consumed = true;
    const { predicates, objects } = group;
    const n = predicates.length;
    let types: Term[] | undefined;
    for (let k = 0; k < n; k++) if (predicates[k] === TYPE) (types ??= []).push(objects[k] as Term);
    let decl: ClassDecl | undefined;
    if (expected) {
      const only = types?.[0];
      if (types?.length !== 1 || only?.termType !== 'NamedNode' || CLASS_BY_IRI.get(only.value) !== expected) return undefined;
      decl = expected;
    } else {
      decl = this.entityClass(types);
      if (!decl || (decl.idPrefix && !entityId.startsWith(`${decl.idPrefix}/`))) return undefined;
    }
    const plan = planOf(decl);
    const props = plan.props;
    // The objects of each property (before those of a shared predicate are told apart), in the order given.
    const found: Array<Term[] | undefined> = new Array<Term[] | undefined>(props.length);
    for (let k = 0; k < n; k++) {
      const predicate = predicates[k] as number;
      if (predicate === TYPE) continue;
      const slots = this.slots(decl, plan, predicate);
      if (slots === null) return undefined;
      for (const j of slots) (found[j] ??= []).push(objects[k] as Term);
    }
    const out: Record<string, unknown> = expected ? {} : { type: decl.name, id: entityId };
    for (let j = 0; j < props.length; j++) {
      const p = props[j] as PropPlan;
      let terms = found[j];
      if (terms !== undefined && p.filtered) terms = terms.filter((t) => claims(p.prop, t, iri));
      if (terms === undefined || terms.length === 0) {
        if (p.required) return undefined;
        continue;
      }
      if (terms.length === 1) {
        const v = this.decodeValue(p, terms[0] as Term, entityId);
        if (v === FAIL) return undefined;
        out[p.key] = p.many ? [v] : v;
        continue;
      }
      if (p.single) return undefined;
      const sorted = terms.map((t) => [termKey(t), t] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const decoded: unknown[] = [];
      for (const [, t] of sorted) {
        const v = this.decodeValue(p, t, entityId);
        if (v === FAIL) return undefined;
        decoded.push(v);
      }
      out[p.key] = p.many ? decoded : decoded[0];
    }
    for (const [slot, owners] of plan.sharedSlots) {
      const terms = found[slot];
      if (terms) for (const t of terms) if (!owners.some((o) => claims(o, t, iri))) return undefined;
    }
    return out;
  }

  /** The value of a property from one of its objects (decodeQuads' decodeValue when it finds no problem), or FAIL. */
  private decodeValue(p: PropPlan, term: Term, entityId: string): unknown {
    const prop = p.prop;
    switch (prop.kind) {
      case 'ref':
        return term.termType === 'NamedNode' ? idFromIri(this.base, term.value) ?? FAIL : FAIL;
      case 'enum':
        return p.enumKeys?.get(term.value) ?? FAIL;
      case 'embedded': {
        const group = this.embedded.get(term.value);
        return (group && this.decodeNode(term.value, `${entityId}#${prop.fragment}`, group, prop.cls)) ?? FAIL;
      }
      default: {
        const r = CODECS[prop.kind].fromTerm(term);
        if ('error' in r) return FAIL;
        if (p.pattern && !p.pattern.test(String(r.value))) return FAIL;
        return r.value;
      }
    }
  }
}

/** Whether a property takes an object of its predicate (decodeQuads' claims): an embedded node its own, another property any object but a node embedded in the subject. */
function claims(prop: PropDecl, term: Term, subjectIri: string): boolean {
  if (term.termType !== 'NamedNode') return prop.kind !== 'embedded';
  const value = term.value;
  const n = subjectIri.length;
  // `<subject>#…` without making that text: the subject, then "#".
  const embedded = value.length > n && value.charCodeAt(n) === 35 && value.startsWith(subjectIri);
  if (prop.kind === 'embedded') return embedded && value.length === n + 1 + prop.fragment.length && value.endsWith(prop.fragment);
  return !embedded;
}
