// The model: one declaration per class, from which types, RDF mapping, ontology and shapes are all derived.
import { defineClass, defineEnum, type ClassDecl, type EntityUnion } from './schema.js';
import { DCT, FOAF, KG_NS, OA, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, TIME } from './vocab.js';
import { EventKind } from './vocabulary/event-kinds.js';
import { OfficeKind } from './vocabulary/office-kinds.js';
import { Relation } from './vocabulary/relations.js';

export { EventKind, OfficeKind, Relation };

const kg = (local: string): string => KG_NS + local;

// ---- Value sets (SKOS concept schemes) -------------------------------------------------------------------

export const ClaimKind = defineEnum('claim-kind', {
  statement: { label: 'statement', comment: 'A plain assertion by the speaker.' },
  offer: { label: 'offer', comment: 'The speaker offers or promises something to someone.' },
  accusation: { label: 'accusation', comment: 'The speaker accuses someone of wrongdoing.' },
  allegation: { label: 'allegation', comment: 'An assertion of wrongdoing attributed to someone, as reported.' },
  agreement: { label: 'agreement', comment: 'The speaker echoes or endorses an earlier claim.' },
  denial: { label: 'denial or counter-argument', comment: 'The speaker disputes an earlier claim or action.' },
  description: { label: 'description', comment: 'The speaker characterises something (an event, a state, a group).' },
  prediction: { label: 'prediction or plan', comment: 'The speaker says what will happen or what is planned.' },
  report: { label: 'report', comment: 'A source reports something as fact ("according to state media"); the article does not vouch for it.' },
});

export const OfferKind = defineEnum('offer-kind', {
  'troop-training': { label: 'training of troops and law-enforcement personnel', comment: 'Training for armed forces and police.' },
  'weapons-supply': { label: 'supply of weapons and military equipment', comment: 'Provision of arms and military equipment.' },
  'combat-capability': { label: 'strengthening combat capability', comment: 'Help to strengthen the combat capability of armed forces.' },
  'security-forces-support': { label: 'strengthening military and security forces', comment: 'General help to strengthen military and security forces.' },
  'joint-force-support': { label: 'support for a joint military force', comment: 'Help to form or expand a joint force of several countries, e.g. through consultative services.' },
});

/** How certain the article makes a claim or a reported fact: FactBank factuality values (Saurí & Pustejovsky 2009) as skos:notation. */
export const Certainty = defineEnum('certainty', {
  certain: { label: 'certain', comment: 'Presented as certainly so.', notation: 'CT+' },
  probable: { label: 'probable', comment: 'Presented as probably so ("likely", "probably").', notation: 'PR+' },
  possible: { label: 'possible', comment: 'Presented as possibly so ("may", "could").', notation: 'PS+' },
  'certainly-not': { label: 'certainly not', comment: 'Presented as certainly not so (a firm denial reported as fact).', notation: 'CT-' },
  'probably-not': { label: 'probably not', comment: 'Presented as probably not so.', notation: 'PR-' },
  'possibly-not': { label: 'possibly not', comment: 'Presented as possibly not so.', notation: 'PS-' },
  underspecified: { label: 'underspecified', comment: 'Hedged without saying how likely ("reportedly", "allegedly"), whether or not a source is given.', notation: 'Uu' },
});

/** Who the article says a claim or a reported fact comes from (attribution, as in GRaSP / PARC attribution annotation). */
export const SourceKind = defineEnum('source-kind', {
  named: { label: 'named source', comment: 'A named person, organisation, country or group (the claimant).' },
  unnamed: { label: 'unnamed source', comment: 'A source the article describes but does not name ("sources familiar with the matter"); the claimant is that description.' },
  publication: { label: 'the publication itself', comment: 'The article states it in its own voice, or prints a correction.' },
  media: { label: 'other media', comment: 'Other media the article cites ("local media", "state media").' },
  unattributed: { label: 'unattributed', comment: 'No source is given ("reportedly", "allegations").' },
});

/** Where an event stands (aligned to schema:eventStatus where schema.org has the value). */
export const EventStatus = defineEnum('event-status', {
  happened: { label: 'happened', comment: 'The event took place.' },
  ongoing: { label: 'ongoing', comment: 'The event is under way at the time of the article.' },
  planned: { label: 'planned', comment: 'The event is intended or announced, with no fixed time.' },
  scheduled: { label: 'scheduled', comment: 'The event is planned for a given time.', closeMatch: ['https://schema.org/EventScheduled'] },
  postponed: { label: 'postponed', comment: 'The event was put off to a later time.', exactMatch: ['https://schema.org/EventPostponed'] },
  cancelled: { label: 'cancelled', comment: 'The event was called off.', exactMatch: ['https://schema.org/EventCancelled'] },
  alleged: { label: 'alleged', comment: 'Only alleged: the article does not report it as fact (its claims say it happened).' },
});

/** The precision of a time expression's resolved value. */
export const Precision = defineEnum('precision', {
  day: { label: 'day', comment: 'Resolved to a calendar day.', exactMatch: [TIME.unitDay] },
  week: { label: 'week', comment: 'Resolved to a calendar week ("next week"): kg:earliest is its Monday, kg:latest its Sunday.', exactMatch: [TIME.unitWeek] },
  month: { label: 'month', comment: 'Resolved to a month.', exactMatch: [TIME.unitMonth] },
  year: { label: 'year', comment: 'Resolved to a year.', exactMatch: [TIME.unitYear] },
  vague: { label: 'vague', comment: 'Not resolved to a day, month or year; at most bounded (before or after another time).' },
});

