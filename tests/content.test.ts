// Every article against its own source text, picked up from the registry (plus the fictional fixture): sentences covered, exact slices, claims kept apart from facts, quotes really quoted, times resolved from that article's date, Wikidata from the reference table.
import { existsSync, readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../src/mapping/dataset.js';
import { entitiesQuads, sortedById } from '../src/mapping/encode.js';
import { projectPath } from '../src/project.js';
import { CONCEPT_NS, DEFAULT_BASE, KG_NS, OA, RDF, RDFS, TIME, WD } from '../src/model/vocab.js';
import { coverage } from '../src/commands/coverage.js';
import { TEST_ARTICLES, TEST_CORPUS } from './fixtures/articles/index.js';
import { parseTurtle, quadSet } from './helpers.js';

const kg = (local: string): string => KG_NS + local;
const REGISTERED = new Set(TEST_CORPUS.articles.filter((d) => !d.module?.startsWith('tests/')).map((d) => d.name));

// Reported facts that happen to link a claim's subject and object, each with the reason it is a fact (by proposition id).
const FACTS_LINKING_CLAIMED_PARTIES: Readonly<Record<string, string>> = {
  'prop/article-000/attack-among-largest-losses': 'the article reports as fact that Russian mercenaries were among those killed (kg:victim)',
};

/** Readers over the quads of one dataset. */
function graphOf(dataset: Dataset): {
  quads: Quad[]; values: (s: string, p: string) => string[]; one: (s: string, p: string) => string; ofType: (t: string) => string[];
} {
  const quads = [...entitiesQuads(sortedById(dataset.entities), { base: DEFAULT_BASE })];
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) bySubject.set(q.subject.value, [...(bySubject.get(q.subject.value) ?? []), q]);
  const values = (s: string, p: string): string[] => (bySubject.get(s) ?? []).filter((q) => q.predicate.value === p).map((q) => q.object.value);
  const one = (s: string, p: string): string => {
    const vs = values(s, p);
    if (vs.length !== 1) throw new Error(`${s} has ${vs.length} values of ${p}, expected exactly one`);
    return vs[0] as string;
  };
  const ofType = (t: string): string[] => quads.filter((q) => q.predicate.value === RDF.type && q.object.value === t).map((q) => q.subject.value);
  return { quads, values, one, ofType };
}

interface Sentence { readonly n: number; readonly text: string; readonly start: number; readonly end: number }

