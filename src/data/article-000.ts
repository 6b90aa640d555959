// The knowledge of article 000 (2025-04-04: Russia, Mali, Burkina Faso, Niger, Ukraine), modelled by hand, sentence by sentence.
import { readFileSync } from 'node:fs';
import type { Entity } from '../classes.js';
import { en, SpanBuilder, type Dataset } from '../dataset.js';
import { projectPath } from '../project.js';
import { codePointLength } from '../text.js';

/** Where the source text lives, relative to the project root (a byte-for-byte copy of the seed). */
export const SOURCE_FILE = 'src/data/sources/000_bb2e1ba8c6e08444.txt';
const text = readFileSync(projectPath(SOURCE_FILE), 'utf8');

const DOC = 'doc/article-000-bb2e1ba8c6e08444';
const wd = (q: string): string => `http://www.wikidata.org/entity/${q}`;

const b = new SpanBuilder(DOC, text);
// The body sentences, in reading order (not the dateline "date 2025-04-04" nor the two subheadings).
b.sentences([
  'Russia discussed ways to boost military ties with the Sahel countries, promising to train their troops and supply weapons as it seeks to expand its clout in West African countries that have expelled French forces.',
  "Russia's Foreign Minister Sergey Lavrov said on Thursday after the talks with his counterparts from Mali, Burkina Faso, and Niger that Moscow stands ready to help strengthen their military and security forces.",
  "“I emphasised Moscow's readiness to help expand the potential of the united armed forces of Sahel, strengthen the combat capability of the three countries' militaries and train their troops and law enforcement personnel,” Lavrov said, adding that Russia could also provide military equipment.",
  "Russia's top diplomat also accused Ukraine of destabilising the region, declaring, without offering any evidence, that it \"openly supports terrorist groups in this part of Africa while its Western sponsors turn a blind eye on it.\"",
  "Mali’s Foreign Minister Abdoulaye Diop echoed Lavrov's comments, stating that his country views Ukraine as a “terrorist state.”",
  '"We have common views on fighting insecurity and terrorism in our region, which is supported by foreign state sponsors and regional actors," he said.',
  'Mali’s government cut diplomatic ties with Ukraine last year over allegations that Kiev aided an attack by armed groups in northern Mali in July, in which dozens of Russian mercenaries and Malian soldiers were killed by militants and rebels, in what some observers described as one of the largest losses for the Russian contractors in years.',
  'A spokesperson for Ukrainian military intelligence said at the time that armed groups in Mali had received information from Kiev to launch the attack.',
  'Ukraine\'s Foreign Ministry argued, however, that Mali had cut ties without a thorough review of the situation and without providing evidence of the country’s involvement in the attack.',
  'Ties between Sahel countries and the West have become increasingly strained.',
  'Following military coups in Mali, Burkina Faso and Niger in recent years, the ruling juntas have expelled French and US forces, and turned to Russian military contractors for security assistance.',
  "Russian military contractors have been active in the Sahel, the vast expanse south of the Sahara Desert, profiting from the region's mineral riches in exchange for their security services.",
  'Lavrov noted on Thursday that Russia will help the Sahel countries to form a joint military force by offering "consultative services," noting that a "significant number" of Russian military instructors have been working there already.',
]);
const q = (n: number, exact: string): string => b.quote(n, exact);
const DATELINE = b.outsideBody('dateline', 'date 2025-04-04');
// The two subheadings are not body sentences, but they mention things: keep them as spans too.
const HEADING_COMMON_VIEWS = b.outsideBody('heading-we-have-common-views', '‘We have common views’');
const HEADING_CONTRACTORS = b.outsideBody('heading-russian-security-contractors', 'Russian security contractors');

// ---- The document and its times -------------------------------------------------------------------------

const source: Entity[] = [
  {
    type: 'SourceDocument', id: DOC,
    label: [en('Russia discusses military ties with the Sahel countries (news article, 2025-04-04)')],
    datePublished: '2025-04-04', publicationTime: 'when/2025-04-04-article-date',
    sourceFile: SOURCE_FILE, text, characterCount: codePointLength(text), language: 'en', statedIn: [DATELINE],
  },
  {
    type: 'TimeExpression', id: 'when/2025-04-04-article-date', label: [en('4 April 2025 (the article\'s date, a Friday)')],
    date: '2025-04-04', originalText: en('date 2025-04-04'), mentionedAt: [DATELINE],
  },
  {
    type: 'TimeExpression', id: 'when/2025-04-03-thursday', label: [en('Thursday 3 April 2025')],
    date: '2025-04-03', originalText: en('on Thursday'), resolvedAgainst: 'when/2025-04-04-article-date',
    mentionedAt: [q(2, 'on Thursday'), q(13, 'on Thursday')],
  },
  {
    type: 'TimeExpression', id: 'when/2024-last-year', label: [en('2024 ("last year")')],
    year: '2024', originalText: en('last year'), resolvedAgainst: 'when/2025-04-04-article-date',
    mentionedAt: [q(7, 'last year')],
  },
  {
    type: 'TimeExpression', id: 'when/2024-07-july', label: [en('July 2024 ("in July" of last year)')],
    yearMonth: '2024-07', originalText: en('in July'), resolvedAgainst: 'when/2024-last-year',
    mentionedAt: [q(7, 'in July')],
  },
  {
    type: 'TimeExpression', id: 'when/at-the-time', label: [en('at the time (of the 2024 events: the attack and the cut in ties)')],
    year: '2024', originalText: en('at the time'), resolvedAgainst: 'when/2024-last-year',
    mentionedAt: [q(8, 'at the time')],
  },
  {
    type: 'TimeExpression', id: 'when/recent-years', label: [en('in recent years (before April 2025)')],
    originalText: en('in recent years'), before: 'when/2025-04-04-article-date', resolvedAgainst: 'when/2025-04-04-article-date',
    mentionedAt: [q(11, 'in recent years')],
  },
  {
    type: 'TimeExpression', id: 'when/already', label: [en('already (before 3 April 2025)')],
    originalText: en('already'), before: 'when/2025-04-03-thursday', resolvedAgainst: 'when/2025-04-03-thursday',
    mentionedAt: [q(13, 'already')],
  },
];