// ---- Provenance: text spans and their selectors ---------------------------------------------------------

export const TextQuoteSelector = defineClass({
  name: 'TextQuoteSelector', iri: OA.TextQuoteSelector, embedded: true,
  label: 'text quote selector', comment: 'Selects a span by its exact text and, where needed, the text just before and after it.',
  props: {
    exact: { iri: OA.exact, kind: 'string', card: 'one', label: 'exact', comment: 'The exact text of the span.' },
    prefix: { iri: OA.prefix, kind: 'string', card: 'optional', label: 'prefix', comment: 'Text immediately before the span.' },
    suffix: { iri: OA.suffix, kind: 'string', card: 'optional', label: 'suffix', comment: 'Text immediately after the span.' },
  },
});

export const TextPositionSelector = defineClass({
  name: 'TextPositionSelector', iri: OA.TextPositionSelector, embedded: true,
  label: 'text position selector', comment: 'Selects a span by offsets in Unicode code points from the start of the source file.',
  props: {
    start: { iri: OA.start, kind: 'nonNegativeInteger', card: 'one', lessThanOrEquals: 'end', label: 'start', comment: 'Offset of the first code point of the span.' },
    end: { iri: OA.end, kind: 'nonNegativeInteger', card: 'one', label: 'end', comment: 'Offset just after the last code point of the span.' },
  },
});

export const TextSpan = defineClass({
  name: 'TextSpan', iri: kg('TextSpan'), idPrefix: 'span',
  label: 'text span', comment: 'A span of a source document, selected by quote and by position (a Web Annotation specific resource).',
  subClassOf: [OA.SpecificResource],
  props: {
    source: { iri: OA.hasSource, kind: 'ref', range: 'SourceDocument', card: 'one', label: 'has source', comment: 'The document the span is taken from.' },
    quote: { iri: OA.hasSelector, kind: 'embedded', cls: TextQuoteSelector, fragment: 'quote', card: 'one', label: 'has selector (quote)', comment: 'The span selected by its text.' },
    position: { iri: OA.hasSelector, kind: 'embedded', cls: TextPositionSelector, fragment: 'position', card: 'one', label: 'has selector (position)', comment: 'The span selected by its offsets.' },
    sentence: { iri: kg('withinSentence'), kind: 'ref', range: 'TextSpan', card: 'optional', label: 'within sentence', comment: 'The whole sentence (itself a text span) that contains this span.' },
    sentenceNumber: { iri: kg('sentenceNumber'), kind: 'integer', card: 'optional', label: 'sentence number', comment: 'For a span that is a whole body sentence: its number, counting from 1 in reading order.', pattern: '^[1-9][0-9]*$' },
  },
});

// ---- The top of our hierarchy --------------------------------------------------------------------------

export const Item = defineClass({
  name: 'Item', iri: kg('Item'), abstract: true,
  label: 'item', comment: 'Anything the graph describes: a document, agent, place, office, event, claim or time expression.',
  props: {
    label: { iri: RDFS.label, kind: 'langString', card: 'some', uniqueLang: true, label: 'label', comment: 'A human-readable name or description of the item, at most one per language.' },
    altLabel: { iri: SKOS.altLabel, kind: 'langString', card: 'many', label: 'alternative label', comment: 'Another surface form the source uses for the item (e.g. "Kiev" for Ukraine\'s government).' },
    wikidata: { iri: kg('wikidata'), kind: 'iri', card: 'optional', label: 'Wikidata entity', comment: 'The Wikidata entity this item is identified with (from the project\'s reference list only).', subPropertyOf: [SCHEMA.sameAs], pattern: '^http://www\\.wikidata\\.org/entity/Q[1-9][0-9]*$' },
    identifiedOutsideText: { iri: kg('identifiedOutsideText'), kind: 'boolean', card: 'optional', label: 'identified outside the text', comment: 'True when the Wikidata identification was made from knowledge outside the source text (the text does not name the item).' },
    description: { iri: kg('description'), kind: 'langString', card: 'many', label: 'description', comment: 'A description of the item in the words of the source.', subPropertyOf: [SCHEMA.description] },
    originalText: { iri: kg('originalText'), kind: 'langString', card: 'optional', label: 'original text', comment: 'The words of the source that express the item, where they are not its label: a time ("on Thursday"), a quantity ("about 3,000 troops", "dozens").' },
    editorialNote: { iri: SKOS.editorialNote, kind: 'langString', card: 'many', label: 'editorial note', comment: 'A note of the modeller about the item (e.g. "not named in the article", "in Lavrov\'s words"); labels stay names.' },
    mentionedAt: { iri: kg('mentionedAt'), kind: 'ref', range: 'TextSpan', card: 'many', label: 'mentioned at', comment: 'A span of a source document where the item is mentioned.' },
    statedIn: { iri: kg('statedIn'), kind: 'ref', range: 'TextSpan', card: 'many', label: 'stated in', comment: 'A span of a source document that states this fact, event or claim.', subPropertyOf: [DCT.source] },
  },
});

