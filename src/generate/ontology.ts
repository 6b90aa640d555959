// Generates the OWL ontology (and the SKOS value sets) from the class declarations.
import { DataFactory } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { CLASSES } from '../model/classes.js';
import { enumIri } from '../mapping/iri.js';
import { CODECS } from '../mapping/literals.js';
import { PACKAGE } from '../project.js';
import { isMany, type ClassDecl, type PropDecl } from '../model/schema.js';
import { CONCEPT_NS, DCT, KG_NS, ONTOLOGY_IRI, OWL, RDF, RDFS, SKOS, XSD } from '../model/vocab.js';

const { namedNode, literal, quad } = DataFactory;

/** The ontology's metadata; `modified` is a fixed date, changed by hand with the terms, so output stays deterministic. */
export const ONTOLOGY_META = {
  title: 'News knowledge graph ontology',
  description: 'Classes and properties for knowledge taken from news articles: agents, places, offices, events, and the claims people make, each traced to the exact text it comes from. Generated from the class declarations in src/model/classes.ts.',
  license: 'https://creativecommons.org/licenses/by/4.0/',
  creator: 'The kg-news-rdf project',
  modified: '2026-11-28',
} as const;

/** Whether an IRI is a term of our own ontology (as opposed to a reused standard term). */
export function isOwnTerm(iri: string): boolean {
  return iri.startsWith(KG_NS);
}

/** The declared properties of our namespace, each with the class that declares it (its domain). */
export function ownProperties(): Array<{ key: string; prop: PropDecl; owner: ClassDecl }> {
  const out: Array<{ key: string; prop: PropDecl; owner: ClassDecl }> = [];
  for (const owner of CLASSES as readonly ClassDecl[]) {
    for (const [key, prop] of Object.entries(owner.props)) if (isOwnTerm(prop.iri)) out.push({ key, prop, owner });
  }
  return out;
}

/** The rdfs:range of a property. */
export function rangeOf(prop: PropDecl): string {
  switch (prop.kind) {
    case 'ref': {
      const target = (CLASSES as readonly ClassDecl[]).find((c) => c.name === prop.range);
      if (!target) throw new Error(`property <${prop.iri}>: range ${prop.range} is not a declared class`);
      return target.iri;
    }
    case 'embedded': return prop.cls.iri;
    case 'enum': return SKOS.Concept;
    case 'iri': return OWL.Thing;
    default: return CODECS[prop.kind].datatype ?? RDFS.Resource;
  }
}

/** Every value set used by a declared property, by scheme name. */
export function valueSets(): Map<string, PropDecl & { kind: 'enum' }> {
  const sets = new Map<string, PropDecl & { kind: 'enum' }>();
  for (const c of CLASSES as readonly ClassDecl[]) {
    for (const p of Object.values(c.props)) if (p.kind === 'enum' && !sets.has(p.scheme)) sets.set(p.scheme, p);
  }
  return sets;
}

/** The quads of the ontology, grouped by subject in a fixed order: header, classes, properties, value sets. */
export function* ontologyQuads(): Generator<Quad> {
  const en = (s: string) => literal(s, 'en');
  const t = (s: string, p: string, o: Term) => quad(namedNode(s), namedNode(p), o as never);
  const onto = ONTOLOGY_IRI;
  yield t(onto, RDF.type, namedNode(OWL.Ontology));
  yield t(onto, OWL.versionIRI, namedNode(`${ONTOLOGY_IRI}/${PACKAGE.version}`));
  yield t(onto, OWL.versionInfo, literal(PACKAGE.version));
  yield t(onto, DCT.title, en(ONTOLOGY_META.title));
  yield t(onto, DCT.description, en(ONTOLOGY_META.description));
  yield t(onto, DCT.license, namedNode(ONTOLOGY_META.license));
  yield t(onto, DCT.creator, literal(ONTOLOGY_META.creator));
  yield t(onto, DCT.modified, literal(ONTOLOGY_META.modified, namedNode(XSD.date)));

  for (const c of CLASSES as readonly ClassDecl[]) {
    if (!isOwnTerm(c.iri)) continue;
    yield t(c.iri, RDF.type, namedNode(OWL.Class));
    yield t(c.iri, RDFS.label, en(c.label));
    yield t(c.iri, RDFS.comment, en(c.comment));
    yield t(c.iri, RDFS.isDefinedBy, namedNode(onto));
    const supers = [c.parent?.iri, ...(c.alsoSubClassOf ?? []).map((s) => s.iri), ...(c.subClassOf ?? [])].filter((s): s is string => !!s);
    for (const s of supers) yield t(c.iri, RDFS.subClassOf, namedNode(s));
    for (const e of c.equivalentClass ?? []) yield t(c.iri, OWL.equivalentClass, namedNode(e));
  }

  for (const { prop, owner } of ownProperties()) {
    const objectLike = prop.kind === 'ref' || prop.kind === 'enum' || prop.kind === 'embedded' || prop.kind === 'iri';
    yield t(prop.iri, RDF.type, namedNode(objectLike ? OWL.ObjectProperty : OWL.DatatypeProperty));
    if (!isMany(prop)) yield t(prop.iri, RDF.type, namedNode(OWL.FunctionalProperty));
    yield t(prop.iri, RDFS.label, en(prop.label));
    yield t(prop.iri, RDFS.comment, en(prop.comment));
    yield t(prop.iri, RDFS.isDefinedBy, namedNode(onto));
    yield t(prop.iri, RDFS.domain, namedNode(owner.iri));
    yield t(prop.iri, RDFS.range, namedNode(rangeOf(prop)));
    for (const s of prop.subPropertyOf ?? []) yield t(prop.iri, RDFS.subPropertyOf, namedNode(s));
    for (const e of prop.equivalentProperty ?? []) yield t(prop.iri, OWL.equivalentProperty, namedNode(e));
    if (prop.inverseOf) yield t(prop.iri, OWL.inverseOf, namedNode(prop.inverseOf));
  }

  for (const [scheme, p] of valueSets()) {
    const schemeIri = `${CONCEPT_NS}${scheme}`;
    yield t(schemeIri, RDF.type, namedNode(SKOS.ConceptScheme));
    yield t(schemeIri, SKOS.prefLabel, en(scheme.replace(/-/g, ' ')));
    yield t(schemeIri, RDFS.isDefinedBy, namedNode(onto));
    for (const key of Object.keys(p.values)) yield t(schemeIri, SKOS.hasTopConcept, namedNode(enumIri(scheme, key)));
    for (const [key, v] of Object.entries(p.values)) {
      const c = enumIri(scheme, key);
      yield t(c, RDF.type, namedNode(SKOS.Concept));
      yield t(c, SKOS.prefLabel, en(v.label));
      yield t(c, SKOS.definition, en(v.comment));
      yield t(c, SKOS.inScheme, namedNode(schemeIri));
      yield t(c, SKOS.topConceptOf, namedNode(schemeIri));
      // Alignments: a code of a standard scheme (CAMEO, FactBank) and concepts of standard vocabularies (schema.org).
      if (v.notation !== undefined) yield t(c, SKOS.notation, literal(v.notation));
      for (const m of v.exactMatch ?? []) yield t(c, SKOS.exactMatch, namedNode(m));
      for (const m of v.closeMatch ?? []) yield t(c, SKOS.closeMatch, namedNode(m));
    }
  }
}
