// Article 000 in particular: what its sentences say, by id (the rules every article obeys are in content.test.ts).
import { readFileSync } from 'node:fs';
import type { Quad, Term } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { ARTICLES, CORPUS } from '../src/data/index.js';
import { Claim, TimeExpression } from '../src/model/classes.js';
import { entitiesQuads, sortedById } from '../src/mapping/encode.js';
import { ancestorsOf, type ClassDecl } from '../src/model/schema.js';
import { projectPath } from '../src/project.js';
import { CONCEPT_NS, DEFAULT_BASE, KG_NS, OA, RDF, SKOS, TIME, XSD } from '../src/model/vocab.js';

// ---- The graph, the source text, and small readers of both ------------------------------------------------------

const SOURCE = 'src/data/sources/000_bb2e1ba8c6e08444.txt';
const DATELINE = 'date 2025-04-04 ';
const text = readFileSync(projectPath(SOURCE), 'utf8');
const codePoints = Array.from(text);
const article = CORPUS.articles.find((d) => d.name === 'article-000');
if (!article) throw new Error('article-000 is not registered in src/data/index.ts');
const quads: Quad[] = [...entitiesQuads(sortedById(article.entities), { base: DEFAULT_BASE })];

const kg = (local: string): string => KG_NS + local;
const id = (local: string): string => DEFAULT_BASE + local;
/** The IRI of something article 000 owns (`when/…`, `claim/…`, `span/…`): namespaced by the article. */
const own = (prefix: string, slug: string): string => `${DEFAULT_BASE}${prefix}/article-000/${slug}`;
const concept = (scheme: string, member: string): string => `${CONCEPT_NS}${scheme}/${member}`;

/** The text between two code-point offsets of the source file. */
const slice = (start: number, end: number): string => codePoints.slice(start, end).join('');
/** The code-point offset of a UTF-16 index of the source file. */
const codePointAt = (utf16: number): number => Array.from(text.slice(0, utf16)).length;

/** A term as a plain object, for equality checks that show what differs. */
interface PlainTerm { readonly termType: string; readonly value: string; readonly datatype?: string; readonly language?: string }
function plain(term: Term): PlainTerm {
  return term.termType === 'Literal'
    ? { termType: 'Literal', value: term.value, datatype: term.datatype.value, language: term.language }
    : { termType: term.termType, value: term.value };
}
const iri = (value: string): PlainTerm => ({ termType: 'NamedNode', value });
const typed = (value: string, datatype: string): PlainTerm => ({ termType: 'Literal', value, datatype, language: '' });
const english = (value: string): PlainTerm => ({ termType: 'Literal', value, datatype: RDF.langString, language: 'en' });
/** The rdf:type objects of an instance of a class: its class, then each of its superclasses of ours, nearest first. */
const typesOf = (cls: ClassDecl): PlainTerm[] => [cls, ...ancestorsOf(cls)].map((c) => iri(c.iri));

const bySubject = new Map<string, Quad[]>();
for (const q of quads) bySubject.set(q.subject.value, [...(bySubject.get(q.subject.value) ?? []), q]);

/** The objects of a subject and predicate, as plain terms. */
const objects = (s: string, p: string): PlainTerm[] => (bySubject.get(s) ?? []).filter((q) => q.predicate.value === p).map((q) => plain(q.object));
/** The values (IRIs or lexical forms) of a subject and predicate. */
const values = (s: string, p: string): string[] => objects(s, p).map((t) => t.value);
/** Every subject of a given rdf:type. */
const ofType = (type: string): string[] => quads.filter((q) => q.predicate.value === RDF.type && q.object.value === type).map((q) => q.subject.value);
/** The one value of a subject and predicate; fails naming both when there is not exactly one. */
function one(s: string, p: string): string {
  const vs = values(s, p);
  if (vs.length !== 1) throw new Error(`${s} has ${vs.length} values of ${p}, expected exactly one`);
  return vs[0] as string;
}

/** The code-point offsets of a text span, read from its `#position` selector. */
function positionOf(span: string): { start: number; end: number } {
  return { start: Number(one(`${span}#position`, OA.start)), end: Number(one(`${span}#position`, OA.end)) };
}

/** How many times a string occurs in the source text (overlapping occurrences counted). */
function occurrences(needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) n++;
  return n;
}