export const SourceDocument = defineClass({
  name: 'SourceDocument', iri: kg('SourceDocument'), idPrefix: 'doc', parent: Item,
  label: 'source document', comment: 'A news article from which knowledge is taken; every fact and claim points back into its text.',
  subClassOf: [SCHEMA.NewsArticle, PROV.Entity, FOAF.Document],
  props: {
    datePublished: { iri: kg('datePublished'), kind: 'date', card: 'one', label: 'date published', comment: 'The date the article was published.', subPropertyOf: [SCHEMA.datePublished, DCT.issued] },
    publicationTime: { iri: kg('publicationTime'), kind: 'ref', range: 'TimeExpression', card: 'optional', label: 'publication time', comment: 'The publication date as a time expression, against which relative expressions are resolved.' },
    sourceFile: { iri: kg('sourceFile'), kind: 'string', card: 'one', label: 'source file', comment: 'Path of the source text in the project, relative to its root.' },
    text: { iri: kg('text'), kind: 'string', card: 'one', label: 'text', comment: 'The full text of the document, byte for byte as in the source file.', subPropertyOf: [SCHEMA.text] },
    characterCount: { iri: kg('characterCount'), kind: 'nonNegativeInteger', card: 'one', label: 'character count', comment: 'Length of the text in Unicode code points.' },
    correction: { iri: kg('correction'), kind: 'ref', range: 'Correction', card: 'many', label: 'correction', comment: 'A correction printed with the article.', subPropertyOf: [SCHEMA.correction] },
    language: { iri: kg('language'), kind: 'string', card: 'one', label: 'language', comment: 'The BCP 47 tag of the document\'s language (cf. dct:language, whose values are resources, not tags).', pattern: '^[a-z]{2,3}(-[a-z0-9]+)*$' },
  },
});

export const TimeExpression = defineClass({
  name: 'TimeExpression', iri: kg('TimeExpression'), idPrefix: 'when', parent: Item,
  label: 'time expression', comment: 'A time as the source states it, resolved to a date, month or year where the text allows, keeping its precision and original words.',
  subClassOf: [TIME.TemporalEntity],
  props: {
    date: { iri: TIME.inXSDDate, kind: 'date', card: 'optional', label: 'in XSD date', comment: 'The resolved day.' },
    yearMonth: { iri: TIME.inXSDgYearMonth, kind: 'gYearMonth', card: 'optional', label: 'in XSD gYearMonth', comment: 'The resolved month, when only the month is known.' },
    year: { iri: TIME.inXSDgYear, kind: 'gYear', card: 'optional', label: 'in XSD gYear', comment: 'The resolved year, when only the year is known.' },
    before: { iri: kg('before'), kind: 'ref', range: 'TimeExpression', card: 'optional', label: 'before', comment: 'A time this one lies entirely before (the bound a vague expression allows).', subPropertyOf: [TIME.before] },
    resolvedAgainst: { iri: kg('resolvedAgainst'), kind: 'ref', range: 'TimeExpression', card: 'optional', label: 'resolved against', comment: 'The time (usually the article date) a relative expression was resolved from.' },
    after: { iri: kg('after'), kind: 'ref', range: 'TimeExpression', card: 'optional', label: 'after', comment: 'A time this one lies entirely after ("weeks after the vote").', subPropertyOf: [TIME.after] },
    earliest: { iri: kg('earliest'), kind: 'date', card: 'optional', lessThanOrEquals: 'latest', label: 'earliest day', comment: 'The first day the expression can denote (a month: its first day; a year: 1 January), so that every time compares and takes YEAR() the same way; the kit computes it.' },
    latest: { iri: kg('latest'), kind: 'date', card: 'optional', label: 'latest day', comment: 'The last day the expression can denote (a month: its last day; a year: 31 December); the kit computes it.' },
    precision: { iri: kg('precision'), kind: 'enum', ...Precision, card: 'optional', label: 'precision', comment: 'Whether the resolved value is a day, a month or a year, or the expression stays vague; the kit computes it.' },
    hasBeginning: { iri: kg('hasBeginning'), kind: 'ref', range: 'TimeExpression', card: 'optional', label: 'has beginning', comment: 'For an interval ("from mid-2025 to 2027"): the time it begins.', subPropertyOf: [TIME.hasBeginning] },
    hasEnd: { iri: kg('hasEnd'), kind: 'ref', range: 'TimeExpression', card: 'optional', label: 'has end', comment: 'For an interval: the time it ends.', subPropertyOf: [TIME.hasEnd] },
    duration: { iri: kg('duration'), kind: 'duration', card: 'optional', label: 'duration', comment: 'How long it lasts, as xsd:duration ("for ten years" is P10Y); absent when the text gives no number ("for weeks").', subPropertyOf: [TIME.hasXSDDuration] },
  },
});

export const Agent = defineClass({
  name: 'Agent', iri: kg('Agent'), abstract: true, parent: Item,
  label: 'agent', comment: 'Something that acts, speaks or bears responsibility: a person, country, organisation or group.',
  subClassOf: [PROV.Agent, FOAF.Agent],
  props: {},
});

export const Office = defineClass({
  name: 'Office', iri: kg('Office'), idPrefix: 'office', parent: Item,
  label: 'office', comment: 'A post such as a country\'s foreign minister, which a person holds.',
  subClassOf: [ORG.Post],
  props: {
    officeKind: { iri: kg('officeKind'), kind: 'enum', ...OfficeKind, card: 'one', label: 'office kind', comment: 'What kind of office this is.' },
    ofCountry: { iri: kg('ofCountry'), kind: 'ref', range: 'Country', card: 'optional', label: 'of country', comment: 'The country whose office this is.' },
    postIn: { iri: kg('postIn'), kind: 'ref', range: 'Organization', card: 'optional', label: 'post in', comment: 'The organisation in which the post exists.', subPropertyOf: [ORG.postIn] },
    portfolio: { iri: kg('portfolio'), kind: 'langString', card: 'optional', label: 'portfolio', comment: 'What a minister is in charge of, in the source\'s words ("mines", "energy and water").' },
  },
});

