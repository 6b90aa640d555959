// Article 000 against its source text: sentence coverage, exact slices, claims kept apart from facts, times, Wikidata links and names.
import { existsSync, readFileSync } from 'node:fs';
import type { Quad, Term } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { article000 } from '../src/data/article-000.js';
import { entitiesQuads, sortedById } from '../src/encode.js';
import { projectPath } from '../src/project.js';
import { CONCEPT_NS, DEFAULT_BASE, KG_NS, OA, RDF, RDFS, SKOS, TIME, WD, XSD } from '../src/vocab.js';
import { parseTurtle, quadSet } from './helpers.js';

// ---- The graph, the source text, and small readers of both ------------------------------------------------------

const SOURCE = 'src/data/sources/000_bb2e1ba8c6e08444.txt';
const DATELINE = 'date 2025-04-04 ';
const text = readFileSync(projectPath(SOURCE), 'utf8');
const codePoints = Array.from(text);
const quads: Quad[] = [...entitiesQuads(sortedById(article000.entities), { base: DEFAULT_BASE })];

const kg = (local: string): string => KG_NS + local;
const id = (local: string): string => DEFAULT_BASE + local;
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

// ---- The body sentences, split from the source independently of the data's own list ------------------------------

interface Sentence { readonly n: number; readonly text: string; readonly start: number; readonly end: number }