// ---- Countries, places and regions ---------------------------------------------------------------------------

const places: Entity[] = [
  { type: 'Country', id: 'country/russia', label: [en('Russia')], wikidata: wd('Q159'), mentionedAt: [q(1, 'Russia'), q(2, "Russia's"), q(3, 'Russia could'), q(13, 'that Russia')] },
  { type: 'Country', id: 'country/mali', label: [en('Mali')], wikidata: wd('Q912'), containedIn: ['place/west-africa'], statedIn: [q(1, 'West African countries')], mentionedAt: [q(2, 'Mali'), q(5, 'Mali’s'), q(5, 'his country'), q(7, 'Mali’s'), q(7, 'northern Mali'), q(8, 'in Mali'), q(9, 'that Mali'), q(11, 'in Mali')] },
  { type: 'Country', id: 'country/burkina-faso', label: [en('Burkina Faso')], wikidata: wd('Q965'), containedIn: ['place/west-africa'], statedIn: [q(1, 'West African countries')], mentionedAt: [q(2, 'Burkina Faso'), q(11, 'Burkina Faso')] },
  { type: 'Country', id: 'country/niger', label: [en('Niger')], wikidata: wd('Q1032'), containedIn: ['place/west-africa'], statedIn: [q(1, 'West African countries')], mentionedAt: [q(2, 'Niger'), q(11, 'Niger')] },
  { type: 'Country', id: 'country/ukraine', label: [en('Ukraine')], wikidata: wd('Q212'), mentionedAt: [q(4, 'Ukraine'), q(5, 'Ukraine'), q(7, 'Ukraine'), q(9, "Ukraine's"), q(9, 'the country’s')] },
  { type: 'Country', id: 'country/france', label: [en('France')], wikidata: wd('Q142'), mentionedAt: [q(1, 'French forces'), q(11, 'French')] },
  { type: 'Country', id: 'country/united-states', label: [en('United States')], altLabel: [en('US')], wikidata: wd('Q30'), mentionedAt: [q(11, 'US forces')] },
  {
    type: 'Region', id: 'place/sahel', label: [en('Sahel')], wikidata: wd('Q66065'),
    description: [en('the vast expanse south of the Sahara Desert')], southOf: ['place/sahara'],
    statedIn: [q(12, 'the Sahel, the vast expanse south of the Sahara Desert')],
    mentionedAt: [q(1, 'Sahel'), q(3, 'Sahel'), q(10, 'Sahel'), q(12, 'the Sahel'), q(13, 'Sahel'), q(4, 'the region'), q(12, "the region's")],
  },
  { type: 'Desert', id: 'place/sahara', label: [en('Sahara')], altLabel: [en('Sahara Desert')], wikidata: wd('Q6583'), mentionedAt: [q(12, 'Sahara Desert')] },
  { type: 'Region', id: 'place/west-africa', label: [en('West Africa')], wikidata: wd('Q4412'), mentionedAt: [q(1, 'West African')] },
  { type: 'Region', id: 'place/northern-mali', label: [en('northern Mali')], containedIn: ['country/mali'], statedIn: [q(7, 'northern Mali')], mentionedAt: [q(7, 'northern Mali')] },
  {
    type: 'Region', id: 'place/this-part-of-africa', label: [en('"this part of Africa" (in Lavrov\'s words)')],
    description: [en('the region Lavrov refers to as "this part of Africa"')], mentionedAt: [q(4, 'this part of Africa')],
  },
];

// ---- Governments, ministries, forces and groups -------------------------------------------------------------