export const Person = defineClass({
  name: 'Person', iri: kg('Person'), idPrefix: 'person', parent: Agent,
  label: 'person', comment: 'A human being, named or (when the source does not name them) unnamed.',
  subClassOf: [SCHEMA.Person, FOAF.Person, PROV.Person],
  props: {
    name: { iri: kg('name'), kind: 'langString', card: 'optional', label: 'name', comment: 'The person\'s name as the source gives it; absent for unnamed people.', subPropertyOf: [SCHEMA.name, FOAF.name] },
    holds: { iri: kg('holds'), kind: 'ref', range: 'Office', card: 'many', label: 'holds', comment: 'An office the person holds at the time of the source.', subPropertyOf: [ORG.holds] },
  },
});

export const Organization = defineClass({
  name: 'Organization', iri: kg('Organization'), idPrefix: 'organization', parent: Agent,
  label: 'organisation', comment: 'An organised body of people: a government, ministry, armed force, armed group or company.',
  subClassOf: [ORG.Organization, SCHEMA.Organization, PROV.Organization],
  props: {
    country: { iri: kg('country'), kind: 'ref', range: 'Country', card: 'optional', label: 'country', comment: 'The country the organisation belongs to or comes from (cf. Wikidata P17).' },
    subOrganizationOf: { iri: kg('subOrganizationOf'), kind: 'ref', range: 'Organization', card: 'optional', label: 'sub-organisation of', comment: 'The organisation this one is part of.', subPropertyOf: [ORG.subOrganizationOf] },
    basedIn: { iri: kg('basedIn'), kind: 'ref', range: 'Place', card: 'many', label: 'based in', comment: 'Where the organisation is based (a city, a country).', subPropertyOf: [SCHEMA.location] },
    ledFrom: { iri: kg('ledFrom'), kind: 'ref', range: 'Place', card: 'optional', label: 'led from', comment: 'The place (usually a country) from which the organisation is led or controlled.' },
    memberOf: { iri: kg('memberOf'), kind: 'ref', range: 'Agent', card: 'many', label: 'member of', comment: 'A group, consortium or alliance the organisation belongs to.', subPropertyOf: [ORG.memberOf] },
  },
});

export const Government = defineClass({
  name: 'Government', iri: kg('Government'), idPrefix: 'organization', parent: Organization,
  label: 'government', comment: 'The government of a country (including a ruling military junta).',
  subClassOf: [SCHEMA.GovernmentOrganization],
  props: {},
});

export const Ministry = defineClass({
  name: 'Ministry', iri: kg('Ministry'), idPrefix: 'organization', parent: Organization,
  label: 'ministry', comment: 'A ministry of a government, e.g. a foreign ministry.',
  subClassOf: [SCHEMA.GovernmentOrganization],
  props: {},
});

export const ArmedForce = defineClass({
  name: 'ArmedForce', iri: kg('ArmedForce'), idPrefix: 'organization', parent: Organization,
  label: 'armed force', comment: 'A state\'s military or security force, or a joint force of several states.',
  props: {},
});

export const IntelligenceService = defineClass({
  name: 'IntelligenceService', iri: kg('IntelligenceService'), idPrefix: 'organization', parent: Organization,
  label: 'intelligence service', comment: 'A state intelligence agency, e.g. a military intelligence service.',
  subClassOf: [SCHEMA.GovernmentOrganization],
  props: {},
});

export const ArmedGroup = defineClass({
  name: 'ArmedGroup', iri: kg('ArmedGroup'), idPrefix: 'organization', parent: Organization,
  label: 'armed group', comment: 'A non-state armed group, e.g. militants, rebels or groups called terrorist.',
  props: {},
});

export const MilitaryContractor = defineClass({
  name: 'MilitaryContractor', iri: kg('MilitaryContractor'), idPrefix: 'organization', parent: Organization,
  label: 'private military contractor', comment: 'A private military or security company, or its personnel seen as a body (mercenaries).',
  props: {},
});

export const Group = defineClass({
  name: 'Group', iri: kg('Group'), idPrefix: 'group', parent: Agent,
  label: 'group of agents', comment: 'Agents the source refers to together ("the Sahel countries", "the ruling juntas", "the West"), with the members it names.',
  subClassOf: [FOAF.Group],
  props: {
    member: { iri: kg('member'), kind: 'ref', range: 'Agent', card: 'many', label: 'member', comment: 'An agent the source counts in the group.', subPropertyOf: [SCHEMA.member, FOAF.member] },
  },
});

export const Place = defineClass({
  name: 'Place', iri: kg('Place'), idPrefix: 'place', parent: Item,
  label: 'place', comment: 'A place or region on Earth.',
  subClassOf: [SCHEMA.Place, PROV.Location],
  props: {
    containedIn: { iri: kg('containedIn'), kind: 'ref', range: 'Place', card: 'many', label: 'contained in', comment: 'A larger place this one lies within.', subPropertyOf: [SCHEMA.containedInPlace] },
    southOf: { iri: kg('southOf'), kind: 'ref', range: 'Place', card: 'many', label: 'south of', comment: 'A place this one lies south of.' },
  },
});