/** Splits the source into body sentences (without the dateline and the subheadings) and lists the dropped subheadings. */
function splitBody(source: string): { sentences: Sentence[]; subheadings: string[] } {
  const sentences: Sentence[] = [];
  const subheadings: string[] = [];
  let first = true;
  for (const line of source.matchAll(/[^\n]+/g)) {
    let body = line[0].trimStart();
    let at = line.index + (line[0].length - body.length);
    body = body.trimEnd();
    if (body === '') continue;
    if (first) {
      first = false;
      if (!body.startsWith(DATELINE)) throw new Error(`the first paragraph does not start with the dateline ${JSON.stringify(DATELINE)}`);
      at += DATELINE.length;
      body = body.slice(DATELINE.length);
    }
    if (!/[.!?]["”’]?$/u.test(body)) {
      subheadings.push(body);
      continue;
    }
    for (const m of body.matchAll(/\S.*?[.!?]["”’]?(?=\s|$)/gsu)) {
      const start = codePointAt(at + m.index);
      sentences.push({ n: sentences.length + 1, text: m[0], start, end: start + Array.from(m[0]).length });
    }
  }
  return { sentences, subheadings };
}

const body = splitBody(text);
const short = (s: string): string => (Array.from(s).length > 40 ? `${Array.from(s).slice(0, 40).join('')}…` : s);

describe('the export of article 000', () => {
  it('is the graph the committed output/article-000.ttl holds', () => {
    const committed = parseTurtle(readFileSync(projectPath('output/article-000.ttl'), 'utf8'));
    expect(quadSet(committed)).toEqual(quadSet(quads));
  });

  it('describes the source file byte for byte', () => {
    const [doc, ...others] = ofType(kg('SourceDocument'));
    expect(others).toEqual([]);
    expect(values(doc as string, kg('sourceFile'))).toEqual([SOURCE]);
    expect(values(doc as string, kg('text'))).toEqual([text]);
    expect(values(doc as string, kg('characterCount'))).toEqual([String(codePoints.length)]);
  });
});

// ---- 1. Every body sentence is covered ------------------------------------------------------------------------------

describe('sentence coverage', () => {
  const statedIn = [...new Set(quads.filter((q) => q.predicate.value === kg('statedIn')).map((q) => q.object.value))];
  const numbered = ofType(kg('TextSpan')).filter((s) => values(s, kg('sentenceNumber')).length > 0);

  it('finds 13 body sentences once the dateline and the two subheadings are dropped', () => {
    expect(body.sentences).toHaveLength(13);
    expect(body.subheadings).toEqual(['‘We have common views’', 'Russian security contractors']);
  });

  it('splits the source at the offsets it reports', () => {
    for (const s of body.sentences) expect(slice(s.start, s.end), `sentence ${s.n}`).toBe(s.text);
  });

  const table = body.sentences.map((s) => [s.n, short(s.text), s] as const);

  it.each(table)('sentence %i (%s) contains a span that some fact or claim is stated in', (_n, _excerpt, sentence) => {
    const inside = statedIn.filter((span) => {
      const { start, end } = positionOf(span);
      return start >= sentence.start && end <= sentence.end;
    });
    expect(inside.length, `no kg:statedIn target lies within [${sentence.start}, ${sentence.end})`).toBeGreaterThan(0);
  });

  it.each(table)('sentence %i (%s) has a numbered span with exactly its offsets', (n, _excerpt, sentence) => {
    const matching = numbered.filter((span) => {
      const { start, end } = positionOf(span);
      return start === sentence.start && end === sentence.end;
    });
    expect(matching.map((span) => values(span, kg('sentenceNumber')))).toEqual([[String(n)]]);
  });

  it('numbers no span that is not one of the body sentences', () => {
    expect(numbered).toHaveLength(body.sentences.length);
  });
});

// ---- 2. Every selector slices the source to its quote -------------------------------------------------------------

describe('text selectors', () => {
  const spans = ofType(kg('TextSpan')).map((span) => [span.slice(DEFAULT_BASE.length), span] as const);
  const ambiguous = spans.filter(([, span]) => occurrences(one(`${span}#quote`, OA.exact)) > 1);

  it('has every position selector as the #position node of exactly one span', () => {
    const selectors = ofType(OA.TextPositionSelector);
    const owners = selectors.map((sel) => quads.filter((q) => q.predicate.value === OA.hasSelector && q.object.value === sel).map((q) => `${q.subject.value}#position`));
    expect(owners).toEqual(selectors.map((sel) => [sel]));
    expect(selectors).toHaveLength(spans.length);
  });

  it.each(spans)('span %s selects, by code points, exactly the text its quote selector gives', (_id, span) => {
    expect(values(span, OA.hasSelector).sort()).toEqual([`${span}#position`, `${span}#quote`]);
    expect(values(`${span}#position`, RDF.type)).toEqual([OA.TextPositionSelector]);
    expect(values(`${span}#quote`, RDF.type)).toEqual([OA.TextQuoteSelector]);
    const { start, end } = positionOf(span);
    expect(start).toBeLessThan(end);
    expect(end).toBeLessThanOrEqual(codePoints.length);
    const quote = `${span}#quote`;
    expect(slice(start, end)).toBe(one(quote, OA.exact));
    for (const prefix of values(quote, OA.prefix)) expect(slice(start - Array.from(prefix).length, start), 'prefix').toBe(prefix);
    for (const suffix of values(quote, OA.suffix)) expect(slice(end, end + Array.from(suffix).length), 'suffix').toBe(suffix);
  });

  it('has quotes that occur more than once in the source (so the rule below is exercised)', () => {
    expect(ambiguous.map(([spanId]) => spanId)).toContain('span/s02-on-thursday');
  });

  it.each(ambiguous)('span %s, whose text occurs more than once, is disambiguated by a prefix or suffix', (_id, span) => {
    const quote = `${span}#quote`;
    const prefix = values(quote, OA.prefix);
    const suffix = values(quote, OA.suffix);
    expect(prefix.length + suffix.length).toBeGreaterThan(0);
    expect(occurrences(`${prefix[0] ?? ''}${one(quote, OA.exact)}${suffix[0] ?? ''}`)).toBe(1);
  });
});

// ---- 3. Claims are not facts ------------------------------------------------------------------------------------------

describe('claims', () => {
  const RELATION_NS = `${CONCEPT_NS}relation/`;
  const claims = ofType(kg('Claim'));
  const propositions = ofType(kg('Proposition'));

  it('uses no claimed relation as the predicate of a triple', () => {
    expect(quads.filter((q) => q.predicate.value.startsWith(RELATION_NS)).map((q) => q.predicate.value)).toEqual([]);
  });

  it('names every claimed relation only as the rdf:predicate of a proposition', () => {
    const users = quads.filter((q) => q.object.value.startsWith(RELATION_NS));
    expect(users.length).toBeGreaterThan(0);
    expect([...new Set(users.map((q) => q.predicate.value))]).toEqual([RDF.predicate]);
    expect(users.filter((q) => !propositions.includes(q.subject.value)).map((q) => q.subject.value)).toEqual([]);
  });

  it('reaches every proposition from a claim, through kg:content or as the rdf:object of a reached proposition', () => {
    const reached = new Set(claims.flatMap((c) => values(c, kg('content'))));
    for (const p of reached) for (const o of values(p, RDF.object)) if (propositions.includes(o)) reached.add(o);
    expect(propositions.length).toBeGreaterThan(0);
    expect(propositions.filter((p) => !reached.has(p))).toEqual([]);
    expect([...reached].filter((p) => !propositions.includes(p))).toEqual([]);
  });

  const terrorists = id('organization/terrorist-groups-in-this-part-of-africa');

  it('holds the claim that Ukraine supports terrorist groups as a proposition', () => {
    const p = id('prop/ukraine-supports-terrorist-groups');
    expect(objects(p, RDF.subject)).toEqual([iri(id('country/ukraine'))]);
    expect(objects(p, RDF.predicate)).toEqual([iri(concept('relation', 'supports'))]);
    expect(objects(p, RDF.object)).toEqual([iri(terrorists)]);
  });

  it.each([['country/ukraine'], ['organization/government-of-ukraine']])('asserts no triple from %s to the terrorist groups', (subject) => {
    expect(bySubject.get(id(subject))?.length ?? 0).toBeGreaterThan(0);
    expect(quads.filter((q) => q.subject.value === id(subject) && q.object.value === terrorists).map((q) => q.predicate.value)).toEqual([]);
  });

  it("records Lavrov's accusation as an accusation by Lavrov, without evidence, with his words", () => {
    const claim = id('claim/lavrov-accuses-ukraine');
    expect(objects(claim, RDF.type)).toEqual([iri(kg('Claim'))]);
    expect(objects(claim, kg('evidenceOffered'))).toEqual([typed('false', XSD.boolean)]);
    expect(objects(claim, kg('claimant'))).toEqual([iri(id('person/sergey-lavrov'))]);
    expect(objects(claim, kg('claimKind'))).toEqual([iri(concept('claim-kind', 'accusation'))]);
    const verbatim = objects(claim, kg('verbatim'));
    expect(verbatim.length).toBeGreaterThan(0);
    for (const v of verbatim) expect(text.includes(v.value), v.value).toBe(true);
  });

  const verbatims = claims.flatMap((c) => values(c, kg('verbatim')).map((v) => [c.slice(DEFAULT_BASE.length), v] as const));

  it('has claims with verbatim words', () => {
    expect(verbatims.length).toBeGreaterThan(0);
  });

  it.each(verbatims)('claim %s quotes words that occur verbatim in the source: %s', (_claim, words) => {
    expect(occurrences(words)).toBeGreaterThan(0);
  });

  it.each(verbatims)('claim %s quotes only words the article puts in quotation marks: %s', (_claim, words) => {
    const opening = ['"', '“', '‘'];
    const at = text.indexOf(words);
    expect(opening).toContain(text.charAt(at - 1));
  });

  // Reported facts that happen to link a claim's subject and object, each with the reason it is a fact.
  const FACTS_LINKING_CLAIMED_PARTIES: Record<string, string> = {
    'prop/attack-among-largest-losses': 'the article reports as fact that Russian mercenaries were among those killed (kg:victim)',
  };
  it.each(propositions.map((p) => [p.slice(DEFAULT_BASE.length), p] as const))('asserts no triple between the subject and object of %s (unless a reported fact)', (local, p) => {
    const [subject] = values(p, RDF.subject);
    const [object] = values(p, RDF.object);
    const direct = quads.filter((q) => (q.subject.value === subject && q.object.value === object) || (q.subject.value === object && q.object.value === subject));
    if (local in FACTS_LINKING_CLAIMED_PARTIES) expect(direct.length, FACTS_LINKING_CLAIMED_PARTIES[local]).toBeGreaterThan(0);
    else expect(direct.map((q) => q.predicate.value)).toEqual([]);
  });
});

// ---- 4. Times are resolved against the article date -----------------------------------------------------------------

describe('time expressions', () => {
  const PRECISIONS = [TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear];

  it.each([
    ['when/2025-04-03-thursday', 'time:inXSDDate', TIME.inXSDDate, '"2025-04-03"^^xsd:date', typed('2025-04-03', XSD.date)],
    ['when/2025-04-03-thursday', 'kg:originalText', kg('originalText'), '"on Thursday"@en', english('on Thursday')],
    ['when/2025-04-03-thursday', 'kg:resolvedAgainst', kg('resolvedAgainst'), 'when/2025-04-04-article-date', iri(id('when/2025-04-04-article-date'))],
    ['when/2024-last-year', 'time:inXSDgYear', TIME.inXSDgYear, '"2024"^^xsd:gYear', typed('2024', XSD.gYear)],
    ['when/2024-07-july', 'time:inXSDgYearMonth', TIME.inXSDgYearMonth, '"2024-07"^^xsd:gYearMonth', typed('2024-07', XSD.gYearMonth)],
  ] as const)('%s has %s %s and no other value of it', (when, _name, predicate, _shown, expected) => {
    expect(objects(id(when), predicate)).toEqual([expected]);
  });

  it.each([
    ['when/2025-04-03-thursday', 'a day', TIME.inXSDDate],
    ['when/2024-last-year', 'a year', TIME.inXSDgYear],
    ['when/2024-07-july', 'a month', TIME.inXSDgYearMonth],
  ])('%s keeps its precision: it is resolved to %s only', (when, _precision, precision) => {
    expect(PRECISIONS.filter((p) => values(id(when), p).length > 0)).toEqual([precision]);
  });

  it.each([['when/recent-years'], ['when/already']])('%s has no date, month or year, but a time it lies before', (when) => {
    expect(objects(id(when), RDF.type)).toEqual([iri(kg('TimeExpression'))]);
    expect(PRECISIONS.filter((p) => values(id(when), p).length > 0)).toEqual([]);
    const before = values(id(when), kg('before'));
    expect(before).toHaveLength(1);
    expect(values(before[0] as string, TIME.inXSDDate)).toHaveLength(1);
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

    const [doc] = ofType(kg('SourceDocument'));
    expect(objects(doc as string, kg('datePublished'))).toEqual([typed(iso(published), XSD.date)]);
    expect(objects(doc as string, kg('publicationTime'))).toEqual([iri(id('when/2025-04-04-article-date'))]);
    expect(objects(id('when/2025-04-04-article-date'), TIME.inXSDDate)).toEqual([typed(iso(published), XSD.date)]);
    expect(objects(id('when/2025-04-03-thursday'), TIME.inXSDDate)).toEqual([typed(iso(thursday), XSD.date)]);
  });

  it('resolves "last year" to the year before the article and "in July" to July of that year', () => {
    const lastYear = String(2025 - 1);
    expect(values(id('when/2024-last-year'), TIME.inXSDgYear)).toEqual([lastYear]);
    expect(values(id('when/2024-07-july'), TIME.inXSDgYearMonth)).toEqual([`${lastYear}-07`]);
    expect(values(id('when/2024-07-july'), kg('resolvedAgainst'))).toEqual([id('when/2024-last-year')]);
  });
});

// ---- 5. Wikidata links come from the reference list only -------------------------------------------------------------

describe('Wikidata identifiers', () => {
  const REFERENCE = projectPath('src/data/reference/wikidata.tsv');

  /** The reference list: Wikidata id to label. Fails (never skips) when the file is missing. */
  function reference(): Map<string, string> {
    expect(existsSync(REFERENCE), `the Wikidata reference list is missing: expected it at ${REFERENCE}`).toBe(true);
    const rows = readFileSync(REFERENCE, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).map((l) => l.split('\t'));
    const [header, ...data] = rows;
    expect(header?.[0]).toBe('label');
    const labelAt = header?.indexOf('label') ?? -1;
    const idAt = header?.indexOf('wikidata') ?? -1;
    expect(idAt, 'the reference list has no "wikidata" column').toBeGreaterThanOrEqual(0);
    return new Map(data.map((r) => [r[idAt] ?? '', r[labelAt] ?? '']));
  }

  const links = quads.filter((q) => q.predicate.value === kg('wikidata'));

  it('links some entities to Wikidata', () => {
    expect(links.length).toBeGreaterThan(0);
  });

  it('links only to entities of the reference list, as http://www.wikidata.org/entity/<id>', () => {
    const known = reference();
    const bad = links.filter((q) => {
      const m = new RegExp(`^${WD.ns.replace(/[.]/g, '\\.')}(Q[1-9][0-9]*)$`).exec(q.object.value);
      return q.object.termType !== 'NamedNode' || !m || !known.has(m[1] as string);
    });
    expect(bad.map((q) => `${q.subject.value} -> ${q.object.value}`)).toEqual([]);
  });

  it('never links two entities to the same Wikidata entity', () => {
    const owners = new Map<string, string[]>();
    for (const q of links) owners.set(q.object.value, [...(owners.get(q.object.value) ?? []), q.subject.value]);
    expect([...owners].filter(([, subjects]) => subjects.length > 1)).toEqual([]);
  });

  it('links each entity under the label the reference list gives, unless it is identified outside the text', () => {
    const known = reference();
    const mismatched = links
      .filter((q) => values(q.subject.value, kg('identifiedOutsideText')).join() !== 'true')
      .filter((q) => !values(q.subject.value, RDFS.label).includes(known.get(q.object.value.slice(WD.ns.length)) ?? ''))
      .map((q) => q.subject.value);
    expect(mismatched).toEqual([]);
  });

  it('marks the attack in northern Mali as identified outside the text', () => {
    const attack = id('event/attack-northern-mali-2024-07');
    expect(objects(attack, kg('identifiedOutsideText'))).toEqual([typed('true', XSD.boolean)]);
    expect(values(attack, kg('wikidata'))).toHaveLength(1);
  });
});

// ---- 6. Names and the surface forms of the source -------------------------------------------------------------------

describe('names', () => {
  it.each([
    ['organization/government-of-ukraine', 'Kiev'],
    ['organization/government-of-russia', 'Moscow'],
  ])('%s has the alternative label "%s"', (entity, alt) => {
    expect(objects(id(entity), SKOS.altLabel)).toContainEqual(english(alt));
  });

  it.each([
    ['person/foreign-minister-of-burkina-faso'],
    ['person/foreign-minister-of-niger'],
    ['person/spokesperson-of-ukrainian-military-intelligence'],
  ])('%s, whom the article does not name, has no kg:name', (person) => {
    expect(objects(id(person), RDF.type)).toEqual([iri(kg('Person'))]);
    expect(objects(id(person), kg('name'))).toEqual([]);
  });

  it.each([
    ['person/sergey-lavrov', 'Sergey Lavrov'],
    ['person/abdoulaye-diop', 'Abdoulaye Diop'],
  ])('%s, whom the article names, has the kg:name "%s"', (person, name) => {
    expect(objects(id(person), kg('name'))).toEqual([english(name)]);
  });
});
