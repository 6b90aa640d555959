// Strict decoding of RDF back into entities: anything the declarations do not allow is an error that names it; the entity-by-entity decoder of kg import gives what decodeQuads gives, or gives up.
import { readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import fc from 'fast-check';
import { DataFactory, Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { decodeQuads, EntityDecoder } from '../src/mapping/decode.js';
import { DataError } from '../src/errors.js';
import { projectPath } from '../src/project.js';
import { parseTurtle } from './helpers.js';

const base = 'https://w3id.org/news-kg/id/';
const prefixes = `@prefix kg: <https://w3id.org/news-kg/ontology#>. @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#>.
@prefix xsd: <http://www.w3.org/2001/XMLSchema#>. @prefix person: <${base}person/>. @prefix when: <${base}when/>.
@prefix time: <http://www.w3.org/2006/time#>.\n`;

/**
 * What decodeQuads gives for some quads, after checking that the entity decoder agrees: it gives the same entities
 * (the same JSON, key order included) or gives up, and it gives up whenever decodeQuads throws. Returns whether the
 * entity decoder gave the entities.
 */
function agree(quads: readonly Quad[]): { entities?: unknown; error?: unknown; fast: boolean } {
  const decoder = new EntityDecoder(base);
  for (const q of quads) decoder.addQuad(q);
  const fast = decoder.finish();
  let entities: unknown;
  try {
    entities = decodeQuads(quads, { base });
  } catch (error) {
    expect(fast).toBeUndefined();
    return { error, fast: false };
  }
  if (fast !== undefined) expect(JSON.stringify(fast)).toBe(JSON.stringify(entities));
  return { entities, fast: fast !== undefined };
}

function decode(turtle: string): unknown {
  const { entities, error } = agree(parseTurtle(prefixes + turtle));
  if (error !== undefined) throw error;
  return entities;
}

function problemsOf(turtle: string): string[] {
  try {
    decode(turtle);
  } catch (error) {
    if (error instanceof DataError) return error.message.split('\n');
    throw error;
  }
  return [];
}

describe('decoding', () => {
  it('reads language tags in lower case whatever case the file uses', () => {
    expect(decode('person:p a kg:Person, kg:Agent, kg:Item; rdfs:label "P"@EN-GB.')).toEqual([{ type: 'Person', id: 'person/p', label: [{ value: 'P', lang: 'en-gb' }] }]);
  });

  it('refuses non-canonical integers and booleans (what the shapes\' sh:pattern refuses), naming each as written', () => {
    const turtle = `${prefixes} @prefix oa: <http://www.w3.org/ns/oa#>.
      <${base}span/s> a kg:TextSpan; oa:hasSource <${base}doc/d>; kg:sentenceNumber "+07"^^xsd:integer;
        oa:hasSelector <${base}span/s#quote>, <${base}span/s#position>.
      <${base}span/s#quote> a oa:TextQuoteSelector; oa:exact "x".
      <${base}span/s#position> a oa:TextPositionSelector; oa:start "01"^^xsd:nonNegativeInteger; oa:end "2"^^xsd:nonNegativeInteger.
      <${base}claim/c> a kg:Claim, kg:ReportedItem, kg:Item; rdfs:label "c"@en; kg:claimKind <https://w3id.org/news-kg/concept/claim-kind/statement>;
        kg:statedIn <${base}span/s>; kg:evidenceOffered "0"^^xsd:boolean.`;
    let problems: string[] = [];
    try {
      decodeQuads(parseTurtle(turtle), { base });
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems = error.message.split('\n');
    }
    const XSD = 'http://www.w3.org/2001/XMLSchema#';
    for (const expected of [
      `entity span/s, field sentenceNumber: "+07"^^<${XSD}integer>: "+07" is not an integer in canonical form`,
      `entity span/s#position, field start: "01"^^<${XSD}nonNegativeInteger>: "01" is not a non-negative integer in canonical form`,
      `entity claim/c, field evidenceOffered: "0"^^<${XSD}boolean>: "0" is not a boolean in canonical form ("true" or "false")`,
    ]) expect(problems.some((p) => p.includes(expected)), `${expected}\ngot:\n${problems.join('\n')}`).toBe(true);
  });

  it('reads canonical integers and booleans', () => {
    const turtle = `${prefixes} @prefix oa: <http://www.w3.org/ns/oa#>.
      <${base}span/s> a kg:TextSpan; oa:hasSource <${base}doc/d>; kg:sentenceNumber "7"^^xsd:integer;
        oa:hasSelector <${base}span/s#quote>, <${base}span/s#position>.
      <${base}span/s#quote> a oa:TextQuoteSelector; oa:exact "x".
      <${base}span/s#position> a oa:TextPositionSelector; oa:start "1"^^xsd:nonNegativeInteger; oa:end "2"^^xsd:nonNegativeInteger.
      <${base}claim/c> a kg:Claim, kg:ReportedItem, kg:Item; rdfs:label "c"@en; kg:claimKind <https://w3id.org/news-kg/concept/claim-kind/statement>;
        kg:statedIn <${base}span/s>; kg:evidenceOffered false.`;
    const [claim, span] = decodeQuads(parseTurtle(turtle), { base });
    expect(claim).toMatchObject({ id: 'claim/c', evidenceOffered: false });
    expect(span).toMatchObject({ id: 'span/s', sentenceNumber: 7, position: { start: 1, end: 2 } });
  });

  it('reads a well-formed entity', () => {
    expect(decode('person:p a kg:Person, kg:Agent, kg:Item; rdfs:label "P"@en; kg:name "P"@en.')).toEqual([
      { type: 'Person', id: 'person/p', label: [{ value: 'P', lang: 'en' }], name: { value: 'P', lang: 'en' } },
    ]);
  });

  it.each([
    ['an unknown predicate', 'person:p a kg:Person, kg:Agent, kg:Item; rdfs:label "P"@en; kg:shoeSize 42.',
      'entity person/p, field https://w3id.org/news-kg/ontology#shoeSize: predicate <https://w3id.org/news-kg/ontology#shoeSize> is not declared for class Person'],
    ['an unknown class', 'person:p a kg:Dragon; rdfs:label "P"@en.',
      'entity person/p, field rdf:type: unknown class <https://w3id.org/news-kg/ontology#Dragon>'],
    ['an abstract class alone', 'person:p a kg:Agent; rdfs:label "P"@en.',
      'entity person/p, field rdf:type: type <https://w3id.org/news-kg/ontology#Agent> given, but it is abstract: an entity has one concrete class of ours, asserted with its superclasses'],
    ['a missing type', 'person:p rdfs:label "P"@en.',
      'entity person/p, field rdf:type: expected the IRI of its class and of each of its superclasses of ours, got none'],
    ['a missing required value', 'person:p a kg:Person, kg:Agent, kg:Item.',
      'entity person/p, field label: required property <http://www.w3.org/2000/01/rdf-schema#label> is missing'],
    ['two values where one is allowed', 'person:p a kg:Person, kg:Agent, kg:Item; rdfs:label "P"@en; kg:name "P"@en, "Q"@en.',
      'entity person/p, field name: expected at most one value of <https://w3id.org/news-kg/ontology#name>, got 2'],
    ['a literal of the wrong datatype', 'when:t a kg:TimeExpression, kg:Item; rdfs:label "T"@en; time:inXSDDate "2025-04-03".',
      'entity when/t, field date: expected a literal of datatype <http://www.w3.org/2001/XMLSchema#date>, got "2025-04-03"^^<http://www.w3.org/2001/XMLSchema#string>'],
    ['a date that is not a calendar date', 'when:t a kg:TimeExpression, kg:Item; rdfs:label "T"@en; time:inXSDDate "2025-02-30"^^xsd:date.',
      'entity when/t, field date: "2025-02-30"^^<http://www.w3.org/2001/XMLSchema#date>: "2025-02-30" is not a calendar date (YYYY-MM-DD)'],
    ['a plain string where a language tag is required', 'person:p a kg:Person, kg:Agent, kg:Item; rdfs:label "P".',
      'entity person/p, field label: expected a language-tagged string, got "P"^^<http://www.w3.org/2001/XMLSchema#string>'],
    ['a literal where a reference is required', 'person:p a kg:Person, kg:Agent, kg:Item; rdfs:label "P"@en; kg:holds "office".',
      'entity person/p, field holds: expected a reference to an entity, got "office"^^<http://www.w3.org/2001/XMLSchema#string>'],
    ['a reference outside the base', 'person:p a kg:Person, kg:Agent, kg:Item; rdfs:label "P"@en; kg:holds <http://elsewhere.org/x>.',
      'entity person/p, field holds: <http://elsewhere.org/x> is not under the base <https://w3id.org/news-kg/id/> (--base): an entity\'s IRI is the base followed by its id'],
    ['an IRI that does not fit the class', '<https://w3id.org/news-kg/id/country/x> a kg:Person, kg:Agent, kg:Item; rdfs:label "P"@en.',
      'entity country/x, field rdf:type: a Person must have an IRI under <https://w3id.org/news-kg/id/person/>'],
    ['a blank node', '[] a kg:Person, kg:Agent, kg:Item; rdfs:label "P"@en.',
      'subject is a BlankNode; only IRIs are allowed (no blank nodes)'],
    ['a subject outside the base', '<http://elsewhere.org/x> a kg:Person, kg:Agent, kg:Item; rdfs:label "P"@en.',
      'entity <http://elsewhere.org/x>, field id: <http://elsewhere.org/x> is not under the base <https://w3id.org/news-kg/id/> (--base): an entity\'s IRI is the base followed by its id'],
    ['a value outside a value set', '@prefix k: <https://w3id.org/news-kg/concept/claim-kind/>. <https://w3id.org/news-kg/id/claim/c> a kg:Claim, kg:Item; rdfs:label "C"@en; kg:claimKind k:rumour.',
      'entity claim/c, field claimKind: <https://w3id.org/news-kg/concept/claim-kind/rumour> is not a member of the value set claim-kind'],
  ])('rejects %s, naming it', (_what, turtle, message) => {
    const problems = problemsOf(turtle);
    expect(problems.some((p) => p.includes(message)), `got:\n${problems.join('\n')}`).toBe(true);
  });
});

describe('rdf:type: an entity carries its class and every superclass of ours, no more and no fewer', () => {
  const K = 'https://w3id.org/news-kg/ontology#';
  const span = (quoteTypes: string): string => `@prefix oa: <http://www.w3.org/ns/oa#>.
    <${base}span/s> a kg:TextSpan; oa:hasSource <${base}doc/d>; oa:hasSelector <${base}span/s#quote>, <${base}span/s#position>.
    <${base}span/s#quote> a ${quoteTypes}; oa:exact "x".
    <${base}span/s#position> a oa:TextPositionSelector; oa:start "1"^^xsd:nonNegativeInteger; oa:end "2"^^xsd:nonNegativeInteger.`;

  it.each([
    ['a Person, its types in another order', 'person:p a kg:Item, kg:Person, kg:Agent; rdfs:label "P"@en.', { type: 'Person', id: 'person/p' }],
    ['a Country (a Place and an Agent)', '<https://w3id.org/news-kg/id/country/x> a kg:Country, kg:Place, kg:Agent, kg:Item; rdfs:label "X"@en.', { type: 'Country', id: 'country/x' }],
    ['a Place, which has no concrete superclass', '<https://w3id.org/news-kg/id/place/x> a kg:Place, kg:Item; rdfs:label "X"@en.', { type: 'Place', id: 'place/x' }],
    ['a Government (an Organization, an Agent, an Item)', '<https://w3id.org/news-kg/id/organization/x> a kg:Government, kg:Organization, kg:Agent, kg:Item; rdfs:label "X"@en.', { type: 'Government', id: 'organization/x' }],
  ])('reads %s as its most specific class', (_what, turtle, expected) => {
    expect(decode(turtle)).toEqual([expect.objectContaining(expected)]);
  });

  it.each([
    ['a superclass type missing', 'person:p a kg:Person, kg:Agent; rdfs:label "P"@en.',
      `entity person/p, field rdf:type: types <${K}Person> and <${K}Agent> given, but <${K}Item> (a superclass of kg:Person) is missing`],
    ['only the class given (as before the superclasses were asserted)', 'person:p a kg:Person; rdfs:label "P"@en.',
      `entity person/p, field rdf:type: type <${K}Person> given, but <${K}Agent> and <${K}Item> (superclasses of kg:Person) are missing`],
    ['the second superclass of a Country missing', '<https://w3id.org/news-kg/id/country/x> a kg:Country, kg:Place, kg:Item; rdfs:label "X"@en.',
      `entity country/x, field rdf:type: types <${K}Country>, <${K}Place> and <${K}Item> given, but <${K}Agent> (a superclass of kg:Country) is missing`],
    ['a superclass given without its class\'s concrete superclass', '<https://w3id.org/news-kg/id/organization/x> a kg:Government, kg:Agent, kg:Item; rdfs:label "X"@en.',
      `entity organization/x, field rdf:type: types <${K}Government>, <${K}Agent> and <${K}Item> given, but <${K}Organization> (a superclass of kg:Government) is missing`],
    ['an unrelated class of ours added', 'person:p a kg:Person, kg:Agent, kg:Item, kg:Place; rdfs:label "P"@en.',
      `entity person/p, field rdf:type: types <${K}Person>, <${K}Agent>, <${K}Item> and <${K}Place> given, but <${K}Place> is neither kg:Person nor a superclass of it: an entity has one class of ours, asserted with its superclasses and no other class`],
    ['an unrelated abstract class added', 'person:p a kg:Person, kg:Agent, kg:Item, kg:Event; rdfs:label "P"@en.',
      `entity person/p, field rdf:type: types <${K}Person>, <${K}Agent>, <${K}Item> and <${K}Event> given, but <${K}Event> is neither kg:Person nor a superclass of it`],
    ['a class of ours that is not a superclass, though it shares one', '<https://w3id.org/news-kg/id/country/x> a kg:Country, kg:Place, kg:Agent, kg:Item, kg:Person; rdfs:label "X"@en.',
      `entity country/x, field rdf:type: types <${K}Country>, <${K}Place>, <${K}Agent>, <${K}Item> and <${K}Person> given, but <${K}Person> is neither kg:Country nor a superclass of it`],
    ['an external class (schema:, kept in the ontology only)', 'person:p a kg:Person, kg:Agent, kg:Item, <https://schema.org/Person>; rdfs:label "P"@en.',
      'entity person/p, field rdf:type: unknown class <https://schema.org/Person>'],
    ['two unrelated classes and no way to tell which', 'person:p a kg:Person, kg:Office; rdfs:label "P"@en.',
      `entity person/p, field rdf:type: types <${K}Person> and <${K}Office> given`],
    ['a literal as a type', 'person:p a kg:Person, kg:Agent, kg:Item, "kg:Person"; rdfs:label "P"@en.',
      'entity person/p, field rdf:type: expected class IRIs, got "kg:Person"^^<http://www.w3.org/2001/XMLSchema#string>'],
    ['a selector with a superclass of ours added (embedded nodes keep their one type)', span('oa:TextQuoteSelector, kg:Item'),
      'entity span/s#quote, field rdf:type: expected exactly one class IRI, got <http://www.w3.org/ns/oa#TextQuoteSelector>, <https://w3id.org/news-kg/ontology#Item>'],
  ])('rejects %s, naming the entity and rdf:type', (_what, turtle, message) => {
    const problems = problemsOf(turtle);
    expect(problems.some((p) => p.includes(message)), `got:\n${problems.join('\n')}`).toBe(true);
  });

  it('reads a selector with its one type', () => {
    expect(() => decode(span('oa:TextQuoteSelector'))).not.toThrow();
  });
});

describe('the entity-by-entity decoder', () => {
  const read = (file: string): Quad[] => new Parser({ format: file.endsWith('.nq') ? 'application/n-quads' : 'text/turtle' }).parse(readFileSync(projectPath(file), 'utf8'))
    .map((q) => DataFactory.quad(q.subject, q.predicate, q.object));

  it.each([['output/article-000.nt'], ['output/entities.nt'], ['output/article-000.nq'], ['output/article-000.ttl'], ['output/entities.ttl']])('decodes %s as decodeQuads does', (file) => {
    const { fast, entities } = agree(read(file));
    expect(fast).toBe(true);
    expect((entities as unknown[]).length).toBeGreaterThan(20);
  });

  it('gives up on an entity whose triples come in two runs, on a node embedded in no entity and on a subject outside the base', () => {
    const quads = read('output/article-000.nt');
    const moved = [...quads.slice(1), quads[0] as Quad];
    expect(agree(moved).fast).toBe(false);
    expect(agree(moved).entities).toEqual(agree(quads).entities);
    const n = (iri: string) => DataFactory.namedNode(iri);
    const stray = DataFactory.quad(n(`${base}span/nowhere#position`), n('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), n('http://www.w3.org/ns/oa#TextPositionSelector'));
    expect(agree([...quads, stray]).error).toBeInstanceOf(DataError);
    const outside = DataFactory.quad(n('http://example.org/x'), n('http://www.w3.org/2000/01/rdf-schema#label'), DataFactory.literal('x'));
    expect(agree([outside, ...quads]).error).toBeInstanceOf(DataError);
  });

  it('agrees with decodeQuads on edited exports: quads dropped, repeated, moved, or with another subject, predicate or object', () => {
    const quads = read('output/article-000.nt');
    const objects = quads.map((q) => q.object);
    const odd = [DataFactory.literal('x'), DataFactory.literal('-1', DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#integer')), DataFactory.literal('y', 'EN'),
      DataFactory.blankNode('b'), DataFactory.namedNode(`${base}person/nobody`), DataFactory.namedNode('http://example.org/x'), DataFactory.literal('01', DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#nonNegativeInteger'))];
    const edit = fc.tuple(fc.nat(quads.length - 1), fc.nat(quads.length - 1), fc.nat(6), fc.nat(odd.length - 1));
    let fast = 0;
    let slow = 0;
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
      const edited = [...quads];
      for (const [a, b, how, k] of edits) {
        // Positions in the file as edited so far (a quad dropped before shortens it).
        const i = a % edited.length;
        const j = b % edited.length;
        const q = edited[i] as Quad;
        const other = edited[j] as Quad;
        if (how === 0) edited.splice(i, 1);
        else if (how === 1) edited.splice(i, 0, q);
        else if (how === 2) edited[i] = DataFactory.quad(q.subject, q.predicate, objects[j] as Quad['object']);
        else if (how === 3) edited[i] = DataFactory.quad(q.subject, other.predicate, q.object);
        else if (how === 4) edited[i] = DataFactory.quad(other.subject, q.predicate, q.object);
        else if (how === 5) edited[i] = DataFactory.quad(q.subject, q.predicate, odd[k] as Quad['object']);
        else { edited.splice(i, 1); edited.splice(j, 0, q); }
      }
      if (agree(edited).fast) fast++;
      else slow++;
    }), { numRuns: 300 });
    expect(fast).toBeGreaterThan(20);
    expect(slow).toBeGreaterThan(20);
  });
});