const organisations: Entity[] = [
  { type: 'Government', id: 'organization/government-of-russia', label: [en('government of Russia')], altLabel: [en('Moscow')], country: 'country/russia', mentionedAt: [q(2, 'Moscow'), q(3, "Moscow's")] },
  { type: 'Government', id: 'organization/government-of-mali', label: [en('government of Mali (ruling junta)')], altLabel: [en('Mali’s government')], country: 'country/mali', mentionedAt: [q(7, 'Mali’s government')] },
  { type: 'Government', id: 'organization/government-of-burkina-faso', label: [en('government of Burkina Faso (ruling junta)')], country: 'country/burkina-faso', mentionedAt: [q(11, 'the ruling juntas')] },
  { type: 'Government', id: 'organization/government-of-niger', label: [en('government of Niger (ruling junta)')], country: 'country/niger', mentionedAt: [q(11, 'the ruling juntas')] },
  { type: 'Government', id: 'organization/government-of-ukraine', label: [en('government of Ukraine')], altLabel: [en('Kiev')], country: 'country/ukraine', mentionedAt: [q(7, 'Kiev'), q(8, 'Kiev')] },
  { type: 'Ministry', id: 'organization/foreign-ministry-of-ukraine', label: [en("Ukraine's Foreign Ministry")], country: 'country/ukraine', subOrganizationOf: 'organization/government-of-ukraine', mentionedAt: [q(9, "Ukraine's Foreign Ministry")] },
  { type: 'IntelligenceService', id: 'organization/ukrainian-military-intelligence', label: [en('Ukrainian military intelligence')], country: 'country/ukraine', mentionedAt: [q(8, 'Ukrainian military intelligence')] },
  { type: 'ArmedForce', id: 'organization/armed-forces-of-mali', label: [en('armed forces of Mali')], altLabel: [en('Malian soldiers')], country: 'country/mali', mentionedAt: [q(3, "the three countries' militaries"), q(7, 'Malian soldiers')] },
  { type: 'ArmedForce', id: 'organization/armed-forces-of-burkina-faso', label: [en('armed forces of Burkina Faso')], country: 'country/burkina-faso', mentionedAt: [q(3, "the three countries' militaries")] },
  { type: 'ArmedForce', id: 'organization/armed-forces-of-niger', label: [en('armed forces of Niger')], country: 'country/niger', mentionedAt: [q(3, "the three countries' militaries")] },
  // The article does not say whether the force to be formed is the united armed forces it mentions earlier: two entities.
  {
    type: 'ArmedForce', id: 'organization/united-armed-forces-of-sahel', label: [en('the united armed forces of Sahel')],
    mentionedAt: [q(3, 'the united armed forces of Sahel')],
  },
  {
    type: 'ArmedForce', id: 'organization/joint-military-force-of-the-sahel-countries', label: [en('a joint military force of the Sahel countries (to be formed)')],
    mentionedAt: [q(13, 'a joint military force')],
  },
  { type: 'ArmedForce', id: 'organization/french-forces', label: [en('French forces')], country: 'country/france', mentionedAt: [q(1, 'French forces'), q(11, 'French and US forces')] },
  { type: 'ArmedForce', id: 'organization/us-forces', label: [en('US forces')], country: 'country/united-states', mentionedAt: [q(11, 'French and US forces')] },
  {
    type: 'ArmedGroup', id: 'organization/armed-groups-in-northern-mali', label: [en('armed groups in northern Mali')],
    altLabel: [en('militants and rebels'), en('armed groups in Mali')],
    mentionedAt: [q(7, 'armed groups'), q(7, 'militants and rebels'), q(8, 'armed groups in Mali')],
  },
  {
    type: 'ArmedGroup', id: 'organization/terrorist-groups-in-this-part-of-africa', label: [en('"terrorist groups in this part of Africa" (in Lavrov\'s words)')],
    mentionedAt: [q(4, 'terrorist groups in this part of Africa')],
  },
  {
    type: 'MilitaryContractor', id: 'organization/russian-military-contractors', label: [en('Russian military contractors')],
    altLabel: [en('Russian mercenaries'), en('the Russian contractors'), en('Russian security contractors')], country: 'country/russia',
    mentionedAt: [q(7, 'Russian mercenaries'), q(7, 'the Russian contractors'), q(11, 'Russian military contractors'), q(12, 'Russian military contractors'), HEADING_CONTRACTORS],
  },
  {
    type: 'Group', id: 'group/sahel-countries', label: [en('the Sahel countries')], altLabel: [en('the three countries')],
    member: ['country/mali', 'country/burkina-faso', 'country/niger'],
    statedIn: [q(2, 'his counterparts from Mali, Burkina Faso, and Niger')],
    mentionedAt: [q(1, 'the Sahel countries'), q(10, 'Sahel countries'), q(13, 'the Sahel countries')],
  },
  {
    type: 'Group', id: 'group/ruling-juntas', label: [en('the ruling juntas (of Mali, Burkina Faso and Niger)')],
    member: ['organization/government-of-mali', 'organization/government-of-burkina-faso', 'organization/government-of-niger'],
    statedIn: [q(11, 'Following military coups in Mali, Burkina Faso and Niger in recent years, the ruling juntas')],
    mentionedAt: [q(11, 'the ruling juntas')],
  },
  { type: 'Group', id: 'group/the-west', label: [en('the West')], mentionedAt: [q(10, 'the West')] },
  { type: 'Group', id: 'group/ukraine-western-sponsors', label: [en('Ukraine\'s "Western sponsors" (in Lavrov\'s words)')], mentionedAt: [q(4, 'its Western sponsors')] },
  { type: 'Group', id: 'group/foreign-state-sponsors', label: [en('"foreign state sponsors" (in Diop\'s words)')], mentionedAt: [q(6, 'foreign state sponsors')] },
  { type: 'Group', id: 'group/regional-actors', label: [en('"regional actors" (in Diop\'s words)')], mentionedAt: [q(6, 'regional actors')] },
  { type: 'Group', id: 'group/some-observers', label: [en('some observers (unnamed)')], mentionedAt: [q(7, 'some observers')] },
  { type: 'Group', id: 'group/russian-military-instructors', label: [en('Russian military instructors')], mentionedAt: [q(13, 'Russian military instructors')] },
];

