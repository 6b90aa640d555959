// Generates a synthetic corpus through the real declarations: articles with entities of every class, deterministic per seed.
import type { Entity } from '../model/classes.js';
import { en, SpanBuilder, type Dataset } from '../mapping/dataset.js';
import { codePointLength } from '../mapping/text.js';

/** A small deterministic random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ['Amara', 'Bogdan', 'Chloé', 'Dmitri', 'Émile', 'Fatou', 'Gulnara', 'Hiroshi', 'Ísak', 'Jamal', 'Kwame', 'Lucía', 'Mei', 'Nour', 'Oğuz', 'Priya'];
const FAMILY = ['Diallo', 'Ivanova', "O'Neill", 'Müller', 'Traoré', 'Kowalski', 'Nakamura', 'Haddad', 'Sánchez', 'Okafor', 'Lindqvist', 'Zhou'];
const LANDS = ['Ruritania', 'Freedonia', 'Genovia', 'Latveria', 'Sokovia', 'Wakanda', 'Elbonia', 'Qurac'];
const WORDS = ['quoted "words"', 'a back\\slash', 'a tab\there', 'an emoji 🚀', 'naïve café', 'שלום', 'Ελληνικά', '“curly”', 'line\nbreak'];

/** The id prefix of article `i` (every entity id of the article carries it, so ids are unique across the corpus). */
function tag(i: number): string {
  return `a${String(i).padStart(7, '0')}`;
}

