// Maps entities to RDF/JS quads, lazily and in a fixed order, driven only by the class declarations.
import type { Literal, NamedNode, Quad, Term } from '@rdfjs/types';
import { CLASS_BY_NAME, type Entity } from '../model/classes.js';
import { embeddedIri, entityIri, enumIri } from './iri.js';
import { CODECS } from './literals.js';
import { normalizeLanguageTag } from './lexical.js';
import { ancestorsOf, isMany, propertiesOf, type ClassDecl, type PropDecl } from '../model/schema.js';
import { RDF } from '../model/vocab.js';

import { namedNode, quad } from './terms.js';
const TYPE = namedNode(RDF.type);

/** Predicates and classes are few: one term object each, made once. */
const VOCABULARY_TERMS = new Map<string, NamedNode>();
function vocabularyTerm(iri: string): NamedNode {
  let term = VOCABULARY_TERMS.get(iri);
  if (!term) VOCABULARY_TERMS.set(iri, (term = namedNode(iri)));
  return term;
}

/**
 * The classes an instance of a class is asserted to be (`rdf:type`): the class itself, then every superclass of
 * ours (`ancestorsOf`: kg: classes, abstract ones included) nearest first, breadth-first through `parent` then
 * `alsoSubClassOf` (a Country: Country, Place, Agent, Item). External classes (schema:, prov:, foaf: …) stay in the
 * ontology. Embedded classes (the selectors) have only themselves. Computed once per class.
 */
export function assertedClasses(decl: ClassDecl): readonly ClassDecl[] {
  let cached = ASSERTED.get(decl);
  if (!cached) ASSERTED.set(decl, (cached = Object.freeze(decl.embedded ? [decl] : [decl, ...nearestFirst(decl)])));
  return cached;
}

/** The superclasses of ours of a class (the set ancestorsOf gives), ordered by distance, then parent before alsoSubClassOf. */
function nearestFirst(decl: ClassDecl): ClassDecl[] {
  const out: ClassDecl[] = [];
  for (let level: ClassDecl[] = [decl]; level.length;) {
    const next: ClassDecl[] = [];
    for (const c of level) {
      for (const s of [c.parent, ...(c.alsoSubClassOf ?? [])]) if (s && s !== decl && !out.includes(s)) { out.push(s); next.push(s); }
    }
    level = next;
  }
  const all = ancestorsOf(decl);
  if (out.length !== all.length || !all.every((a) => out.includes(a))) throw new Error(`${decl.name}: superclasses disagree with ancestorsOf`);
  return out;
}

const ASSERTED = new WeakMap<ClassDecl, readonly ClassDecl[]>();

/** The objects of the `rdf:type` quads of an instance of a class (see assertedClasses), one term array per class, made once. */
function typeTerms(decl: ClassDecl): readonly NamedNode[] {
  let cached = TYPE_TERMS.get(decl);
  if (!cached) TYPE_TERMS.set(decl, (cached = assertedClasses(decl).map((c) => vocabularyTerm(c.iri))));
  return cached;
}

const TYPE_TERMS = new WeakMap<ClassDecl, readonly NamedNode[]>();

/** Options of the mapping. */
export interface MapOptions {
  /** The base IRI under which entity IRIs are minted. */
  readonly base: string;
}

/** A total order on terms (their N-Triples-like spelling), used to sort the values of a property. */
export function termKey(term: Term): string {
  if (term.termType === 'Literal') return `"${term.value}"@${term.language}^^${term.datatype.value}`;
  return `<${term.value}>`;
}

/** The RDF term of one property value (a reference, enum member, embedded node or literal). */
export function valueTerm(prop: PropDecl, value: unknown, options: MapOptions, subjectIri: string): NamedNode | Literal {
  switch (prop.kind) {
    case 'ref': return namedNode(entityIri(options.base, value as string));
    case 'enum': return vocabularyTerm(enumIri(prop.scheme, value as string));
    case 'embedded': return namedNode(embeddedIri(subjectIri, prop.fragment));
    default: return CODECS[prop.kind].toTerm(value as never);
  }
}