// ---- Offices and people --------------------------------------------------------------------------------------

const people: Entity[] = [
  { type: 'Office', id: 'office/foreign-minister-of-russia', label: [en('Foreign Minister of Russia')], officeKind: 'foreign-minister', ofCountry: 'country/russia', statedIn: [q(2, "Russia's Foreign Minister Sergey Lavrov")], mentionedAt: [q(2, "Russia's Foreign Minister"), q(4, "Russia's top diplomat")] },
  { type: 'Office', id: 'office/foreign-minister-of-mali', label: [en('Foreign Minister of Mali')], officeKind: 'foreign-minister', ofCountry: 'country/mali', statedIn: [q(5, 'Mali’s Foreign Minister Abdoulaye Diop')], mentionedAt: [q(5, 'Mali’s Foreign Minister')] },
  { type: 'Office', id: 'office/foreign-minister-of-burkina-faso', label: [en('Foreign Minister of Burkina Faso')], officeKind: 'foreign-minister', ofCountry: 'country/burkina-faso', statedIn: [q(2, 'his counterparts from Mali, Burkina Faso, and Niger')] },
  { type: 'Office', id: 'office/foreign-minister-of-niger', label: [en('Foreign Minister of Niger')], officeKind: 'foreign-minister', ofCountry: 'country/niger', statedIn: [q(2, 'his counterparts from Mali, Burkina Faso, and Niger')] },
  { type: 'Office', id: 'office/spokesperson-of-ukrainian-military-intelligence', label: [en('spokesperson for Ukrainian military intelligence')], officeKind: 'spokesperson', ofCountry: 'country/ukraine', postIn: 'organization/ukrainian-military-intelligence', statedIn: [q(8, 'A spokesperson for Ukrainian military intelligence')] },
  {
    type: 'Person', id: 'person/sergey-lavrov', label: [en('Sergey Lavrov')], name: en('Sergey Lavrov'), altLabel: [en("Russia's top diplomat")],
    wikidata: wd('Q58217'), holds: ['office/foreign-minister-of-russia'], statedIn: [q(2, "Russia's Foreign Minister Sergey Lavrov")],
    mentionedAt: [q(2, 'Sergey Lavrov'), q(3, 'Lavrov said'), q(4, "Russia's top diplomat"), q(5, "Lavrov's comments"), q(13, 'Lavrov noted')],
  },
  {
    type: 'Person', id: 'person/abdoulaye-diop', label: [en('Abdoulaye Diop')], name: en('Abdoulaye Diop'),
    holds: ['office/foreign-minister-of-mali'], statedIn: [q(5, 'Mali’s Foreign Minister Abdoulaye Diop')],
    mentionedAt: [q(5, 'Abdoulaye Diop'), q(6, 'he said')],
  },
  {
    type: 'Person', id: 'person/foreign-minister-of-burkina-faso', label: [en('the Foreign Minister of Burkina Faso (not named in the article)')],
    holds: ['office/foreign-minister-of-burkina-faso'], statedIn: [q(2, 'his counterparts from Mali, Burkina Faso, and Niger')],
  },
  {
    type: 'Person', id: 'person/foreign-minister-of-niger', label: [en('the Foreign Minister of Niger (not named in the article)')],
    holds: ['office/foreign-minister-of-niger'], statedIn: [q(2, 'his counterparts from Mali, Burkina Faso, and Niger')],
  },
  {
    type: 'Person', id: 'person/spokesperson-of-ukrainian-military-intelligence', label: [en('a spokesperson for Ukrainian military intelligence (not named in the article)')],
    holds: ['office/spokesperson-of-ukrainian-military-intelligence'], statedIn: [q(8, 'A spokesperson for Ukrainian military intelligence')],
  },
];

// ---- Events reported as fact -----------------------------------------------------------------------------------

const SAHEL = 'group/sahel-countries';
const RUSSIA = 'country/russia';
const THURSDAY = 'when/2025-04-03-thursday';
const TALKS = 'event/talks-russia-sahel-2025-04-03';
const COUPS = ['event/military-coup-in-mali', 'event/military-coup-in-burkina-faso', 'event/military-coup-in-niger'];
const FORCES_OF_THE_THREE = ['organization/armed-forces-of-mali', 'organization/armed-forces-of-burkina-faso', 'organization/armed-forces-of-niger'];

