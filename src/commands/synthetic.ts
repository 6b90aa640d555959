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
  const ym = `${year}-${String(month).padStart(2, '0')}`;
  const date = `${ym}-${String(day).padStart(2, '0')}`;
  const s1 = `${p1}, foreign minister of ${c1}, met ${p2} of ${c2} on Monday to discuss ${w}.`;
  const s2 = `${p1} said that ${c2} "supports armed groups" without offering evidence.`;
  const s3 = `Last year an attack in the north of ${c1} killed dozens, after a coup in recent years.`;
  const s4 = `${c1} offered training in ${ym} and cut ties with ${c2}.`;
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
  // Ids used more than once are made once (one string each, hashed once by the checks and the writers).
  const WHEN = id('when', 'date');
  const MONDAY = id('when', 'monday');
  const LAST_YEAR = id('when', 'last-year');
  const MONTH = id('when', 'month');
  const RECENT = id('when', 'recent-years');
  const REGION = id('place', 'region');
  const DESERT = id('place', 'desert');
  const NORTH = id('place', 'north');
  const FM = id('office', 'fm');
  const GOV = id('organization', 'gov');
  const ARMY = id('organization', 'army');
  const GROUPS = id('organization', 'groups');
  const CONTRACTOR = id('organization', 'contractor');
  const NGO = id('organization', 'ngo');
  const COUP = id('event', 'coup');
  const CLAIM = id('claim', 'support');
  const EVIDENCE = id('condition', 'evidence');
  const KILLED = id('quantity', 'killed');
  const PRICE = id('quantity', 'price');
  const PROP = id('prop', 'support');
  const CORRECTION = id('correction', 'claim');
  const entities: Entity[] = [
    { type: 'SourceDocument', id: doc, label: [en(`Synthetic article ${i}`)], datePublished: date, publicationTime: WHEN,
      sourceFile: `synthetic/${t}.txt`, text, characterCount: codePointLength(text), language: 'en', correction: [CORRECTION], statedIn: [b.outsideBody('dateline', `date ${date}`)] },
    { type: 'TimeExpression', id: WHEN, label: [en(date)], date, originalText: en(`date ${date}`) },
    { type: 'TimeExpression', id: MONDAY, label: [en('Monday')], date, originalText: en('on Monday'), resolvedAgainst: WHEN, mentionedAt: [q(1, 'on Monday')] },
    { type: 'TimeExpression', id: LAST_YEAR, label: [en(String(year - 1))], year: String(year - 1), originalText: en('Last year'), resolvedAgainst: WHEN, mentionedAt: [q(3, 'Last year')] },
    { type: 'TimeExpression', id: MONTH, label: [en(`${year}-${month}`)], yearMonth: ym, mentionedAt: [q(4, ym)] },
    { type: 'TimeExpression', id: RECENT, label: [en('in recent years')], originalText: en('in recent years'), before: WHEN, mentionedAt: [q(3, 'in recent years')] },
    { type: 'Country', id: C1, label: [en(c1)], altLabel: [en(`the ${c1} government`)], mentionedAt: [q(1, `foreign minister of ${c1}`)], containedIn: [REGION] },
    { type: 'Country', id: C2, label: [en(c2)], mentionedAt: [q(2, `that ${c2}`)] },
    { type: 'Region', id: REGION, label: [en('the region')], description: [en(w)], southOf: [DESERT] },
    { type: 'Desert', id: DESERT, label: [en('the desert')] },
    { type: 'Place', id: id('place', 'capital'), label: [en(`the capital of ${c1}`)], containedIn: [C1] },
    { type: 'Region', id: NORTH, label: [en(`the north of ${c1}`)], containedIn: [C1], mentionedAt: [q(3, `the north of ${c1}`)] },
    { type: 'Person', id: P1, label: [en(p1)], name: en(p1), holds: [FM], mentionedAt: [q(1, p1), q(2, p1)] },
    { type: 'Person', id: P2, label: [en(p2)], name: en(p2), mentionedAt: [q(1, p2)] },
    { type: 'Person', id: id('person', 'unnamed'), label: [en('an unnamed official')] },
    { type: 'Office', id: FM, label: [en(`foreign minister of ${c1}`)], officeKind: 'foreign-minister', ofCountry: C1, postIn: GOV, statedIn: [q(1, `foreign minister of ${c1}`)] },
    { type: 'Government', id: GOV, label: [en(`government of ${c1}`)], country: C1 },
    { type: 'Ministry', id: id('organization', 'ministry'), label: [en(`foreign ministry of ${c1}`)], subOrganizationOf: GOV },
    { type: 'ArmedForce', id: ARMY, label: [en(`armed forces of ${c1}`)], country: C1 },
    { type: 'IntelligenceService', id: id('organization', 'intel'), label: [en(`intelligence of ${c2}`)], country: C2 },
    { type: 'ArmedGroup', id: GROUPS, label: [en('armed groups')], mentionedAt: [q(2, 'armed groups')] },
    { type: 'MilitaryContractor', id: CONTRACTOR, label: [en('a contractor')] },
    { type: 'Organization', id: NGO, label: [en('an organisation')] },
    { type: 'Group', id: id('group', 'both'), label: [en('both countries')], member: [C1, C2] },
    { type: 'Talks', id: id('event', 'talks'), eventKind: 'talks', label: [en('talks')], time: MONDAY, participant: [P1, P2], topic: en(w), statedIn: [b.sentence(1)] },
    { type: 'Offer', id: id('event', 'offer'), eventKind: 'offer', label: [en('offer of training')], offeredBy: C1, offeredTo: [C2], offerKind: 'troop-training', time: MONTH, statedIn: [q(4, `${c1} offered training`)] },
    { type: 'Attack', id: id('event', 'attack'), eventKind: 'attack', label: [en('attack')], perpetrator: [GROUPS], victim: [ARMY], fatalities: KILLED, place: [NORTH], time: LAST_YEAR, follows: [COUP], statedIn: [q(3, 'an attack')] },
    { type: 'Coup', id: COUP, eventKind: 'coup', label: [en('coup')], place: [C1], time: RECENT, statedIn: [q(3, 'a coup in recent years')] },
    { type: 'DiplomaticRupture', id: id('event', 'rupture'), eventKind: 'diplomatic-rupture', label: [en('cut ties')], initiator: C1, counterpart: C2, reason: [CLAIM], statedIn: [q(4, `cut ties with ${c2}`)] },
    { type: 'Expulsion', id: id('event', 'expulsion'), eventKind: 'expulsion', label: [en('expulsion')], expelledBy: [GOV], expelled: [CONTRACTOR], statedIn: [b.sentence(4)] },
    { type: 'SecurityCooperation', id: id('event', 'cooperation'), eventKind: 'security-cooperation', label: [en('cooperation')], provider: [CONTRACTOR], client: [GOV], service: en('security'), compensation: en('minerals'), statedIn: [b.sentence(4)] },
    { type: 'RelationsChange', id: id('event', 'relations'), eventKind: 'relations-change', label: [en('relations')], participant: [C1, C2], change: en('strained'), statedIn: [b.sentence(2)] },
    { type: 'Event', id: id('event', 'announcement'), eventKind: 'announcement', label: [en('announcement')], agent: [P1], statedIn: [b.sentence(1)] },
    { type: 'MonetaryAmount', id: PRICE, label: [en('the price')], originalText: en(w), value: String(1000 + i), currency: 'USD' },
    { type: 'Condition', id: EVIDENCE, label: [en('without evidence')], conditionText: en('without offering evidence'), statedIn: [q(2, 'without offering evidence')] },
    { type: 'Correction', id: CORRECTION, label: [en('a correction')], corrects: [CLAIM], sourceKind: 'publication', statedIn: [b.sentence(2)] },
    { type: 'Stake', id: id('stake', 'ngo'), label: [en('a stake')], holder: C1, heldIn: NGO, share: PRICE, statedIn: [b.sentence(4)] },
    { type: 'Quantity', id: KILLED, label: [en('dozens killed')], originalText: en('dozens'), measures: en('killed'), mentionedAt: [q(3, 'dozens')] },
    { type: 'Claim', id: CLAIM, label: [en(`${p1}: ${c2} supports armed groups`)], claimant: P1, claimKind: 'accusation', reportingVerb: en('said'),
      verbatim: [en('supports armed groups')], quotedAt: [q(2, 'supports armed groups')], condition: [EVIDENCE], about: [C2], content: [PROP], evidenceOffered: false, statedIn: [b.sentence(2)] },
    { type: 'Proposition', id: PROP, label: [en(`${c2} supports armed groups`)], subject: C2, relation: 'supports', object: GROUPS, statedIn: [q(2, 'supports armed groups')] },
    ...b.spans,
  ];
  return { name: `synthetic-${t}`, title: `Synthetic article ${i} (seed ${seed})`, entities, origin: `kg export --synthetic (seed ${seed})` };
}

/** The articles 0 … n-1 of the corpus of a seed, one at a time. */
export function* syntheticCorpus(n: number, seed: number): Generator<Dataset> {
  for (let i = 0; i < n; i++) yield syntheticArticle(i, seed);
}