function* nodeQuads(decl: ClassDecl, subjectIri: string, fields: Record<string, unknown>, options: MapOptions): Generator<Quad> {
  const subject = namedNode(subjectIri);
  // Its own class first, then its superclasses of ours: `?x a kg:Event` works without the ontology.
  const types = typeTerms(decl);
  for (let i = 0; i < types.length; i++) yield quad(subject, TYPE, types[i] as NamedNode);
  const nested: Array<[ClassDecl, string, Record<string, unknown>]> = [];
  for (const { key, prop } of propertiesOf(decl)) {
    const raw = fields[key];
    if (raw === undefined) continue;
    const predicate = vocabularyTerm(prop.iri);
    if (!isMany(prop)) {
      yield quad(subject, predicate, valueTerm(prop, raw, options, subjectIri));
    } else {
      const keyed = (raw as unknown[]).map((v) => { const t = valueTerm(prop, v, options, subjectIri); return [termKey(t), t] as const; });
      if (keyed.length > 1) keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      for (const [, t] of keyed) yield quad(subject, predicate, t);
    }
    if (prop.kind === 'embedded' && fields[key] !== undefined) {
      nested.push([prop.cls, embeddedIri(subjectIri, prop.fragment), fields[key] as Record<string, unknown>]);
    }
  }
  for (const [cls, iri, value] of nested) yield* nodeQuads(cls, iri, value, options);
}

/** The declaration of an entity's class; throws when the type is not a concrete class. */
export function classOf(entity: { type: string; id?: string }): ClassDecl {
  const decl = CLASS_BY_NAME.get(entity.type);
  if (!decl || decl.abstract || decl.embedded) throw new Error(`entity ${entity.id ?? '?'}: unknown or abstract type ${JSON.stringify(entity.type)}`);
  return decl;
}

/** The quads of one entity: its types first (its class, then its superclasses of ours), then each property in declaration order, then its embedded nodes. */
export function* entityQuads(entity: Entity, options: MapOptions): Generator<Quad> {
  yield* nodeQuads(classOf(entity), entityIri(options.base, entity.id), entity as unknown as Record<string, unknown>, options);
}

/** The quads of many entities, lazily, entity by entity in the order given. */
export function* entitiesQuads(entities: Iterable<Entity>, options: MapOptions): Generator<Quad> {
  for (const e of entities) yield* entityQuads(e, options);
}

/** The entities in the order they are written: sorted by id, so that output does not depend on authoring order. */
export function sortedById<E extends { id: string }>(entities: Iterable<E>): E[] {
  return [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** An entity in canonical form: many-valued fields sorted as the mapping writes them, as decoding returns them. */
export function canonicalEntity<E extends Entity>(entity: E, options: MapOptions): E {
  return canonicalFields(classOf(entity), entityIri(options.base, entity.id), entity as unknown as Record<string, unknown>, options) as unknown as E;
}

function canonicalFields(decl: ClassDecl, subjectIri: string, fields: Record<string, unknown>, options: MapOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  for (const { key, prop } of propertiesOf(decl)) {
    const raw = fields[key];
    if (raw === undefined) continue;
    // Language tags as they are written: lower case (lexical.ts normalizeLanguageTag).
    const canonical = (v: unknown): unknown => (prop.kind === 'langString' ? { ...(v as object), lang: normalizeLanguageTag((v as { lang: string }).lang) } : v);
    if (prop.kind === 'embedded') {
      out[key] = canonicalFields(prop.cls, embeddedIri(subjectIri, prop.fragment), raw as Record<string, unknown>, options);
    } else if (!isMany(prop)) {
      out[key] = canonical(raw);
    } else {
      const keyed = (raw as unknown[]).map((v) => [termKey(valueTerm(prop, v, options, subjectIri)), canonical(v)] as const);
      keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      out[key] = keyed.map(([, v]) => v);
    }
  }
  return out;
}