const events: Entity[] = [
  {
    type: 'Talks', id: TALKS, label: [en('talks of Russia\'s foreign minister with his counterparts from Mali, Burkina Faso and Niger')],
    time: THURSDAY,
    participant: ['person/sergey-lavrov', 'person/abdoulaye-diop', 'person/foreign-minister-of-burkina-faso', 'person/foreign-minister-of-niger', RUSSIA, SAHEL],
    topic: en('ways to boost military ties with the Sahel countries'),
    purpose: en('to expand its clout in West African countries that have expelled French forces'),
    statedIn: [q(1, 'Russia discussed ways to boost military ties with the Sahel countries'), q(1, 'as it seeks to expand its clout in West African countries that have expelled French forces'), q(2, 'on Thursday after the talks with his counterparts from Mali, Burkina Faso, and Niger')],
  },
  {
    type: 'Offer', id: 'event/offer-troop-training', label: [en('Russia\'s offer to train the Sahel countries\' troops and law-enforcement personnel')],
    offeredBy: RUSSIA, offeredTo: [SAHEL], offerKind: 'troop-training', beneficiary: FORCES_OF_THE_THREE, partOf: TALKS,
    expressedIn: 'claim/lavrov-emphasised-readiness',
    statedIn: [q(1, 'promising to train their troops'), q(3, 'train their troops and law enforcement personnel')],
  },
  {
    type: 'Offer', id: 'event/offer-weapons-and-equipment', label: [en('Russia\'s offer to supply weapons and military equipment')],
    offeredBy: RUSSIA, offeredTo: [SAHEL], offerKind: 'weapons-supply', partOf: TALKS,
    expressedIn: 'claim/lavrov-military-equipment',
    statedIn: [q(1, 'supply weapons'), q(3, 'adding that Russia could also provide military equipment')],
  },
  {
    type: 'Offer', id: 'event/offer-combat-capability', label: [en('Russia\'s offer to strengthen the combat capability of the three countries\' militaries')],
    offeredBy: RUSSIA, offeredTo: [SAHEL], offerKind: 'combat-capability', beneficiary: FORCES_OF_THE_THREE,
    expressedIn: 'claim/lavrov-emphasised-readiness',
    statedIn: [q(3, "strengthen the combat capability of the three countries' militaries")],
  },
  {
    type: 'Offer', id: 'event/offer-strengthen-security-forces', label: [en('Russia\'s readiness to help strengthen the military and security forces of Mali, Burkina Faso and Niger')],
    offeredBy: RUSSIA, offeredTo: [SAHEL], offerKind: 'security-forces-support', beneficiary: FORCES_OF_THE_THREE, time: THURSDAY,
    expressedIn: 'claim/lavrov-ready-to-help',
    statedIn: [q(2, 'Moscow stands ready to help strengthen their military and security forces')],
  },
  {
    type: 'Offer', id: 'event/offer-expand-united-armed-forces', label: [en('Russia\'s offer to help expand the potential of the united armed forces of Sahel')],
    offeredBy: RUSSIA, offeredTo: [SAHEL], offerKind: 'joint-force-support', beneficiary: ['organization/united-armed-forces-of-sahel'],
    expressedIn: 'claim/lavrov-emphasised-readiness',
    statedIn: [q(3, 'help expand the potential of the united armed forces of Sahel')],
  },
  {
    type: 'Offer', id: 'event/offer-joint-force-consultative-services', label: [en('Russia\'s offer to help the Sahel countries form a joint military force through "consultative services"')],
    offeredBy: RUSSIA, offeredTo: [SAHEL], offerKind: 'joint-force-support', beneficiary: ['organization/joint-military-force-of-the-sahel-countries'], time: THURSDAY,
    means: en('by offering "consultative services"'), expressedIn: 'claim/lavrov-joint-force',
    statedIn: [q(13, 'Russia will help the Sahel countries to form a joint military force by offering "consultative services,"')],
  },
  {
    type: 'Attack', id: 'event/attack-northern-mali-2024-07', label: [en('the July 2024 attack by armed groups in northern Mali')],
    wikidata: wd('Q128007033'), identifiedOutsideText: true,
    perpetrator: ['organization/armed-groups-in-northern-mali'], victim: ['organization/russian-military-contractors', 'organization/armed-forces-of-mali'],
    fatalities: en('dozens'), place: ['place/northern-mali'], time: 'when/2024-07-july',
    statedIn: [q(7, 'an attack by armed groups in northern Mali in July, in which dozens of Russian mercenaries and Malian soldiers were killed by militants and rebels')],
    mentionedAt: [q(8, 'the attack'), q(9, 'the attack')],
  },
  {
    type: 'DiplomaticRupture', id: 'event/mali-cuts-ties-with-ukraine', label: [en('Mali cutting diplomatic ties with Ukraine')],
    initiator: 'organization/government-of-mali', counterpart: 'country/ukraine', time: 'when/2024-last-year', reason: ['claim/allegation-kiev-aided-attack'],
    statedIn: [q(7, 'Mali’s government cut diplomatic ties with Ukraine last year over allegations')],
    mentionedAt: [q(9, 'Mali had cut ties')],
  },
  ...(['mali', 'burkina-faso', 'niger'] as const).map((c): Entity => ({
    type: 'Coup', id: `event/military-coup-in-${c}`, label: [en(`military coup in ${c === 'mali' ? 'Mali' : c === 'niger' ? 'Niger' : 'Burkina Faso'}`)],
    place: [`country/${c}`], time: 'when/recent-years',
    statedIn: [q(11, 'Following military coups in Mali, Burkina Faso and Niger in recent years')],
  })),
  {
    type: 'Expulsion', id: 'event/juntas-expel-french-and-us-forces', label: [en('the ruling juntas expelling French and US forces')],
    expelledBy: ['group/ruling-juntas'], expelled: ['organization/french-forces', 'organization/us-forces'], follows: COUPS,
    statedIn: [q(11, 'the ruling juntas have expelled French and US forces'), q(1, 'West African countries that have expelled French forces')],
  },
  {
    type: 'SecurityCooperation', id: 'event/juntas-turn-to-russian-contractors', label: [en('the ruling juntas turning to Russian military contractors for security assistance')],
    client: ['group/ruling-juntas'], provider: ['organization/russian-military-contractors'], service: en('security assistance'), follows: COUPS,
    statedIn: [q(11, 'turned to Russian military contractors for security assistance')],
  },
  {
    type: 'SecurityCooperation', id: 'event/russian-contractors-active-in-sahel', label: [en('Russian military contractors active in the Sahel, in exchange for mineral riches')],
    provider: ['organization/russian-military-contractors'], place: ['place/sahel'],
    service: en('their security services'), compensation: en("the region's mineral riches"),
    statedIn: [q(12, "Russian military contractors have been active in the Sahel, the vast expanse south of the Sahara Desert, profiting from the region's mineral riches in exchange for their security services.")],
  },
  {
    type: 'RelationsChange', id: 'event/sahel-west-ties-strained', label: [en('ties between the Sahel countries and the West becoming increasingly strained')],
    participant: [SAHEL, 'group/the-west'], change: en('have become increasingly strained'),
    statedIn: [q(10, 'Ties between Sahel countries and the West have become increasingly strained.')],
  },
];

