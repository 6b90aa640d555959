// The knowledge of article 000 (2025-04-04: Russia, Mali, Burkina Faso, Niger, Ukraine), modelled by hand with the authoring kit.
import { article } from '../authoring/kit.js';
import * as E from './entities/index.js';
import { wikidata } from './entities/wikidata.js';

const a = article({
  name: 'article-000', module: import.meta.url,
  source: 'src/data/sources/000_bb2e1ba8c6e08444.txt', date: '2025-04-04',
  title: 'Russia, Mali, Burkina Faso, Niger, Ukraine (article of 2025-04-04)',
  label: 'Russia discusses military ties with the Sahel countries',
});
const q = a.quote;

// Sentences as the kit numbers them (`kg coverage article-000` lists any that no fact or claim is stated in):
//  1 Russia discussed ways to boost military ties …      8 A spokesperson for Ukrainian military intelligence …
//  2 Russia's Foreign Minister Sergey Lavrov said …      9 Ukraine's Foreign Ministry argued, however, …
//  3 “I emphasised Moscow's readiness …                 10 Ties between Sahel countries and the West …
//  4 Russia's top diplomat also accused Ukraine …       11 Following military coups in Mali, …
//  5 Mali’s Foreign Minister Abdoulaye Diop echoed …    12 Russian military contractors have been active …
//  6 "We have common views on fighting insecurity …     13 Lavrov noted on Thursday that Russia will help …
//  7 Mali’s government cut diplomatic ties with Ukraine last year …

// ---- Times ------------------------------------------------------------------------------------------------------

const thursday = a.timeExpression({
  label: 'Thursday 3 April 2025', slug: '2025-04-03-thursday', date: '2025-04-03', originalText: 'on Thursday', resolvedAgainst: a.published,
  mentionedAt: [q('on Thursday', 2), q('on Thursday', 13)],
});
const lastYear = a.timeExpression({
  label: '2024', slug: '2024-last-year', year: '2024', originalText: 'last year', resolvedAgainst: a.published, mentionedAt: [q('last year')],
});
const july = a.timeExpression({
  label: 'July 2024', slug: '2024-07-july', editorialNote: ['"in July" of last year'], yearMonth: '2024-07', originalText: 'in July', resolvedAgainst: lastYear, mentionedAt: [q('in July')],
});
const atTheTime = a.timeExpression({
  label: 'at the time', slug: 'at-the-time', editorialNote: ['the time of the 2024 events: the attack and the cut in ties'], year: '2024', originalText: 'at the time',
  resolvedAgainst: lastYear, mentionedAt: [q('at the time')],
});
const recentYears = a.timeExpression({
  label: 'in recent years', slug: 'recent-years', editorialNote: ['before April 2025'], originalText: 'in recent years', before: a.published, resolvedAgainst: a.published,
  mentionedAt: [q('in recent years')],
});
const already = a.timeExpression({
  label: 'already', slug: 'already', editorialNote: ['some time up to 3 April 2025'], originalText: 'already', hasEnd: thursday, resolvedAgainst: thursday, mentionedAt: [q('already')],
});

// ---- Shared places, countries and forces: where this article mentions them and what it states -------------------

a.mention(E.russia, q('Russia', 1), q("Russia's", 2), q('Russia could'), q('that Russia', 13));
a.mention(E.mali, q('Mali', 2), q('Mali’s', 5), q('his country'), q('Mali’s', 7), q('northern Mali'), q('in Mali', 8), q('that Mali'), q('in Mali', 11));
a.mention(E.burkinaFaso, q('Burkina Faso', 2), q('Burkina Faso', 11));
a.mention(E.niger, q('Niger', 2), q('Niger', 11));
a.mention(E.ukraine, q('Ukraine', 4), q('Ukraine', 5), q('Ukraine', 7), q("Ukraine's", 9), q('the country’s'));
a.mention(E.france, q('French forces', 1), q('French', 11));
a.mention(E.unitedStates, q('US forces'));
a.mention(E.westAfrica, q('West African'));
a.mention(E.sahel, q('Sahel', 1), q('Sahel', 3), q('Sahel', 10), q('the Sahel', 12), q('Sahel', 13), q('the region', 4), q("the region's"));
a.mention(E.sahara, q('Sahara Desert'));
a.mention(E.northernMali, q('northern Mali'));
for (const c of [E.mali, E.burkinaFaso, E.niger]) a.state(c, q('West African countries'));
a.state(E.sahel, q('the Sahel, the vast expanse south of the Sahara Desert'));
a.state(E.northernMali, q('northern Mali'));