export const Region = defineClass({
  name: 'Region', iri: kg('Region'), idPrefix: 'place', parent: Place,
  label: 'region', comment: 'A geographical region such as the Sahel or West Africa, or part of a country.',
  props: {},
});

export const Desert = defineClass({
  name: 'Desert', iri: kg('Desert'), idPrefix: 'place', parent: Place,
  label: 'desert', comment: 'A desert, such as the Sahara.',
  subClassOf: [SCHEMA.Landform],
  props: {},
});

export const Country = defineClass({
  name: 'Country', iri: kg('Country'), idPrefix: 'country', parent: Place, alsoSubClassOf: [Agent],
  label: 'country', comment: 'A sovereign state, both a place and an agent that acts through its government.',
  subClassOf: [SCHEMA.Country],
  props: {},
});

/** Attribution and hedging, shared by everything the article reports: who it comes from, how sure the article makes it. */
export const ReportedItem = defineClass({
  name: 'ReportedItem', iri: kg('ReportedItem'), abstract: true, parent: Item,
  label: 'reported item', comment: 'Something the article reports: an event, a claim, a stake, a correction, or the content of a claim. Each carries its time, its conditions and its attribution, and is stated in a span of the text.',
  requires: ['statedIn'],
  props: {
    time: { iri: kg('time'), kind: 'ref', range: 'TimeExpression', card: 'optional', label: 'time', comment: 'When it happened, was said, or holds (one property for events, claims and propositions; compare the time expression\'s kg:earliest/kg:latest).', subPropertyOf: [TIME.hasTime] },
    condition: { iri: kg('condition'), kind: 'ref', range: 'Condition', card: 'many', label: 'condition', comment: 'A condition it depends on ("only if the ceasefire holds").' },
    accordingTo: { iri: kg('accordingTo'), kind: 'ref', range: 'Agent', card: 'optional', label: 'according to', comment: 'Who the article attributes it to, when that is not the claimant of a claim ("according to state media").', subPropertyOf: [PROV.wasInfluencedBy] },
    sourceKind: { iri: kg('sourceKind'), kind: 'enum', ...SourceKind, card: 'optional', label: 'source kind', comment: 'What kind of source the article gives for it (named, unnamed, the publication, other media, none).' },
    certainty: { iri: kg('certainty'), kind: 'enum', ...Certainty, card: 'optional', label: 'certainty', comment: 'How certain the article makes it (FactBank factuality); absent when the article does not hedge.' },
    hedge: { iri: kg('hedge'), kind: 'langString', card: 'many', label: 'hedge', comment: 'The article\'s hedging words ("reportedly", "allegedly", "according to").' },
    quantity: { iri: kg('quantity'), kind: 'ref', range: 'Quantity', card: 'many', label: 'quantity', comment: 'A number the article gives for it (troops, money, a share, people killed), exact, a range, approximate or vague.' },
  },
});

export const Event = defineClass({
  name: 'Event', iri: kg('Event'), idPrefix: 'event', parent: ReportedItem,
  label: 'event', comment: 'Something that happened, is happening or is planned, as the source reports it. Its kind is a concept of the open event-kind value set; the subclasses add roles of their own.',
  subClassOf: [SCHEMA.Event, PROV.Activity],
  props: {
    eventKind: { iri: kg('eventKind'), kind: 'enum', ...EventKind, card: 'one', label: 'event kind', comment: 'What kind of event it is (a concept of the event-kind scheme, with a CAMEO code where one fits).', subPropertyOf: [DCT.type] },
    eventStatus: { iri: kg('eventStatus'), kind: 'enum', ...EventStatus, card: 'optional', label: 'event status', comment: 'Whether it happened, is planned, scheduled, postponed, cancelled or only alleged (absent: happened, as reported).', subPropertyOf: [SCHEMA.eventStatus] },
    place: { iri: kg('place'), kind: 'ref', range: 'Place', card: 'many', label: 'place', comment: 'Where the event happened.', subPropertyOf: [PROV.atLocation] },
    participant: { iri: kg('participant'), kind: 'ref', range: 'Agent', card: 'many', label: 'participant', comment: 'An agent taking part in the event, in any role (role-specific properties refine this).' },
    agent: { iri: kg('agent'), kind: 'ref', range: 'Agent', card: 'many', label: 'agent', comment: 'Who carried the event out (e.g. the military, for a coup).', subPropertyOf: [kg('participant'), PROV.wasAssociatedWith] },
    target: { iri: kg('target'), kind: 'ref', range: 'Item', card: 'many', label: 'target', comment: 'Whom or what the event is directed at (a protest\'s target, a sanction\'s object).' },
    perpetrator: { iri: kg('perpetrator'), kind: 'ref', range: 'Agent', card: 'many', label: 'perpetrator', comment: 'Who carried out an attack or a crime.', subPropertyOf: [kg('agent')] },
    victim: { iri: kg('victim'), kind: 'ref', range: 'Agent', card: 'many', label: 'victim', comment: 'Who was attacked, killed or harmed.', subPropertyOf: [kg('participant')] },
    partOf: { iri: kg('partOf'), kind: 'ref', range: 'Event', card: 'optional', label: 'part of', comment: 'A larger event this one belongs to.' },
    follows: { iri: kg('follows'), kind: 'ref', range: 'Event', card: 'many', label: 'follows', comment: 'An earlier event this one came after, as the source orders them ("following military coups"); cf. time:after, which is for temporal entities.' },
    purpose: { iri: kg('purpose'), kind: 'langString', card: 'optional', label: 'purpose', comment: 'What the acting party seeks by it, as the source reports.' },
    topic: { iri: kg('topic'), kind: 'langString', card: 'optional', label: 'topic', comment: 'What the event was about, in the source\'s words.' },
  },
});