// ---- Claims: what people said, never asserted as fact ----------------------------------------------------------

const claims: Entity[] = [
  {
    type: 'Claim', id: 'claim/lavrov-ready-to-help', label: [en('Lavrov: Moscow stands ready to help strengthen the military and security forces of Mali, Burkina Faso and Niger')],
    claimant: 'person/sergey-lavrov', claimKind: 'offer', claimTime: THURSDAY, reportingVerb: en('said'),
    about: [SAHEL, RUSSIA],
    statedIn: [q(2, "Russia's Foreign Minister Sergey Lavrov said on Thursday after the talks with his counterparts from Mali, Burkina Faso, and Niger that Moscow stands ready to help strengthen their military and security forces.")],
  },
  {
    type: 'Claim', id: 'claim/lavrov-emphasised-readiness', label: [en('Lavrov: he emphasised Moscow\'s readiness to help the united armed forces of Sahel and the three countries\' militaries')],
    claimant: 'person/sergey-lavrov', claimKind: 'offer', reportingVerb: en('said'),
    verbatim: [en("I emphasised Moscow's readiness to help expand the potential of the united armed forces of Sahel, strengthen the combat capability of the three countries' militaries and train their troops and law enforcement personnel,")],
    about: [SAHEL, 'organization/united-armed-forces-of-sahel', ...FORCES_OF_THE_THREE],
    statedIn: [q(3, "“I emphasised Moscow's readiness to help expand the potential of the united armed forces of Sahel, strengthen the combat capability of the three countries' militaries and train their troops and law enforcement personnel,” Lavrov said")],
  },
  {
    type: 'Claim', id: 'claim/lavrov-military-equipment', label: [en('Lavrov: Russia could also provide military equipment')],
    claimant: 'person/sergey-lavrov', claimKind: 'offer', reportingVerb: en('adding'),
    about: [SAHEL],
    statedIn: [q(3, 'adding that Russia could also provide military equipment')],
  },
  {
    type: 'Claim', id: 'claim/lavrov-accuses-ukraine', label: [en('Lavrov accuses Ukraine of destabilising the region and openly supporting terrorist groups')],
    claimant: 'person/sergey-lavrov', claimKind: 'accusation', reportingVerb: en('accused'), evidenceOffered: false,
    verbatim: [en('openly supports terrorist groups in this part of Africa while its Western sponsors turn a blind eye on it.')],
    about: ['country/ukraine', 'place/sahel', 'group/ukraine-western-sponsors'],
    content: ['prop/ukraine-destabilises-the-region', 'prop/ukraine-supports-terrorist-groups', 'prop/western-sponsors-turn-a-blind-eye'],
    statedIn: [q(4, "Russia's top diplomat also accused Ukraine of destabilising the region, declaring, without offering any evidence, that it \"openly supports terrorist groups in this part of Africa while its Western sponsors turn a blind eye on it.\"")],
  },
  {
    type: 'Claim', id: 'claim/diop-echoes-lavrov', label: [en("Diop echoes Lavrov's comments")],
    claimant: 'person/abdoulaye-diop', claimKind: 'agreement', reportingVerb: en('echoed'), echoes: ['claim/lavrov-accuses-ukraine'],
    about: ['country/ukraine'],
    statedIn: [q(5, "Mali’s Foreign Minister Abdoulaye Diop echoed Lavrov's comments")],
  },
  {
    type: 'Claim', id: 'claim/diop-ukraine-terrorist-state', label: [en('Diop: Mali views Ukraine as a "terrorist state"')],
    claimant: 'person/abdoulaye-diop', claimKind: 'description', reportingVerb: en('stating'),
    verbatim: [en('terrorist state.')], about: ['country/ukraine', 'country/mali'],
    content: ['prop/ukraine-is-a-terrorist-state'],
    statedIn: [q(5, 'stating that his country views Ukraine as a “terrorist state.”')],
  },
  {
    type: 'Claim', id: 'claim/diop-common-views', label: [en('Diop: "We have common views on fighting insecurity and terrorism in our region"')],
    claimant: 'person/abdoulaye-diop', claimKind: 'statement', reportingVerb: en('said'),
    verbatim: [en('We have common views on fighting insecurity and terrorism in our region, which is supported by foreign state sponsors and regional actors,')],
    about: ['group/foreign-state-sponsors', 'group/regional-actors'],
    content: ['prop/foreign-state-sponsors-support-terrorism', 'prop/regional-actors-support-terrorism'],
    mentionedAt: [HEADING_COMMON_VIEWS],
    statedIn: [q(6, '"We have common views on fighting insecurity and terrorism in our region, which is supported by foreign state sponsors and regional actors," he said.')],
  },
  {
    type: 'Claim', id: 'claim/allegation-kiev-aided-attack', label: [en('allegations that Kiev aided the July 2024 attack in northern Mali')],
    claimKind: 'allegation', reportingVerb: en('allegations'),
    about: ['organization/government-of-ukraine', 'event/attack-northern-mali-2024-07'],
    content: ['prop/kiev-aided-the-attack'],
    statedIn: [q(7, 'allegations that Kiev aided an attack by armed groups in northern Mali in July')],
  },
  {
    type: 'Claim', id: 'claim/observers-largest-losses', label: [en('some observers: one of the largest losses for the Russian contractors in years')],
    claimant: 'group/some-observers', claimKind: 'description', reportingVerb: en('described'),
    about: ['event/attack-northern-mali-2024-07', 'organization/russian-military-contractors'],
    content: ['prop/attack-among-largest-losses'],
    statedIn: [q(7, 'in what some observers described as one of the largest losses for the Russian contractors in years')],
  },
  {
    type: 'Claim', id: 'claim/spokesperson-information-from-kiev', label: [en('Ukrainian military intelligence spokesperson: armed groups in Mali had received information from Kiev to launch the attack')],
    claimant: 'person/spokesperson-of-ukrainian-military-intelligence', claimKind: 'statement', claimTime: 'when/at-the-time', reportingVerb: en('said'),
    about: ['organization/armed-groups-in-northern-mali', 'organization/government-of-ukraine', 'event/attack-northern-mali-2024-07'],
    content: ['prop/armed-groups-received-information-from-kiev'],
    statedIn: [q(8, 'A spokesperson for Ukrainian military intelligence said at the time that armed groups in Mali had received information from Kiev to launch the attack.')],
  },
  {
    type: 'Claim', id: 'claim/ukraine-foreign-ministry-no-review', label: [en("Ukraine's Foreign Ministry: Mali cut ties without a thorough review and without evidence")],
    claimant: 'organization/foreign-ministry-of-ukraine', claimKind: 'denial', reportingVerb: en('argued'),
    about: ['event/mali-cuts-ties-with-ukraine', 'country/mali'],
    disputes: ['event/mali-cuts-ties-with-ukraine', 'claim/allegation-kiev-aided-attack'],
    content: ['prop/rupture-without-review', 'prop/rupture-without-evidence'],
    statedIn: [q(9, "Ukraine's Foreign Ministry argued, however, that Mali had cut ties without a thorough review of the situation and without providing evidence of the country’s involvement in the attack.")],
  },
  {
    type: 'Claim', id: 'claim/lavrov-joint-force', label: [en('Lavrov: Russia will help the Sahel countries form a joint military force by offering "consultative services"')],
    claimant: 'person/sergey-lavrov', claimKind: 'offer', claimTime: THURSDAY, reportingVerb: en('noted'),
    verbatim: [en('consultative services,')], about: [SAHEL, 'organization/joint-military-force-of-the-sahel-countries'],
    statedIn: [q(13, 'Lavrov noted on Thursday that Russia will help the Sahel countries to form a joint military force by offering "consultative services,"')],
  },
  {
    type: 'Claim', id: 'claim/lavrov-instructors-working-there', label: [en('Lavrov: a "significant number" of Russian military instructors have been working there already')],
    claimant: 'person/sergey-lavrov', claimKind: 'description', claimTime: THURSDAY, reportingVerb: en('noting'),
    verbatim: [en('significant number')], about: ['group/russian-military-instructors', SAHEL],
    content: ['prop/instructors-working-in-sahel-countries'],
    statedIn: [q(13, 'noting that a "significant number" of Russian military instructors have been working there already.')],
  },
];