a.region({
  label: 'this part of Africa', slug: 'this-part-of-africa', editorialNote: ["in Lavrov's words"],
  description: ['the region Lavrov refers to as "this part of Africa"'], mentionedAt: [q('this part of Africa')],
});

a.mention(E.governmentOfRussia, q('Moscow', 2), q("Moscow's"));
a.mention(E.governmentOfMali, q('Mali’s government'));
a.mention(E.governmentOfBurkinaFaso, q('the ruling juntas'));
a.mention(E.governmentOfNiger, q('the ruling juntas'));
a.mention(E.governmentOfUkraine, q('Kiev', 7), q('Kiev', 8));
a.mention(E.foreignMinistryOfUkraine, q("Ukraine's Foreign Ministry"));
a.mention(E.ukrainianMilitaryIntelligence, q('Ukrainian military intelligence'));
a.mention(E.armedForcesOfMali, q("the three countries' militaries"), q('Malian soldiers'));
a.mention(E.armedForcesOfBurkinaFaso, q("the three countries' militaries"));
a.mention(E.armedForcesOfNiger, q("the three countries' militaries"));
a.mention(E.unitedArmedForcesOfSahel, q('the united armed forces of Sahel'));
a.mention(E.frenchForces, q('French forces', 1), q('French and US forces'));
a.mention(E.usForces, q('French and US forces'));
a.mention(E.armedGroupsInNorthernMali, q('armed groups', 7), q('militants and rebels'), q('armed groups in Mali'));
a.mention(E.russianMilitaryContractors, q('Russian mercenaries'), q('the Russian contractors'), q('Russian military contractors', 11), q('Russian military contractors', 12), a.heading('Russian security contractors'));
a.mention(E.sahelCountries, q('the Sahel countries', 1), q('Sahel countries', 10), q('the Sahel countries', 13));
a.state(E.sahelCountries, q('his counterparts from Mali, Burkina Faso, and Niger'));
a.mention(E.rulingJuntas, q('the ruling juntas'));
a.state(E.rulingJuntas, q('Following military coups in Mali, Burkina Faso and Niger in recent years, the ruling juntas'));
a.mention(E.theWest, q('the West'));
a.mention(E.russianMilitaryInstructors, q('Russian military instructors'));

// The article does not say whether the force to be formed is the united armed forces it mentions earlier: two entities.
const jointForce = a.armedForce({
  label: 'a joint military force of the Sahel countries', slug: 'joint-military-force-of-the-sahel-countries', editorialNote: ['to be formed'],
  mentionedAt: [q('a joint military force')],
});
const terroristGroups = a.armedGroup({
  label: 'terrorist groups in this part of Africa', slug: 'terrorist-groups-in-this-part-of-africa', editorialNote: ["in Lavrov's words"],
  mentionedAt: [q('terrorist groups in this part of Africa')],
});
const westernSponsors = a.group({ label: "Ukraine's Western sponsors", slug: 'ukraine-western-sponsors', editorialNote: ["in Lavrov's words"], mentionedAt: [q('its Western sponsors')] });
const foreignStateSponsors = a.group({ label: 'foreign state sponsors', slug: 'foreign-state-sponsors', editorialNote: ["in Diop's words"], mentionedAt: [q('foreign state sponsors')] });
const regionalActors = a.group({ label: 'regional actors', slug: 'regional-actors', editorialNote: ["in Diop's words"], mentionedAt: [q('regional actors')] });
const someObservers = a.group({ label: 'some observers', slug: 'some-observers', editorialNote: ['not named in the article'], mentionedAt: [q('some observers')] });