/** Article `i` of the corpus of a seed: a source text and entities of every class, all checked like real data. */
export function syntheticArticle(i: number, seed: number): Dataset {
  const rnd = random((seed * 1000003 + i) >>> 0);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const t = tag(i);
  const p1 = `${pick(GIVEN)} ${pick(FAMILY)}`;
  const p2 = `${pick(GIVEN.filter((g) => !p1.startsWith(g)))} ${pick(FAMILY)}`;
  const c1 = pick(LANDS);
  const c2 = pick(LANDS.filter((l) => l !== c1));
  const w = pick(WORDS);
  const year = 1990 + Math.floor(rnd() * 35);
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const s1 = `${p1}, foreign minister of ${c1}, met ${p2} of ${c2} on Monday to discuss ${w}.`;
  const s2 = `${p1} said that ${c2} "supports armed groups" without offering evidence.`;
  const s3 = `Last year an attack in the north of ${c1} killed dozens, after a coup in recent years.`;
  const s4 = `${c1} offered training in ${year}-${String(month).padStart(2, '0')} and cut ties with ${c2}.`;
  const text = `date ${date} ${s1}\n\n${s2}\n\n${s3}\n\n${s4}`;
  const doc = `doc/${t}`;
  const b = new SpanBuilder(doc, text, t);
  b.sentences([s1, s2, s3, s4]);
  const q = (n: number, exact: string): string => b.quote(n, exact);
  const id = (kind: string, local: string): string => `${kind}/${t}-${local}`;
  const P1 = id('person', 'p1');
  const P2 = id('person', 'p2');
  const C1 = id('country', 'c1');
  const C2 = id('country', 'c2');
  const entities: Entity[] = [
    { type: 'SourceDocument', id: doc, label: [en(`Synthetic article ${i}`)], datePublished: date, publicationTime: id('when', 'date'),
      sourceFile: `synthetic/${t}.txt`, text, characterCount: codePointLength(text), language: 'en', correction: [id('correction', 'claim')], statedIn: [b.outsideBody('dateline', `date ${date}`)] },
    { type: 'TimeExpression', id: id('when', 'date'), label: [en(date)], date, originalText: en(`date ${date}`) },
    { type: 'TimeExpression', id: id('when', 'monday'), label: [en('Monday')], date, originalText: en('on Monday'), resolvedAgainst: id('when', 'date'), mentionedAt: [q(1, 'on Monday')] },
    { type: 'TimeExpression', id: id('when', 'last-year'), label: [en(String(year - 1))], year: String(year - 1), originalText: en('Last year'), resolvedAgainst: id('when', 'date'), mentionedAt: [q(3, 'Last year')] },
    { type: 'TimeExpression', id: id('when', 'month'), label: [en(`${year}-${month}`)], yearMonth: `${year}-${String(month).padStart(2, '0')}`, mentionedAt: [q(4, `${year}-${String(month).padStart(2, '0')}`)] },
    { type: 'TimeExpression', id: id('when', 'recent-years'), label: [en('in recent years')], originalText: en('in recent years'), before: id('when', 'date'), mentionedAt: [q(3, 'in recent years')] },
    { type: 'Country', id: C1, label: [en(c1)], altLabel: [en(`the ${c1} government`)], mentionedAt: [q(1, `foreign minister of ${c1}`)], containedIn: [id('place', 'region')] },
    { type: 'Country', id: C2, label: [en(c2)], mentionedAt: [q(2, `that ${c2}`)] },
    { type: 'Region', id: id('place', 'region'), label: [en('the region')], description: [en(w)], southOf: [id('place', 'desert')] },
    { type: 'Desert', id: id('place', 'desert'), label: [en('the desert')] },
    { type: 'Place', id: id('place', 'capital'), label: [en(`the capital of ${c1}`)], containedIn: [C1] },
    { type: 'Region', id: id('place', 'north'), label: [en(`the north of ${c1}`)], containedIn: [C1], mentionedAt: [q(3, `the north of ${c1}`)] },
    { type: 'Person', id: P1, label: [en(p1)], name: en(p1), holds: [id('office', 'fm')], mentionedAt: [q(1, p1), q(2, p1)] },
    { type: 'Person', id: P2, label: [en(p2)], name: en(p2), mentionedAt: [q(1, p2)] },
    { type: 'Person', id: id('person', 'unnamed'), label: [en('an unnamed official')] },
    { type: 'Office', id: id('office', 'fm'), label: [en(`foreign minister of ${c1}`)], officeKind: 'foreign-minister', ofCountry: C1, postIn: id('organization', 'gov'), statedIn: [q(1, `foreign minister of ${c1}`)] },
    { type: 'Government', id: id('organization', 'gov'), label: [en(`government of ${c1}`)], country: C1 },
    { type: 'Ministry', id: id('organization', 'ministry'), label: [en(`foreign ministry of ${c1}`)], subOrganizationOf: id('organization', 'gov') },
    { type: 'ArmedForce', id: id('organization', 'army'), label: [en(`armed forces of ${c1}`)], country: C1 },
    { type: 'IntelligenceService', id: id('organization', 'intel'), label: [en(`intelligence of ${c2}`)], country: C2 },
    { type: 'ArmedGroup', id: id('organization', 'groups'), label: [en('armed groups')], mentionedAt: [q(2, 'armed groups')] },
    { type: 'MilitaryContractor', id: id('organization', 'contractor'), label: [en('a contractor')] },
    { type: 'Organization', id: id('organization', 'ngo'), label: [en('an organisation')] },
    { type: 'Group', id: id('group', 'both'), label: [en('both countries')], member: [C1, C2] },
    { type: 'Talks', id: id('event', 'talks'), eventKind: 'talks', label: [en('talks')], time: id('when', 'monday'), participant: [P1, P2], topic: en(w), statedIn: [b.sentence(1)] },
    { type: 'Offer', id: id('event', 'offer'), eventKind: 'offer', label: [en('offer of training')], offeredBy: C1, offeredTo: [C2], offerKind: 'troop-training', time: id('when', 'month'), statedIn: [q(4, `${c1} offered training`)] },
    { type: 'Attack', id: id('event', 'attack'), eventKind: 'attack', label: [en('attack')], perpetrator: [id('organization', 'groups')], victim: [id('organization', 'army')], fatalities: id('quantity', 'killed'), place: [id('place', 'north')], time: id('when', 'last-year'), follows: [id('event', 'coup')], statedIn: [q(3, 'an attack')] },
    { type: 'Coup', id: id('event', 'coup'), eventKind: 'coup', label: [en('coup')], place: [C1], time: id('when', 'recent-years'), statedIn: [q(3, 'a coup in recent years')] },
    { type: 'DiplomaticRupture', id: id('event', 'rupture'), eventKind: 'diplomatic-rupture', label: [en('cut ties')], initiator: C1, counterpart: C2, reason: [id('claim', 'support')], statedIn: [q(4, `cut ties with ${c2}`)] },
    { type: 'Expulsion', id: id('event', 'expulsion'), eventKind: 'expulsion', label: [en('expulsion')], expelledBy: [id('organization', 'gov')], expelled: [id('organization', 'contractor')], statedIn: [b.sentence(4)] },
    { type: 'SecurityCooperation', id: id('event', 'cooperation'), eventKind: 'security-cooperation', label: [en('cooperation')], provider: [id('organization', 'contractor')], client: [id('organization', 'gov')], service: en('security'), compensation: en('minerals'), statedIn: [b.sentence(4)] },
    { type: 'RelationsChange', id: id('event', 'relations'), eventKind: 'relations-change', label: [en('relations')], participant: [C1, C2], change: en('strained'), statedIn: [b.sentence(2)] },
    { type: 'Event', id: id('event', 'announcement'), eventKind: 'announcement', label: [en('announcement')], agent: [P1], statedIn: [b.sentence(1)] },
    { type: 'MonetaryAmount', id: id('quantity', 'price'), label: [en('the price')], originalText: en(w), value: String(1000 + i), currency: 'USD' },
    { type: 'Condition', id: id('condition', 'evidence'), label: [en('without evidence')], conditionText: en('without offering evidence'), statedIn: [q(2, 'without offering evidence')] },
    { type: 'Correction', id: id('correction', 'claim'), label: [en('a correction')], corrects: [id('claim', 'support')], sourceKind: 'publication', statedIn: [b.sentence(2)] },
    { type: 'Stake', id: id('stake', 'ngo'), label: [en('a stake')], holder: C1, heldIn: id('organization', 'ngo'), share: id('quantity', 'price'), statedIn: [b.sentence(4)] },
    { type: 'Quantity', id: id('quantity', 'killed'), label: [en('dozens killed')], originalText: en('dozens'), measures: en('killed'), mentionedAt: [q(3, 'dozens')] },
    { type: 'Claim', id: id('claim', 'support'), label: [en(`${p1}: ${c2} supports armed groups`)], claimant: P1, claimKind: 'accusation', reportingVerb: en('said'),
      verbatim: [en('supports armed groups')], quotedAt: [q(2, 'supports armed groups')], condition: [id('condition', 'evidence')], about: [C2], content: [id('prop', 'support')], evidenceOffered: false, statedIn: [b.sentence(2)] },
    { type: 'Proposition', id: id('prop', 'support'), label: [en(`${c2} supports armed groups`)], subject: C2, relation: 'supports', object: id('organization', 'groups'), statedIn: [q(2, 'supports armed groups')] },
    ...b.spans,
  ];
  return { name: `synthetic-${t}`, title: `Synthetic article ${i} (seed ${seed})`, entities, origin: `kg export --synthetic (seed ${seed})` };
}

/** The articles 0 … n-1 of the corpus of a seed, one at a time. */
export function* syntheticCorpus(n: number, seed: number): Generator<Dataset> {
  for (let i = 0; i < n; i++) yield syntheticArticle(i, seed);
}