export const Talks = defineClass({
  name: 'Talks', iri: kg('Talks'), idPrefix: 'event', parent: Event, defaults: { eventKind: 'talks' },
  label: 'talks', comment: 'A meeting or round of talks between representatives.',
  props: {},
});

export const Offer = defineClass({
  name: 'Offer', iri: kg('Offer'), idPrefix: 'event', parent: Event, defaults: { eventKind: 'offer' },
  label: 'offer', comment: 'An offer or promise of help made by one party to others (the making of the offer is the fact; its fulfilment is not asserted).',
  props: {
    offeredBy: { iri: kg('offeredBy'), kind: 'ref', range: 'Agent', card: 'one', label: 'offered by', comment: 'The party making the offer.', subPropertyOf: [kg('participant'), PROV.wasAssociatedWith] },
    offeredTo: { iri: kg('offeredTo'), kind: 'ref', range: 'Agent', card: 'many', label: 'offered to', comment: 'The party the offer is made to.', subPropertyOf: [kg('participant')] },
    offerKind: { iri: kg('offerKind'), kind: 'enum', ...OfferKind, card: 'one', label: 'offer kind', comment: 'What is offered.' },
    beneficiary: { iri: kg('beneficiary'), kind: 'ref', range: 'Agent', card: 'many', label: 'beneficiary', comment: 'Whom the offered help is for (e.g. the armed forces to be trained).' },
    means: { iri: kg('means'), kind: 'langString', card: 'optional', label: 'means', comment: 'How the help would be given, in the source\'s words.' },
    expressedIn: { iri: kg('expressedIn'), kind: 'ref', range: 'Claim', card: 'optional', label: 'expressed in', comment: 'The statement in which the offer was made.' },
  },
});

export const Attack = defineClass({
  name: 'Attack', iri: kg('Attack'), idPrefix: 'event', parent: Event, defaults: { eventKind: 'attack' },
  label: 'attack', comment: 'An armed attack.',
  props: {
    fatalities: { iri: kg('fatalities'), kind: 'ref', range: 'Quantity', card: 'optional', label: 'fatalities', comment: 'How many were killed (a vague quantity such as "dozens" stays vague: words, no number).' },
  },
});

export const DiplomaticRupture = defineClass({
  name: 'DiplomaticRupture', iri: kg('DiplomaticRupture'), idPrefix: 'event', parent: Event, defaults: { eventKind: 'diplomatic-rupture' },
  label: 'cutting of diplomatic ties', comment: 'One state cutting diplomatic ties with another.',
  props: {
    initiator: { iri: kg('initiator'), kind: 'ref', range: 'Agent', card: 'one', label: 'initiator', comment: 'The party that cut ties.', subPropertyOf: [kg('participant'), PROV.wasAssociatedWith] },
    counterpart: { iri: kg('counterpart'), kind: 'ref', range: 'Agent', card: 'one', label: 'counterpart', comment: 'The party ties were cut with.', subPropertyOf: [kg('participant')] },
    reason: { iri: kg('reason'), kind: 'ref', range: 'Claim', card: 'many', label: 'reason', comment: 'The claim (e.g. an allegation) over which ties were cut.' },
  },
});

export const Coup = defineClass({
  name: 'Coup', iri: kg('Coup'), idPrefix: 'event', parent: Event, defaults: { eventKind: 'coup' },
  label: 'coup', comment: 'A seizure of power in a country; who carried it out (the military) is its kg:agent.',
  props: {},
});

export const Expulsion = defineClass({
  name: 'Expulsion', iri: kg('Expulsion'), idPrefix: 'event', parent: Event, defaults: { eventKind: 'expulsion' },
  label: 'expulsion', comment: 'A government expelling foreign forces from its country.',
  props: {
    expelledBy: { iri: kg('expelledBy'), kind: 'ref', range: 'Agent', card: 'many', label: 'expelled by', comment: 'Who did the expelling.', subPropertyOf: [kg('participant'), PROV.wasAssociatedWith] },
    expelled: { iri: kg('expelled'), kind: 'ref', range: 'Agent', card: 'many', label: 'expelled', comment: 'Who was expelled.', subPropertyOf: [kg('participant')] },
  },
});

export const SecurityCooperation = defineClass({
  name: 'SecurityCooperation', iri: kg('SecurityCooperation'), idPrefix: 'event', parent: Event, defaults: { eventKind: 'security-cooperation' },
  label: 'security cooperation', comment: 'One party providing military or security services to another, and what it gets in return.',
  props: {
    provider: { iri: kg('provider'), kind: 'ref', range: 'Agent', card: 'many', label: 'provider', comment: 'Who provides the services.', subPropertyOf: [kg('participant'), PROV.wasAssociatedWith] },
    client: { iri: kg('client'), kind: 'ref', range: 'Agent', card: 'many', label: 'client', comment: 'Who receives the services.', subPropertyOf: [kg('participant')] },
    service: { iri: kg('service'), kind: 'langString', card: 'optional', label: 'service', comment: 'What is provided, in the source\'s words.' },
    compensation: { iri: kg('compensation'), kind: 'langString', card: 'optional', label: 'compensation', comment: 'What the provider gets in exchange, in the source\'s words.' },
  },
});