// ---- Offices and people ----------------------------------------------------------------------------------------

a.state(E.foreignMinisterOfRussia, q("Russia's Foreign Minister Sergey Lavrov"));
a.mention(E.foreignMinisterOfRussia, q("Russia's Foreign Minister"), q("Russia's top diplomat"));
a.state(E.foreignMinisterOfMali, q('Mali’s Foreign Minister Abdoulaye Diop'));
a.mention(E.foreignMinisterOfMali, q('Mali’s Foreign Minister'));
a.state(E.foreignMinisterOfBurkinaFaso, q('his counterparts from Mali, Burkina Faso, and Niger'));
a.state(E.foreignMinisterOfNiger, q('his counterparts from Mali, Burkina Faso, and Niger'));
a.state(E.spokespersonOfUkrainianMilitaryIntelligence, q('A spokesperson for Ukrainian military intelligence'));
a.state(E.sergeyLavrov, q("Russia's Foreign Minister Sergey Lavrov"));
a.mention(E.sergeyLavrov, q('Sergey Lavrov'), q('Lavrov said', 3), q("Russia's top diplomat"), q("Lavrov's comments"), q('Lavrov noted'));
a.state(E.abdoulayeDiop, q('Mali’s Foreign Minister Abdoulaye Diop'));
a.mention(E.abdoulayeDiop, q('Abdoulaye Diop'), q('he said'));

// The two counterparts and the spokesperson are not named: each is this article's own person, never merged with another.
const ministerOfBurkinaFaso = a.person({
  label: 'the Foreign Minister of Burkina Faso', slug: 'foreign-minister-of-burkina-faso', editorialNote: ['not named in the article'],
  holds: [E.foreignMinisterOfBurkinaFaso], statedIn: [q('his counterparts from Mali, Burkina Faso, and Niger')], mentionedAt: [q('his counterparts')],
});
const ministerOfNiger = a.person({
  label: 'the Foreign Minister of Niger', slug: 'foreign-minister-of-niger', editorialNote: ['not named in the article'],
  holds: [E.foreignMinisterOfNiger], statedIn: [q('his counterparts from Mali, Burkina Faso, and Niger')], mentionedAt: [q('his counterparts')],
});
const spokesperson = a.person({
  label: 'a spokesperson for Ukrainian military intelligence', slug: 'spokesperson-of-ukrainian-military-intelligence', editorialNote: ['not named in the article'],
  holds: [E.spokespersonOfUkrainianMilitaryIntelligence], statedIn: [q('A spokesperson for Ukrainian military intelligence')], mentionedAt: [q('A spokesperson')],
});

// ---- Claims: what people said, never asserted as fact (declared before the events that refer to them) -------------

const THREE_FORCES = [E.armedForcesOfMali, E.armedForcesOfBurkinaFaso, E.armedForcesOfNiger];