describe('the segmentation of article 000', () => {
  it('has 13 body sentences, a dateline and two subheadings', () => {
    expect(ARTICLES.find((d) => d.name === 'article-000')?.sentenceSpans).toHaveLength(13);
    expect(values(id('doc/article-000'), kg('statedIn'))).toEqual([own('span', 'dateline')]);
    expect(one(`${own('span', 'dateline')}#quote`, OA.exact)).toBe(DATELINE.trim());
    for (const heading of ['‘We have common views’', 'Russian security contractors']) {
      expect(quads.filter((q) => q.predicate.value === OA.exact && q.object.value === heading).length, heading).toBe(1);
    }
  });

  it('disambiguates "on Thursday", which occurs twice, by its context', () => {
    const quote = `${own('span', 's02-on-thursday')}#quote`;
    expect(one(quote, OA.exact)).toBe('on Thursday');
    expect(occurrences('on Thursday')).toBe(2);
    expect(values(quote, OA.prefix).length + values(quote, OA.suffix).length).toBeGreaterThan(0);
    const { start } = positionOf(own('span', 's02-on-thursday'));
    expect(codePointAt(text.indexOf('on Thursday'))).toBe(start);
  });
});

// ---- Claims: article 000's own ------------------------------------------------------------------------------------

describe('claims', () => {
  const terrorists = own('organization', 'terrorist-groups-in-this-part-of-africa');

  it('holds the claim that Ukraine supports terrorist groups as a proposition', () => {
    const p = own('prop', 'ukraine-supports-terrorist-groups');
    expect(objects(p, RDF.subject)).toEqual([iri(id('country/ukraine'))]);
    expect(objects(p, RDF.predicate)).toEqual([iri(concept('relation', 'supports'))]);
    expect(objects(p, RDF.object)).toEqual([iri(terrorists)]);
  });

  it.each([['country/ukraine'], ['organization/government-of-ukraine']])('asserts no triple from %s to the terrorist groups', (subject) => {
    expect(bySubject.get(id(subject))?.length ?? 0).toBeGreaterThan(0);
    expect(quads.filter((q) => q.subject.value === id(subject) && q.object.value === terrorists).map((q) => q.predicate.value)).toEqual([]);
  });

  it("records Lavrov's accusation as an accusation by Lavrov, without evidence, with his words", () => {
    const claim = own('claim', 'lavrov-accuses-ukraine');
    expect(objects(claim, RDF.type)).toEqual(typesOf(Claim));
    expect(objects(claim, kg('evidenceOffered'))).toEqual([typed('false', XSD.boolean)]);
    expect(objects(claim, kg('claimant'))).toEqual([iri(id('person/sergey-lavrov'))]);
    expect(objects(claim, kg('claimKind'))).toEqual([iri(concept('claim-kind', 'accusation'))]);
    const verbatim = objects(claim, kg('verbatim'));
    expect(verbatim.length).toBeGreaterThan(0);
    for (const v of verbatim) expect(text.includes(v.value), v.value).toBe(true);
  });

  it('keeps the one reported fact that links a claimed subject and object: the contractors were among the victims', () => {
    const p = own('prop', 'attack-among-largest-losses');
    const attack = own('event', 'attack-northern-mali-2024-07');
    expect(values(p, RDF.subject)).toEqual([attack]);
    expect(values(p, RDF.object)).toEqual([id('organization/russian-military-contractors')]);
    expect(values(attack, kg('victim'))).toContain(id('organization/russian-military-contractors'));
  });
});

// ---- Times resolved against the article date ---------------------------------------------------------------------