export const RelationsChange = defineClass({
  name: 'RelationsChange', iri: kg('RelationsChange'), idPrefix: 'event', parent: Event, defaults: { eventKind: 'relations-change' },
  label: 'change in relations', comment: 'Relations between parties improving or deteriorating.',
  props: {
    change: { iri: kg('change'), kind: 'langString', card: 'one', label: 'change', comment: 'How the relations changed, in the source\'s words.' },
  },
});

export const Proposition = defineClass({
  name: 'Proposition', iri: kg('Proposition'), idPrefix: 'prop', parent: ReportedItem,
  label: 'proposition', comment: 'The structured content of a claim (or of a condition stated in a claim), as a reified statement: it is never asserted by the graph. Its kg:time is when the claimed relation holds.',
  referencedBy: { cls: 'Claim', prop: 'content' },
  subClassOf: [RDF.Statement],
  props: {
    subject: { iri: RDF.subject, kind: 'ref', range: 'Item', card: 'one', label: 'subject', comment: 'What the proposition is about.' },
    relation: { iri: RDF.predicate, kind: 'enum', ...Relation, card: 'one', label: 'predicate', comment: 'The relation the claim asserts.' },
    object: { iri: RDF.object, kind: 'ref', range: 'Item', card: 'optional', label: 'object', comment: 'The other party of the relation, when it is an entity.' },
    objectText: { iri: kg('objectText'), kind: 'langString', card: 'optional', label: 'object text', comment: 'The other party of the relation in words, when it is not an entity (e.g. "terrorist state").' },
    negated: { iri: kg('negated'), kind: 'boolean', card: 'optional', label: 'negated', comment: 'True when the claim asserts that the relation does not hold.' },
  },
});

export const Claim = defineClass({
  name: 'Claim', iri: kg('Claim'), idPrefix: 'claim', parent: ReportedItem,
  label: 'claim', comment: 'Something someone said, argued, accused or described, as reported; its content is never asserted by the graph. Its kg:time is when it was made.',
  subClassOf: [SCHEMA.Claim, PROV.Entity],
  props: {
    claimant: { iri: kg('claimant'), kind: 'ref', range: 'Agent', card: 'optional', label: 'claimant', comment: 'Who made the claim (a person, possibly unnamed, an organisation, a country or a group); absent when the source does not say.', subPropertyOf: [PROV.wasAttributedTo, SCHEMA.author] },
    claimKind: { iri: kg('claimKind'), kind: 'enum', ...ClaimKind, card: 'one', label: 'claim kind', comment: 'What kind of speech act the claim is.' },
    reportingVerb: { iri: kg('reportingVerb'), kind: 'langString', card: 'optional', label: 'reporting verb', comment: 'The source\'s verb that reports the claim ("said", "accused", "argued", ...).' },
    verbatim: { iri: kg('verbatim'), kind: 'langString', card: 'many', label: 'verbatim', comment: 'Words of the claimant as the source quotes them.' },
    quotedAt: { iri: kg('quotedAt'), kind: 'ref', range: 'TextSpan', card: 'many', label: 'quoted at', comment: 'The span of each verbatim passage, with its own offsets (the kit makes one per kg:verbatim value).', subPropertyOf: [PROV.wasQuotedFrom] },
    about: { iri: kg('about'), kind: 'ref', range: 'Item', card: 'many', label: 'about', comment: 'What or whom the claim is about.', subPropertyOf: [SCHEMA.about] },
    content: { iri: kg('content'), kind: 'ref', range: 'Proposition', card: 'many', label: 'content', comment: 'The structured content of the claim (reified, not asserted).' },
    evidenceOffered: { iri: kg('evidenceOffered'), kind: 'boolean', card: 'optional', label: 'evidence offered', comment: 'Whether the claimant offered evidence, where the source says so (absent when it does not say).' },
    echoes: { iri: kg('echoes'), kind: 'ref', range: 'Claim', card: 'many', label: 'echoes', comment: 'An earlier claim this one agrees with or repeats.' },
    disputes: { iri: kg('disputes'), kind: 'ref', range: 'Item', card: 'many', label: 'disputes', comment: 'A claim or action this one argues against (a denial links to what it denies).' },
  },
});

export const Quantity = defineClass({
  name: 'Quantity', iri: kg('Quantity'), idPrefix: 'quantity', parent: Item,
  requires: ['originalText'],
  label: 'quantity', comment: 'A number the article gives: exact (kg:value), a range (kg:minValue, kg:maxValue), approximate, or vague (only its words: "dozens", "a significant number"); a percentage has unit code P1.',
  subClassOf: [SCHEMA.QuantitativeValue],
  props: {
    value: { iri: kg('value'), kind: 'decimal', card: 'optional', label: 'value', comment: 'The exact value, when the text gives one.', subPropertyOf: [SCHEMA.value] },
    minValue: { iri: kg('minValue'), kind: 'decimal', card: 'optional', lessThanOrEquals: 'maxValue', label: 'minimum value', comment: 'The lower bound of a range ("between 20 and 30": 20).', subPropertyOf: [SCHEMA.minValue] },
    maxValue: { iri: kg('maxValue'), kind: 'decimal', card: 'optional', label: 'maximum value', comment: 'The upper bound of a range ("between 20 and 30": 30).', subPropertyOf: [SCHEMA.maxValue] },
    approximate: { iri: kg('approximate'), kind: 'boolean', card: 'optional', label: 'approximate', comment: 'True when the text hedges the number ("about", "some", "nearly").' },
    unitCode: { iri: kg('unitCode'), kind: 'string', card: 'optional', label: 'unit code', comment: 'The unit as a UN/CEFACT Common Code (P1 percent, C62 one, KGM kilogram).', subPropertyOf: [SCHEMA.unitCode], pattern: '^[A-Z0-9]{2,3}$' },
    measures: { iri: kg('measures'), kind: 'langString', card: 'optional', label: 'measures', comment: 'What is counted or measured, in the source\'s words ("people killed", "troops", "stake"); the unit, if any, is kg:unitCode.' },
  },
});