const lavrovReadyToHelp = a.claim({
  label: 'Lavrov: Moscow stands ready to help strengthen the military and security forces of Mali, Burkina Faso and Niger', slug: 'lavrov-ready-to-help',
  claimant: E.sergeyLavrov, claimKind: 'offer', time: thursday, reportingVerb: 'said', about: [E.sahelCountries, E.russia],
  statedIn: [a.sentence(2)],
});
const lavrovEmphasisedReadiness = a.claim({
  label: 'Lavrov: he emphasised Moscow\'s readiness to help the united armed forces of Sahel and the three countries\' militaries', slug: 'lavrov-emphasised-readiness',
  claimant: E.sergeyLavrov, claimKind: 'offer', reportingVerb: 'said',
  verbatim: ["I emphasised Moscow's readiness to help expand the potential of the united armed forces of Sahel, strengthen the combat capability of the three countries' militaries and train their troops and law enforcement personnel,"],
  about: [E.sahelCountries, E.unitedArmedForcesOfSahel, ...THREE_FORCES],
  statedIn: [q("“I emphasised Moscow's readiness to help expand the potential of the united armed forces of Sahel, strengthen the combat capability of the three countries' militaries and train their troops and law enforcement personnel,” Lavrov said")],
});
const lavrovMilitaryEquipment = a.claim({
  label: 'Lavrov: Russia could also provide military equipment', slug: 'lavrov-military-equipment',
  claimant: E.sergeyLavrov, claimKind: 'offer', reportingVerb: 'adding', about: [E.sahelCountries],
  statedIn: [q('adding that Russia could also provide military equipment')],
});

// The structured content of claims (reified: never asserted).
const ukraineDestabilises = a.proposition({
  label: 'Ukraine destabilises the region', subject: E.ukraine, relation: 'destabilises', object: E.sahel,
  statedIn: [q('accused Ukraine of destabilising the region')],
});
const ukraineSupportsTerrorists = a.proposition({
  label: 'Ukraine openly supports terrorist groups in this part of Africa', slug: 'ukraine-supports-terrorist-groups',
  subject: E.ukraine, relation: 'supports', object: terroristGroups, statedIn: [q('openly supports terrorist groups in this part of Africa')],
});
const blindEye = a.proposition({
  label: "Ukraine's Western sponsors turn a blind eye to its support of terrorist groups", slug: 'western-sponsors-turn-a-blind-eye',
  subject: westernSponsors, relation: 'turns-blind-eye-to', object: ukraineSupportsTerrorists, statedIn: [q('while its Western sponsors turn a blind eye on it')],
});
const lavrovAccusesUkraine = a.claim({
  label: 'Lavrov accuses Ukraine of destabilising the region and openly supporting terrorist groups', slug: 'lavrov-accuses-ukraine',
  claimant: E.sergeyLavrov, claimKind: 'accusation', reportingVerb: 'accused', evidenceOffered: false,
  verbatim: ['openly supports terrorist groups in this part of Africa while its Western sponsors turn a blind eye on it.'],
  about: [E.ukraine, E.sahel, westernSponsors], content: [ukraineDestabilises, ukraineSupportsTerrorists, blindEye],
  statedIn: [a.sentence(4)],
});
a.claim({
  label: "Diop echoes Lavrov's comments", slug: 'diop-echoes-lavrov',
  claimant: E.abdoulayeDiop, claimKind: 'agreement', reportingVerb: 'echoed', echoes: [lavrovAccusesUkraine], about: [E.ukraine],
  statedIn: [q("Mali’s Foreign Minister Abdoulaye Diop echoed Lavrov's comments")],
});
a.claim({
  label: 'Diop: Mali views Ukraine as a "terrorist state"', slug: 'diop-ukraine-terrorist-state',
  claimant: E.abdoulayeDiop, claimKind: 'description', reportingVerb: 'stating', verbatim: ['terrorist state.'], about: [E.ukraine, E.mali],
  content: [a.proposition({
    label: 'Ukraine is a terrorist state', slug: 'ukraine-is-a-terrorist-state', editorialNote: ['as Mali views it'],
    subject: E.ukraine, relation: 'is-a', objectText: 'terrorist state', statedIn: [q('his country views Ukraine as a “terrorist state.”')],
  })],
  statedIn: [q('stating that his country views Ukraine as a “terrorist state.”')],
});
a.claim({
  label: 'Diop: "We have common views on fighting insecurity and terrorism in our region"', slug: 'diop-common-views',
  claimant: E.abdoulayeDiop, claimKind: 'statement', reportingVerb: 'said',
  verbatim: ['We have common views on fighting insecurity and terrorism in our region, which is supported by foreign state sponsors and regional actors,'],
  about: [foreignStateSponsors, regionalActors],
  content: [
    a.proposition({
      label: 'foreign state sponsors support terrorism in the region', slug: 'foreign-state-sponsors-support-terrorism',
      subject: foreignStateSponsors, relation: 'supports', objectText: 'terrorism in our region', statedIn: [q('terrorism in our region, which is supported by foreign state sponsors')],
    }),
    a.proposition({
      label: 'regional actors support terrorism in the region', slug: 'regional-actors-support-terrorism',
      subject: regionalActors, relation: 'supports', objectText: 'terrorism in our region', statedIn: [q('regional actors')],
    }),
  ],
  mentionedAt: [a.heading('‘We have common views’')],
  statedIn: [a.sentence(6)],
});