describe('time expressions', () => {
  const PRECISIONS = [TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear];
  const PUBLISHED = own('when', 'publication-date');

  it.each([
    ['2025-04-03-thursday', 'time:inXSDDate', TIME.inXSDDate, '"2025-04-03"^^xsd:date', typed('2025-04-03', XSD.date)],
    ['2025-04-03-thursday', 'kg:originalText', kg('originalText'), '"on Thursday"@en', english('on Thursday')],
    ['2025-04-03-thursday', 'kg:resolvedAgainst', kg('resolvedAgainst'), 'the publication date', iri(PUBLISHED)],
    ['2024-last-year', 'time:inXSDgYear', TIME.inXSDgYear, '"2024"^^xsd:gYear', typed('2024', XSD.gYear)],
    ['2024-07-july', 'time:inXSDgYearMonth', TIME.inXSDgYearMonth, '"2024-07"^^xsd:gYearMonth', typed('2024-07', XSD.gYearMonth)],
  ] as const)('when/article-000/%s has %s %s and no other value of it', (when, _name, predicate, _shown, expected) => {
    expect(objects(own('when', when), predicate)).toEqual([expected]);
  });

  it.each([
    ['2025-04-03-thursday', 'a day', TIME.inXSDDate],
    ['2024-last-year', 'a year', TIME.inXSDgYear],
    ['2024-07-july', 'a month', TIME.inXSDgYearMonth],
  ])('when/article-000/%s keeps its precision: it is resolved to %s only', (when, _precision, precision) => {
    expect(PRECISIONS.filter((p) => values(own('when', when), p).length > 0)).toEqual([precision]);
  });

  it.each([
    ['recent-years', 'lies before', kg('before'), '2025-04-03'],
    ['already', 'ends with (it is still so on Thursday)', kg('hasEnd'), '2025-04-03'],
  ])('when/article-000/%s has no date, month or year, but a day it %s', (when, _how, bound, latest) => {
    expect(objects(own('when', when), RDF.type)).toEqual(typesOf(TimeExpression));
    expect(PRECISIONS.filter((p) => values(own('when', when), p).length > 0)).toEqual([]);
    const anchor = values(own('when', when), bound);
    expect(anchor).toHaveLength(1);
    expect(values(anchor[0] as string, TIME.inXSDDate)).toHaveLength(1);
    expect(values(own('when', when), kg('latest'))).toEqual([latest]);
  });

  it('dates the article on the Friday of its dateline and resolves "on Thursday" to the day before', () => {
    const dateline = /^\s*date (\d{4})-(\d{2})-(\d{2}) /.exec(text);
    expect(dateline?.slice(1)).toEqual(['2025', '04', '04']);
    const [year, month, day] = (dateline?.slice(1) ?? []).map(Number);
    const published = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
    expect(published.getUTCDay()).toBe(5);
    const thursday = new Date(published);
    do thursday.setUTCDate(thursday.getUTCDate() - 1); while (thursday.getUTCDay() !== 4);
    const iso = (d: Date): string => d.toISOString().slice(0, 10);
    expect(iso(thursday)).toBe('2025-04-03');

    const doc = id('doc/article-000');
    expect(objects(doc, kg('datePublished'))).toEqual([typed(iso(published), XSD.date)]);
    expect(objects(doc, kg('publicationTime'))).toEqual([iri(PUBLISHED)]);
    expect(objects(PUBLISHED, TIME.inXSDDate)).toEqual([typed(iso(published), XSD.date)]);
    expect(objects(own('when', '2025-04-03-thursday'), TIME.inXSDDate)).toEqual([typed(iso(thursday), XSD.date)]);
  });

  it('resolves "last year" to the year before the article and "in July" to July of that year', () => {
    const lastYear = String(2025 - 1);
    expect(values(own('when', '2024-last-year'), TIME.inXSDgYear)).toEqual([lastYear]);
    expect(values(own('when', '2024-07-july'), TIME.inXSDgYearMonth)).toEqual([`${lastYear}-07`]);
    expect(values(own('when', '2024-07-july'), kg('resolvedAgainst'))).toEqual([own('when', '2024-last-year')]);
  });
});

// ---- Wikidata and names ------------------------------------------------------------------------------------------

describe('Wikidata identifiers', () => {
  it('links the countries, Lavrov, the regions and the desert', () => {
    const linked = quads.filter((q) => q.predicate.value === kg('wikidata')).map((q) => q.subject.value.slice(DEFAULT_BASE.length)).sort();
    expect(linked).toEqual([
      'country/burkina-faso', 'country/france', 'country/mali', 'country/niger', 'country/russia', 'country/ukraine', 'country/united-states',
      'event/article-000/attack-northern-mali-2024-07', 'person/sergey-lavrov', 'place/sahara', 'place/sahel', 'place/west-africa',
    ]);
  });

  it('marks the attack in northern Mali as identified outside the text', () => {
    const attack = own('event', 'attack-northern-mali-2024-07');
    expect(objects(attack, kg('identifiedOutsideText'))).toEqual([typed('true', XSD.boolean)]);
    expect(values(attack, kg('wikidata'))).toHaveLength(1);
  });
});

describe('names', () => {
  it.each([
    ['organization/government-of-ukraine', 'Kiev'],
    ['organization/government-of-russia', 'Moscow'],
  ])('%s has the alternative label "%s"', (entity, alt) => {
    expect(objects(id(entity), SKOS.altLabel)).toContainEqual(english(alt));
  });

  it.each([
    ['foreign-minister-of-burkina-faso'],
    ['foreign-minister-of-niger'],
    ['spokesperson-of-ukrainian-military-intelligence'],
  ])('person/article-000/%s, whom the article does not name, is its own person and has no kg:name', (person) => {
    expect(objects(own('person', person), RDF.type)).toEqual([iri(kg('Person')), iri(kg('Agent')), iri(kg('Item'))]);
    expect(objects(own('person', person), kg('name'))).toEqual([]);
  });

  it.each([
    ['person/sergey-lavrov', 'Sergey Lavrov'],
    ['person/abdoulaye-diop', 'Abdoulaye Diop'],
  ])('%s, whom the article names, is a shared person with the kg:name "%s"', (person, name) => {
    expect(objects(id(person), kg('name'))).toEqual([english(name)]);
  });
});