/** A dateline at the start of the first body line: `date 2025-04-04 ` or `CITY, Month 18 (Agency) - `. */
const DATELINE = /^(?:date \d{4}-\d{2}-\d{2}|[A-Z][A-Z .'-]*(?:, [A-Z][a-z]+ \d{1,2})? \([^)]+\) [-–—])\s+/;

/** Splits a source into body sentences (no dateline, no headings) by a rule independent of the kit's segmenter. */
function splitBody(source: string): Sentence[] {
  const sentences: Sentence[] = [];
  const cp = (utf16: number): number => Array.from(source.slice(0, utf16)).length;
  let datelineDone = false;
  for (const line of source.matchAll(/[^\n]+/g)) {
    let body = line[0].trimStart();
    let at = line.index + (line[0].length - body.length);
    body = body.trimEnd();
    if (body === '') continue;
    if (!datelineDone) {
      const m = DATELINE.exec(body);
      if (m) { datelineDone = true; at += m[0].length; body = body.slice(m[0].length); }
    }
    if (!/[.!?]["”’]?$/u.test(body)) continue; // a heading
    datelineDone = true;
    for (const m of body.matchAll(/\S.*?[.!?]["”’]?(?=\s|$)/gsu)) {
      const start = cp(at + m.index);
      sentences.push({ n: sentences.length + 1, text: m[0], start, end: start + Array.from(m[0]).length });
    }
  }
  return sentences;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What a relative expression must resolve to, given its anchor's value (YYYY-MM-DD, YYYY-MM or YYYY), for the
 * expressions news uses most; undefined when the expression is not one of them (then only the chain is checked).
 */
function expectedResolution(words: string, anchor: string, future: boolean): { predicate: string; check: (value: string) => boolean } | undefined {
  const [y, m, d] = anchor.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (words === 'next week' && d !== undefined && m !== undefined) {
    const day = new Date(Date.UTC(y, m - 1, d));
    const monday = new Date(day.getTime() + (((8 - day.getUTCDay()) % 7) || 7) * 86_400_000).toISOString().slice(0, 10);
    return { predicate: kg('earliest'), check: (v) => v === monday };
  }
  const year = /^(?:mid-|early |late )?(\d{4})$/.exec(words);
  if (year) return { predicate: TIME.inXSDgYear, check: (v) => v === year[1] };
  const dayMonth = /^(?:on|for) (\d{1,2}) (\w+)$/.exec(words);
  if (dayMonth && MONTHS.includes(dayMonth[2] as string) && d !== undefined && m !== undefined) {
    const [, dd, mm] = dayMonth;
    return {
      predicate: TIME.inXSDDate,
      check: (v) => {
        const days = (Date.parse(`${v}T00:00:00Z`) - Date.UTC(y, m - 1, d)) / 86_400_000;
        return v.slice(5) === `${String(MONTHS.indexOf(mm as string) + 1).padStart(2, '0')}-${(dd as string).padStart(2, '0')}` && (future ? days > 0 && days <= 366 : days < 0 && days >= -366);
      },
    };
  }
  const weekday = /^on (\w+day)$/.exec(words);
  if (weekday && d !== undefined && m !== undefined) {
    const target = WEEKDAYS.indexOf(weekday[1] as string);
    return {
      predicate: TIME.inXSDDate,
      check: (value) => {
        const days = (Date.parse(`${value}T00:00:00Z`) - Date.UTC(y, m - 1, d)) / 86_400_000;
        return new Date(`${value}T00:00:00Z`).getUTCDay() === target && (future ? days >= 1 && days <= 7 : days <= -1 && days >= -7);
      },
    };
  }
  if (words === 'last year') return { predicate: TIME.inXSDgYear, check: (v) => v === String(y - 1) };
  if (words === 'this year') return { predicate: TIME.inXSDgYear, check: (v) => v === String(y) };
  if (words === 'next year') return { predicate: TIME.inXSDgYear, check: (v) => v === String(y + 1) };
  if ((words === 'next month' || words === 'last month') && m !== undefined) {
    const shift = words === 'next month' ? 1 : -1;
    const date = new Date(Date.UTC(y, m - 1 + shift, 1));
    return { predicate: TIME.inXSDgYearMonth, check: (v) => v === date.toISOString().slice(0, 7) };
  }
  const month = /^in (\w+)$/.exec(words);
  if (month && MONTHS.includes(month[1] as string)) {
    return { predicate: TIME.inXSDgYearMonth, check: (v) => v === `${y}-${String(MONTHS.indexOf(month[1] as string) + 1).padStart(2, '0')}` };
  }
  return undefined;
}

describe.each(TEST_CORPUS.articles.map((d) => [d.name, d] as const))('article %s', (name, dataset) => {
  const { quads, values, one, ofType } = graphOf(dataset);
  const [doc, ...otherDocs] = ofType(kg('SourceDocument'));
  const sourceFile = one(doc as string, kg('sourceFile'));
  const text = readFileSync(projectPath(sourceFile), 'utf8');
  const codePoints = Array.from(text);
  const slice = (start: number, end: number): string => codePoints.slice(start, end).join('');
  const occurrences = (needle: string): number => {
    let n = 0;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) n++;
    return n;
  };
  const positionOf = (span: string): { start: number; end: number } => ({ start: Number(one(`${span}#position`, OA.start)), end: Number(one(`${span}#position`, OA.end)) });
  const short = (s: string): string => (Array.from(s).length > 40 ? `${Array.from(s).slice(0, 40).join('')}…` : s);

  describe('its document', () => {
    it('is one source document that holds its source file byte for byte', () => {
      expect(otherDocs).toEqual([]);
      expect(values(doc as string, kg('text'))).toEqual([text]);
      expect(values(doc as string, kg('characterCount'))).toEqual([String(codePoints.length)]);
    });

    it('is the graph the committed output file holds (a registered article), or is never exported (the fixture)', () => {
      if (!REGISTERED.has(name)) {
        expect(existsSync(projectPath(`output/${name}.ttl`))).toBe(false);
        return;
      }
      const committed = parseTurtle(readFileSync(projectPath(`output/${name}.ttl`), 'utf8'));
      expect(quadSet(committed)).toEqual(quadSet(quads));
    });

    it('owns every span it points into: each span is of this document', () => {
      const spans = ofType(kg('TextSpan'));
      expect(spans.length).toBeGreaterThan(0);
      expect(spans.filter((s) => values(s, OA.hasSource).join() !== doc)).toEqual([]);
      expect(spans.filter((s) => !s.startsWith(`${DEFAULT_BASE}span/${name}/`))).toEqual([]);
    });
  });

  describe('sentence coverage', () => {
    const body = splitBody(text);

    it('has nothing uncovered by the rule of kg coverage: every sentence stated in, every quoted passage quoted', () => {
      const declared = TEST_ARTICLES.find((a) => a.name === name);
      expect(declared).toBeDefined();
      const report = coverage(declared as (typeof TEST_ARTICLES)[number]);
      expect(report.sentences).toBe(body.length);
      expect([report.uncovered, report.uncoveredQuotes]).toEqual([[], []]);
    });

    const statedIn = [...new Set(quads.filter((q) => q.predicate.value === kg('statedIn')).map((q) => q.object.value))];
    const numbered = ofType(kg('TextSpan')).filter((s) => values(s, kg('sentenceNumber')).length > 0);
    const table = body.map((s) => [s.n, short(s.text), s] as const);

    it('finds body sentences, each at the offsets it reports', () => {
      expect(body.length).toBeGreaterThan(0);
      for (const s of body) expect(slice(s.start, s.end), `sentence ${s.n}`).toBe(s.text);
    });

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
      expect(numbered).toHaveLength(body.length);
    });
  });

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
      const { start, end } = positionOf(span);
      expect(start).toBeLessThan(end);
      expect(end).toBeLessThanOrEqual(codePoints.length);
      const quote = `${span}#quote`;
      expect(slice(start, end)).toBe(one(quote, OA.exact));
      for (const prefix of values(quote, OA.prefix)) expect(slice(start - Array.from(prefix).length, start), 'prefix').toBe(prefix);
      for (const suffix of values(quote, OA.suffix)) expect(slice(end, end + Array.from(suffix).length), 'suffix').toBe(suffix);
    });

    it.each(ambiguous)('span %s, whose text occurs more than once, is disambiguated by a prefix or suffix', (_id, span) => {
      const quote = `${span}#quote`;
      const prefix = values(quote, OA.prefix);
      const suffix = values(quote, OA.suffix);
      expect(prefix.length + suffix.length).toBeGreaterThan(0);
      expect(occurrences(`${prefix[0] ?? ''}${one(quote, OA.exact)}${suffix[0] ?? ''}`)).toBe(1);
    });
  });

  describe('claims', () => {
    const RELATION_NS = `${CONCEPT_NS}relation/`;
    const claims = ofType(kg('Claim'));
    const propositions = ofType(kg('Proposition'));

    it('has claims, each with a reporting verb and a span it is stated in', () => {
      expect(claims.length).toBeGreaterThan(0);
      for (const c of claims) {
        expect(values(c, kg('reportingVerb')), c).toHaveLength(1);
        expect(values(c, kg('statedIn')).length, c).toBeGreaterThan(0);
      }
    });

    it('uses no claimed relation as the predicate of a triple', () => {
      expect(quads.filter((q) => q.predicate.value.startsWith(RELATION_NS)).map((q) => q.predicate.value)).toEqual([]);
    });

    it('names claimed relations only as the rdf:predicate of a proposition', () => {
      const users = quads.filter((q) => q.object.value.startsWith(RELATION_NS));
      expect([...new Set(users.map((q) => q.predicate.value))].filter((p) => p !== RDF.predicate)).toEqual([]);
      expect(users.filter((q) => !propositions.includes(q.subject.value)).map((q) => q.subject.value)).toEqual([]);
    });

    it('reaches every proposition from a claim, through kg:content or as the rdf:object of a reached proposition', () => {
      const reached = new Set(claims.flatMap((c) => values(c, kg('content'))));
      for (const p of reached) for (const o of values(p, RDF.object)) if (propositions.includes(o)) reached.add(o);
      expect(propositions.filter((p) => !reached.has(p))).toEqual([]);
      expect([...reached].filter((p) => !propositions.includes(p))).toEqual([]);
    });

    const verbatims = claims.flatMap((c) => values(c, kg('verbatim')).map((v) => [c.slice(DEFAULT_BASE.length), v] as const));

    it.each(verbatims)('claim %s quotes words that occur verbatim in the source: %s', (_claim, words) => {
      expect(occurrences(words)).toBeGreaterThan(0);
    });

    it.each(verbatims)('claim %s quotes only words the article puts in quotation marks: %s', (_claim, words) => {
      expect(['"', '“', '‘']).toContain(text.charAt(text.indexOf(words) - 1));
    });

    it.each(propositions.map((p) => [p.slice(DEFAULT_BASE.length), p] as const))('asserts no triple between the subject and object of %s (unless a reported fact)', (local, p) => {
      const [subject] = values(p, RDF.subject);
      const [object] = values(p, RDF.object);
      const direct = quads.filter((q) => (q.subject.value === subject && q.object.value === object) || (q.subject.value === object && q.object.value === subject));
      if (local in FACTS_LINKING_CLAIMED_PARTIES) expect(direct.length, FACTS_LINKING_CLAIMED_PARTIES[local]).toBeGreaterThan(0);
      else expect(direct.map((q) => q.predicate.value)).toEqual([]);
    });
  });

  describe('queryable by a newcomer', () => {
    const entities = new Set(quads.filter((q) => q.predicate.value === RDF.type && !q.subject.value.includes('#')).map((q) => q.subject.value));

    it('labels entities by names only: editorial notes go to skos:editorialNote, never in parentheses in a label', () => {
      const noted = quads.filter((q) => q.predicate.value === RDFS.label && entities.has(q.subject.value) && /[()]/.test(q.object.value));
      expect(noted.map((q) => `${q.subject.value}: ${q.object.value}`)).toEqual([]);
    });

    it('gives every verbatim passage its own span with the same words (kg:quotedAt)', () => {
      for (const c of ofType(kg('Claim'))) {
        const quoted = values(c, kg('quotedAt')).map((span) => one(`${span}#quote`, OA.exact)).sort();
        expect(quoted, c).toEqual([...values(c, kg('verbatim'))].sort());
      }
    });

    it('mentions every person, named or not, at some span (kg:mentionedAt)', () => {
      expect(ofType(kg('Person')).filter((p) => values(p, kg('mentionedAt')).length === 0)).toEqual([]);
    });

    // The rule: the state acting (diplomacy, offers, accusations, claims about a state) is the country; a government
    // only stands for the regime as such (a junta protested against, the ruling juntas); metonyms are its mentions.
    const STATE_ROLES = ['claimant', 'initiator', 'counterpart', 'offeredBy', 'offeredTo', 'about', 'agent', 'accordingTo', 'participant',
      'perpetrator', 'victim', 'expelledBy', 'expelled', 'provider', 'client', 'beneficiary', 'holder'].map(kg)
      .concat([RDF.subject, RDF.object]);
    it('names the country, never the government, where the state acts or is spoken of', () => {
      const governments = new Set(ofType(kg('Government')));
      const misuse = quads.filter((q) => STATE_ROLES.includes(q.predicate.value) && governments.has(q.object.value));
      expect(misuse.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`)).toEqual([]);
    });
  });

  describe('time expressions', () => {
    const published = one(doc as string, kg('publicationTime'));
    const times = ofType(kg('TimeExpression')).filter((t) => t !== published);
    const valueOf = (t: string): string | undefined => [TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear].flatMap((p) => values(t, p))[0];

    it("dates the publication time on the document's date of publication", () => {
      expect(values(published, TIME.inXSDDate)).toEqual(values(doc as string, kg('datePublished')));
    });

    it.each(times.map((t) => [t.slice(DEFAULT_BASE.length), t] as const))('%s keeps its words and is resolved, through its anchors, from the article date', (_id, t) => {
      expect(values(t, kg('originalText'))).toHaveLength(1);
      if (values(t, kg('duration')).length === 1 && valueOf(t) === undefined) return; // a duration ("over ten years") is not anchored
      const seen = new Set<string>();
      let at = t;
      while (at !== published) {
        const [next] = values(at, kg('resolvedAgainst'));
        expect(next, `${at} has no kg:resolvedAgainst`).toBeDefined();
        expect(seen.has(next as string), `a cycle of kg:resolvedAgainst at ${at}`).toBe(false);
        seen.add(at);
        at = next as string;
      }
      const bounded = [kg('before'), kg('after'), kg('hasBeginning'), kg('hasEnd'), kg('earliest'), kg('latest')].some((p) => values(t, p).length > 0);
      expect(valueOf(t) !== undefined || bounded, `${t} has neither a resolved value nor a bound`).toBe(true);
    });

    it.each(times.map((t) => [t.slice(DEFAULT_BASE.length), t] as const))('%s has earliest and latest days that agree with its value and precision', (_id, t) => {
      const [precision] = values(t, kg('precision'));
      const [earliest] = values(t, kg('earliest'));
      const [latest] = values(t, kg('latest'));
      const [date] = values(t, TIME.inXSDDate);
      const [month] = values(t, TIME.inXSDgYearMonth);
      const [year] = values(t, TIME.inXSDgYear);
      if (date) expect([earliest, latest, precision]).toEqual([date, date, `${CONCEPT_NS}precision/day`]);
      else if (month) expect([earliest?.slice(0, 7), earliest?.slice(8), latest?.slice(0, 7), precision]).toEqual([month, '01', month, `${CONCEPT_NS}precision/month`]);
      else if (year) expect([earliest, latest, precision]).toEqual([`${year}-01-01`, `${year}-12-31`, `${CONCEPT_NS}precision/year`]);
      else expect([`${CONCEPT_NS}precision/vague`, `${CONCEPT_NS}precision/week`]).toContain(precision);
      if (earliest && latest) expect(earliest <= latest, `${earliest} after ${latest}`).toBe(true);
    });

    it.each(times.map((t) => [t.slice(DEFAULT_BASE.length), t] as const))('%s, when it is a common relative expression, has the value its anchor gives', (_id, t) => {
      const words = values(t, kg('originalText'))[0] ?? '';
      const anchor = valueOf(values(t, kg('resolvedAgainst'))[0] ?? '');
      // A time is in the future of the article when something planned or scheduled, or predicted, happens at it.
      const users = quads.filter((q) => q.predicate.value === kg('time') && q.object.value === t).map((q) => q.subject.value);
      const predicted = new Set(quads.filter((q) => q.predicate.value === kg('claimKind') && q.object.value === `${CONCEPT_NS}claim-kind/prediction`)
        .flatMap((q) => values(q.subject.value, kg('content'))));
      const future = users.some((u) => predicted.has(u) || values(u, kg('eventStatus')).some((s) => /\/(planned|scheduled)$/.test(s)));
      const expected = anchor === undefined ? undefined : expectedResolution(words, anchor, future);
      if (words.startsWith('from ')) {
        expect([values(t, kg('hasBeginning')).length, values(t, kg('hasEnd')).length], 'an interval has a beginning and an end').toEqual([1, 1]);
        return;
      }
      if (expected) {
        const got = values(t, expected.predicate);
        expect(got, `"${words}" resolved against ${anchor}`).toHaveLength(1);
        expect(expected.check(got[0] as string), `"${words}" resolved against ${anchor} gives ${got[0]}`).toBe(true);
      } else {
        expect(['at the time', 'in recent years', 'already', 'for weeks', 'over ten years', 'weeks after the vote'].some((w) => words === w) || anchor === undefined, `add a rule for "${words}" to expectedResolution`).toBe(true);
      }
    });
  });

  describe('Wikidata identifiers', () => {
    const REFERENCE = projectPath('src/data/reference/wikidata.tsv');
    const links = quads.filter((q) => q.predicate.value === kg('wikidata'));

    /** The reference list: Wikidata id to label. Fails (never skips) when the file is missing. */
    function reference(): Map<string, string> {
      expect(existsSync(REFERENCE), `the Wikidata reference list is missing: expected it at ${REFERENCE}`).toBe(true);
      const rows = readFileSync(REFERENCE, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).map((l) => l.split('\t'));
      const [header, ...data] = rows;
      const labelAt = header?.indexOf('label') ?? -1;
      const idAt = header?.indexOf('wikidata') ?? -1;
      expect(idAt, 'the reference list has no "wikidata" column').toBeGreaterThanOrEqual(0);
      return new Map(data.map((r) => [r[idAt] ?? '', r[labelAt] ?? '']));
    }

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
  });
});

describe('the fictional fixture article', () => {
  // Every term the model gained for what news says (quantities, event kinds and status, attribution, time, conditions,
  // corrections, organisation facts): the fixture is the worked example of each, so each must occur in its graph.
  const NEW_TERMS = [
    'Quantity', 'MonetaryAmount', 'Condition', 'Correction', 'Stake', 'Event', 'ReportedItem',
    'quantity', 'value', 'minValue', 'maxValue', 'approximate', 'unitCode', 'measures', 'currency', 'originalText',
    'eventKind', 'eventStatus', 'agent', 'target', 'accordingTo', 'sourceKind', 'certainty', 'hedge', 'time',
    'earliest', 'latest', 'precision', 'hasBeginning', 'hasEnd', 'duration', 'after',
    'condition', 'conditionText', 'conditionContent', 'correction', 'corrects', 'correctedText', 'correctText',
    'holder', 'heldIn', 'share', 'basedIn', 'ledFrom', 'memberOf', 'portfolio', 'quotedAt',
  ].map(kg);
  const fixture = TEST_CORPUS.articles.find((d) => d.name === 'fixture-001');
  const quads = fixture ? graphOf(fixture).quads : [];

  it.each(NEW_TERMS)('uses %s', (term) => {
    expect(quads.some((q) => q.predicate.value === term || (q.predicate.value === RDF.type && q.object.value === term))).toBe(true);
  });

  it.each(['happened', 'ongoing', 'scheduled', 'postponed', 'cancelled'])('has an event whose status is %s', (status) => {
    expect(quads.some((q) => q.predicate.value === kg('eventStatus') && q.object.value === `${CONCEPT_NS}event-status/${status}`)).toBe(true);
  });
});

describe('the content tests', () => {
  it('run over every registered article and the fictional fixture', () => {
    expect(REGISTERED.size).toBeGreaterThan(0);
    expect(TEST_CORPUS.articles.length).toBe(REGISTERED.size + 1);
  });
});