// ---- Events reported as fact --------------------------------------------------------------------------------------

const coups = ([[E.mali, E.armedForcesOfMali, 'Mali'], [E.burkinaFaso, E.armedForcesOfBurkinaFaso, 'Burkina Faso'], [E.niger, E.armedForcesOfNiger, 'Niger']] as const).map(([country, military, name]) => a.coup({
  label: `military coup in ${name}`, place: [country], agent: [military], time: recentYears,
  statedIn: [q('Following military coups in Mali, Burkina Faso and Niger in recent years')],
}));

const attack = a.attack({
  label: 'the July 2024 attack by armed groups in northern Mali', slug: 'attack-northern-mali-2024-07',
  wikidata: wikidata('Q128007033'), identifiedOutsideText: true,
  perpetrator: [E.armedGroupsInNorthernMali], victim: [E.russianMilitaryContractors, E.armedForcesOfMali],
  fatalities: a.quantity({ label: 'dozens killed', slug: 'attack-fatalities', originalText: 'dozens', measures: 'Russian mercenaries and Malian soldiers killed', mentionedAt: [q('dozens')] }),
  place: [E.northernMali], time: july,
  statedIn: [q('an attack by armed groups in northern Mali in July, in which dozens of Russian mercenaries and Malian soldiers were killed by militants and rebels')],
  mentionedAt: [q('the attack', 8), q('the attack', 9)],
});

const kievAidedAttack = a.proposition({
  label: 'Kiev aided the attack in northern Mali', slug: 'kiev-aided-the-attack', subject: E.ukraine, relation: 'aided', object: attack, statedIn: [q('Kiev aided an attack')],
});
const allegation = a.claim({
  label: 'allegations that Kiev aided the July 2024 attack in northern Mali', slug: 'allegation-kiev-aided-attack',
  claimKind: 'allegation', reportingVerb: 'allegations', sourceKind: 'unattributed', certainty: 'underspecified', hedge: ['allegations'], about: [E.ukraine, attack], content: [kievAidedAttack],
  statedIn: [q('allegations that Kiev aided an attack by armed groups in northern Mali in July')],
});

const rupture = a.diplomaticRupture({
  label: 'Mali cutting diplomatic ties with Ukraine', slug: 'mali-cuts-ties-with-ukraine',
  initiator: E.mali, counterpart: E.ukraine, time: lastYear, reason: [allegation],
  statedIn: [q('Mali’s government cut diplomatic ties with Ukraine last year over allegations')],
  mentionedAt: [q('Mali had cut ties')],
});