export const MonetaryAmount = defineClass({
  name: 'MonetaryAmount', iri: kg('MonetaryAmount'), idPrefix: 'quantity', parent: Quantity,
  label: 'monetary amount', comment: 'An amount of money ("a $2.1 billion loan"), in a currency.',
  subClassOf: [SCHEMA.MonetaryAmount],
  props: {
    currency: { iri: kg('currency'), kind: 'string', card: 'one', label: 'currency', comment: 'The ISO 4217 code of the currency (USD, EUR, XOF).', subPropertyOf: [SCHEMA.currency], pattern: '^[A-Z]{3}$' },
  },
});

export const Condition = defineClass({
  name: 'Condition', iri: kg('Condition'), idPrefix: 'condition', parent: Item, referencedBy: { cls: 'ReportedItem', prop: 'condition' },
  label: 'condition', comment: 'What a promise, plan or event depends on ("only if the ceasefire holds"), in words and, where it is a proposition of a claim\'s content, structured.',
  requires: ['statedIn'],
  props: {
    conditionText: { iri: kg('conditionText'), kind: 'langString', card: 'one', label: 'condition text', comment: 'The condition in the source\'s words.' },
    conditionContent: { iri: kg('conditionContent'), kind: 'ref', range: 'Proposition', card: 'optional', label: 'condition content', comment: 'The condition as a proposition (itself part of the content of the claim that states it: never asserted).' },
  },
});

export const Correction = defineClass({
  name: 'Correction', iri: kg('Correction'), idPrefix: 'correction', parent: ReportedItem, referencedBy: { cls: 'SourceDocument', prop: 'correction' },
  label: 'correction', comment: 'A correction the publication prints with the article ("an earlier version of this report misstated …"): a statement of the publication itself.',
  subClassOf: [SCHEMA.CorrectionComment],
  props: {
    corrects: { iri: kg('corrects'), kind: 'ref', range: 'Item', card: 'many', label: 'corrects', comment: 'The claim, fact or quantity the correction is about.' },
    correctedText: { iri: kg('correctedText'), kind: 'langString', card: 'optional', label: 'corrected text', comment: 'What the earlier version said, in the correction\'s words.' },
    correctText: { iri: kg('correctText'), kind: 'langString', card: 'optional', label: 'correct text', comment: 'What the correction says is right.' },
  },
});

export const Stake = defineClass({
  name: 'Stake', iri: kg('Stake'), idPrefix: 'stake', parent: ReportedItem,
  label: 'stake', comment: 'An agent holding a share of an organisation ("a 35% stake"), as reported.',
  props: {
    holder: { iri: kg('holder'), kind: 'ref', range: 'Agent', card: 'one', label: 'holder', comment: 'Who holds the stake.' },
    heldIn: { iri: kg('heldIn'), kind: 'ref', range: 'Organization', card: 'one', label: 'held in', comment: 'The organisation (company, venture, consortium) the stake is in.' },
    share: { iri: kg('share'), kind: 'ref', range: 'Quantity', card: 'optional', label: 'share', comment: 'The size of the stake (a percentage, an amount).' },
  },
});

/** Every class, abstract and embedded ones included, in the order the ontology lists them. */
export const CLASSES = [
  Item, SourceDocument, TextSpan, TextQuoteSelector, TextPositionSelector, TimeExpression,
  Agent, Person, Organization, Government, Ministry, ArmedForce, IntelligenceService, ArmedGroup, MilitaryContractor,
  Group, Office, Place, Region, Desert, Country,
  ReportedItem, Event, Talks, Offer, Attack, DiplomaticRupture, Coup, Expulsion, SecurityCooperation, RelationsChange,
  Claim, Proposition, Quantity, MonetaryAmount, Condition, Correction, Stake,
] as const satisfies readonly ClassDecl[];

/** The classes an entity can be an instance of (neither abstract nor embedded). */
export const ENTITY_CLASSES = [
  SourceDocument, TextSpan, TimeExpression, Person, Organization, Government, Ministry, ArmedForce, IntelligenceService,
  ArmedGroup, MilitaryContractor, Group, Office, Place, Region, Desert, Country,
  Event, Talks, Offer, Attack, DiplomaticRupture, Coup, Expulsion, SecurityCooperation, RelationsChange, Claim, Proposition,
  Quantity, MonetaryAmount, Condition, Correction, Stake,
] as const;

/** Any entity of the model. */
export type Entity = EntityUnion<typeof ENTITY_CLASSES>;
/** The entity type of one class, by name: `EntityOfType<'Person'>`. */
export type EntityOfType<N extends Entity['type']> = Extract<Entity, { type: N }>;

/** The declaration of each class by name. */
export const CLASS_BY_NAME: ReadonlyMap<string, ClassDecl> = new Map(CLASSES.map((c) => [c.name, c]));