// ---- The structured content of claims (reified: never asserted) ------------------------------------------------

const propositions: Entity[] = [
  { type: 'Proposition', id: 'prop/ukraine-destabilises-the-region', label: [en('Ukraine destabilises the region')], subject: 'country/ukraine', relation: 'destabilises', object: 'place/sahel', statedIn: [q(4, 'accused Ukraine of destabilising the region')] },
  { type: 'Proposition', id: 'prop/ukraine-supports-terrorist-groups', label: [en('Ukraine openly supports terrorist groups in this part of Africa')], subject: 'country/ukraine', relation: 'supports', object: 'organization/terrorist-groups-in-this-part-of-africa', statedIn: [q(4, 'openly supports terrorist groups in this part of Africa')] },
  { type: 'Proposition', id: 'prop/western-sponsors-turn-a-blind-eye', label: [en("Ukraine's Western sponsors turn a blind eye to its support of terrorist groups")], subject: 'group/ukraine-western-sponsors', relation: 'turns-blind-eye-to', object: 'prop/ukraine-supports-terrorist-groups', statedIn: [q(4, 'while its Western sponsors turn a blind eye on it')] },
  { type: 'Proposition', id: 'prop/ukraine-is-a-terrorist-state', label: [en('Ukraine is a terrorist state (as Mali views it)')], subject: 'country/ukraine', relation: 'is-a', objectText: en('terrorist state'), statedIn: [q(5, 'his country views Ukraine as a “terrorist state.”')] },
  { type: 'Proposition', id: 'prop/foreign-state-sponsors-support-terrorism', label: [en('foreign state sponsors support terrorism in the region')], subject: 'group/foreign-state-sponsors', relation: 'supports', objectText: en('terrorism in our region'), statedIn: [q(6, 'terrorism in our region, which is supported by foreign state sponsors')] },
  { type: 'Proposition', id: 'prop/regional-actors-support-terrorism', label: [en('regional actors support terrorism in the region')], subject: 'group/regional-actors', relation: 'supports', objectText: en('terrorism in our region'), statedIn: [q(6, 'regional actors')] },
  { type: 'Proposition', id: 'prop/kiev-aided-the-attack', label: [en('Kiev aided the attack in northern Mali')], subject: 'organization/government-of-ukraine', relation: 'aided', object: 'event/attack-northern-mali-2024-07', statedIn: [q(7, 'Kiev aided an attack')] },
  { type: 'Proposition', id: 'prop/attack-among-largest-losses', label: [en('the attack was one of the largest losses for the Russian contractors in years')], subject: 'event/attack-northern-mali-2024-07', relation: 'was-among-largest-losses-of', object: 'organization/russian-military-contractors', statedIn: [q(7, 'one of the largest losses for the Russian contractors in years')] },
  { type: 'Proposition', id: 'prop/armed-groups-received-information-from-kiev', label: [en('armed groups in Mali received information from Kiev to launch the attack')], subject: 'organization/armed-groups-in-northern-mali', relation: 'received-information-from', object: 'organization/government-of-ukraine', statedIn: [q(8, 'armed groups in Mali had received information from Kiev to launch the attack')] },
  { type: 'Proposition', id: 'prop/rupture-without-review', label: [en('Mali cut ties without a thorough review of the situation')], subject: 'event/mali-cuts-ties-with-ukraine', relation: 'lacked-review', statedIn: [q(9, 'without a thorough review of the situation')] },
  { type: 'Proposition', id: 'prop/rupture-without-evidence', label: [en("Mali cut ties without providing evidence of Ukraine's involvement in the attack")], subject: 'event/mali-cuts-ties-with-ukraine', relation: 'lacked-evidence', object: 'prop/kiev-aided-the-attack', statedIn: [q(9, 'without providing evidence of the country’s involvement in the attack')] },
  { type: 'Proposition', id: 'prop/instructors-working-in-sahel-countries', label: [en('Russian military instructors have been working in the Sahel countries already')], subject: 'group/russian-military-instructors', relation: 'has-been-working-in', object: SAHEL, time: 'when/already', statedIn: [q(13, 'Russian military instructors have been working there already')] },
];

/** The dataset of article 000. */
export const article000: Dataset = {
  name: 'article-000',
  title: 'Russia, Mali, Burkina Faso, Niger, Ukraine (article of 2025-04-04)',
  entities: [...source, ...places, ...organisations, ...people, ...events, ...claims, ...propositions, ...b.spans],
};