a.claim({
  label: 'some observers: one of the largest losses for the Russian contractors in years', slug: 'observers-largest-losses',
  claimant: someObservers, claimKind: 'description', reportingVerb: 'described', about: [attack, E.russianMilitaryContractors],
  content: [a.proposition({
    label: 'the attack was one of the largest losses for the Russian contractors in years', slug: 'attack-among-largest-losses',
    subject: attack, relation: 'was-among-largest-losses-of', object: E.russianMilitaryContractors, statedIn: [q('one of the largest losses for the Russian contractors in years')],
  })],
  statedIn: [q('in what some observers described as one of the largest losses for the Russian contractors in years')],
});
a.claim({
  label: 'Ukrainian military intelligence spokesperson: armed groups in Mali had received information from Kiev to launch the attack', slug: 'spokesperson-information-from-kiev',
  claimant: spokesperson, claimKind: 'statement', time: atTheTime, reportingVerb: 'said',
  about: [E.armedGroupsInNorthernMali, E.ukraine, attack],
  content: [a.proposition({
    label: 'armed groups in Mali received information from Kiev to launch the attack', slug: 'armed-groups-received-information-from-kiev',
    subject: E.armedGroupsInNorthernMali, relation: 'received-information-from', object: E.ukraine,
    statedIn: [q('armed groups in Mali had received information from Kiev to launch the attack')],
  })],
  statedIn: [a.sentence(8)],
});
a.claim({
  label: "Ukraine's Foreign Ministry: Mali cut ties without a thorough review and without evidence", slug: 'ukraine-foreign-ministry-no-review',
  claimant: E.foreignMinistryOfUkraine, claimKind: 'denial', reportingVerb: 'argued', about: [rupture, E.mali], disputes: [rupture, allegation],
  content: [
    a.proposition({
      label: 'Mali cut ties without a thorough review of the situation', slug: 'rupture-without-review',
      subject: rupture, relation: 'lacked-review', statedIn: [q('without a thorough review of the situation')],
    }),
    a.proposition({
      label: "Mali cut ties without providing evidence of Ukraine's involvement in the attack", slug: 'rupture-without-evidence',
      subject: rupture, relation: 'lacked-evidence', object: kievAidedAttack, statedIn: [q('without providing evidence of the country’s involvement in the attack')],
    }),
  ],
  statedIn: [a.sentence(9)],
});
const lavrovJointForce = a.claim({
  label: 'Lavrov: Russia will help the Sahel countries form a joint military force by offering "consultative services"', slug: 'lavrov-joint-force',
  claimant: E.sergeyLavrov, claimKind: 'offer', time: thursday, reportingVerb: 'noted', verbatim: ['consultative services,'],
  about: [E.sahelCountries, jointForce],
  statedIn: [q('Lavrov noted on Thursday that Russia will help the Sahel countries to form a joint military force by offering "consultative services,"')],
});
a.claim({
  label: 'Lavrov: a "significant number" of Russian military instructors have been working there already', slug: 'lavrov-instructors-working-there',
  claimant: E.sergeyLavrov, claimKind: 'description', time: thursday, reportingVerb: 'noting', verbatim: ['significant number'],
  about: [E.russianMilitaryInstructors, E.sahelCountries],
  content: [a.proposition({
    label: 'Russian military instructors have been working in the Sahel countries already', slug: 'instructors-working-in-sahel-countries',
    subject: E.russianMilitaryInstructors, relation: 'has-been-working-in', object: E.sahelCountries, time: already,
    statedIn: [q('Russian military instructors have been working there already')],
  })],
  statedIn: [q('noting that a "significant number" of Russian military instructors have been working there already.')],
});

const talks = a.talks({
  label: 'talks of Russia\'s foreign minister with his counterparts from Mali, Burkina Faso and Niger', slug: 'talks-russia-sahel-2025-04-03',
  time: thursday,
  participant: [E.sergeyLavrov, E.abdoulayeDiop, ministerOfBurkinaFaso, ministerOfNiger, E.russia, E.sahelCountries],
  topic: 'ways to boost military ties with the Sahel countries',
  purpose: 'to expand its clout in West African countries that have expelled French forces',
  statedIn: [
    q('Russia discussed ways to boost military ties with the Sahel countries'), q('as it seeks to expand its clout in West African countries that have expelled French forces'),
    q('on Thursday after the talks with his counterparts from Mali, Burkina Faso, and Niger'),
  ],
});

const offer = { offeredBy: E.russia, offeredTo: [E.sahelCountries] } as const;
a.offer({
  ...offer, label: 'Russia\'s offer to train the Sahel countries\' troops and law-enforcement personnel', slug: 'offer-troop-training',
  offerKind: 'troop-training', beneficiary: THREE_FORCES, partOf: talks, expressedIn: lavrovEmphasisedReadiness,
  statedIn: [q('promising to train their troops'), q('train their troops and law enforcement personnel')],
});
a.offer({
  ...offer, label: 'Russia\'s offer to supply weapons and military equipment', slug: 'offer-weapons-and-equipment',
  offerKind: 'weapons-supply', partOf: talks, expressedIn: lavrovMilitaryEquipment,
  statedIn: [q('supply weapons'), q('adding that Russia could also provide military equipment')],
});
a.offer({
  ...offer, label: 'Russia\'s offer to strengthen the combat capability of the three countries\' militaries', slug: 'offer-combat-capability',
  offerKind: 'combat-capability', beneficiary: THREE_FORCES, expressedIn: lavrovEmphasisedReadiness,
  statedIn: [q("strengthen the combat capability of the three countries' militaries")],
});
a.offer({
  ...offer, label: 'Russia\'s readiness to help strengthen the military and security forces of Mali, Burkina Faso and Niger', slug: 'offer-strengthen-security-forces',
  offerKind: 'security-forces-support', beneficiary: THREE_FORCES, time: thursday, expressedIn: lavrovReadyToHelp,
  statedIn: [q('Moscow stands ready to help strengthen their military and security forces')],
});
a.offer({
  ...offer, label: 'Russia\'s offer to help expand the potential of the united armed forces of Sahel', slug: 'offer-expand-united-armed-forces',
  offerKind: 'joint-force-support', beneficiary: [E.unitedArmedForcesOfSahel], expressedIn: lavrovEmphasisedReadiness,
  statedIn: [q('help expand the potential of the united armed forces of Sahel')],
});
a.offer({
  ...offer, label: 'Russia\'s offer to help the Sahel countries form a joint military force through "consultative services"', slug: 'offer-joint-force-consultative-services',
  offerKind: 'joint-force-support', beneficiary: [jointForce], time: thursday, means: 'by offering "consultative services"', expressedIn: lavrovJointForce,
  statedIn: [q('Russia will help the Sahel countries to form a joint military force by offering "consultative services,"')],
});

a.expulsion({
  label: 'the ruling juntas expelling French and US forces', slug: 'juntas-expel-french-and-us-forces',
  expelledBy: [E.rulingJuntas], expelled: [E.frenchForces, E.usForces], follows: coups,
  statedIn: [q('the ruling juntas have expelled French and US forces'), q('West African countries that have expelled French forces')],
});
a.securityCooperation({
  label: 'the ruling juntas turning to Russian military contractors for security assistance', slug: 'juntas-turn-to-russian-contractors',
  client: [E.rulingJuntas], provider: [E.russianMilitaryContractors], service: 'security assistance', follows: coups,
  statedIn: [q('turned to Russian military contractors for security assistance')],
});
a.securityCooperation({
  label: 'Russian military contractors active in the Sahel, in exchange for mineral riches', slug: 'russian-contractors-active-in-sahel',
  provider: [E.russianMilitaryContractors], place: [E.sahel], service: 'their security services', compensation: "the region's mineral riches",
  statedIn: [a.sentence(12)],
});
a.relationsChange({
  label: 'ties between the Sahel countries and the West becoming increasingly strained', slug: 'sahel-west-ties-strained',
  participant: [E.sahelCountries, E.theWest], change: 'have become increasingly strained', statedIn: [a.sentence(10)],
});

/** The dataset of article 000, as its module declares it (assembled with the shared entities in src/data/index.ts). */
export const article000 = a.dataset();
