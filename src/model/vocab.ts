// Namespaces of the standard vocabularies we reuse and of our own ontology, as typed term builders.

/** Builds a namespace whose listed local names are the only ones it allows (a misspelt term is a compile error). */
function namespace<const T extends readonly string[]>(base: string, terms: T): { readonly [K in T[number]]: string } & { readonly ns: string } {
  const out: Record<string, string> = { ns: base };
  for (const t of terms) out[t] = base + t;
  return out as { readonly [K in T[number]]: string } & { readonly ns: string };
}

export const RDF = namespace('http://www.w3.org/1999/02/22-rdf-syntax-ns#', [
  'type', 'langString', 'Statement', 'subject', 'predicate', 'object', 'Property',
] as const);
export const RDFS = namespace('http://www.w3.org/2000/01/rdf-schema#', [
  'label', 'comment', 'domain', 'range', 'subClassOf', 'subPropertyOf', 'Class', 'Literal', 'Resource', 'seeAlso', 'isDefinedBy',
] as const);
export const OWL = namespace('http://www.w3.org/2002/07/owl#', [
  'Ontology', 'Class', 'ObjectProperty', 'DatatypeProperty', 'equivalentClass', 'equivalentProperty', 'inverseOf',
  'versionIRI', 'versionInfo', 'FunctionalProperty', 'Thing', 'imports', 'unionOf', 'sameAs',
] as const);
export const XSD = namespace('http://www.w3.org/2001/XMLSchema#', [
  'string', 'date', 'gYearMonth', 'gYear', 'integer', 'nonNegativeInteger', 'boolean', 'anyURI', 'dateTime', 'decimal', 'duration',
] as const);
export const PROV = namespace('http://www.w3.org/ns/prov#', [
  'Entity', 'Activity', 'Agent', 'Location', 'wasDerivedFrom', 'wasAttributedTo', 'wasQuotedFrom', 'atLocation',
  'wasAssociatedWith', 'generatedAtTime', 'value', 'Person', 'Organization', 'atTime', 'qualifiedAssociation',
  'wasGeneratedBy', 'SoftwareAgent', 'wasInfluencedBy',
] as const);
export const ORG = namespace('http://www.w3.org/ns/org#', [
  'Organization', 'FormalOrganization', 'OrganizationalUnit', 'Post', 'holds', 'heldBy', 'postIn', 'subOrganizationOf',
  'hasMember', 'memberOf', 'Role', 'role',
] as const);
export const TIME = namespace('http://www.w3.org/2006/time#', [
  'TemporalEntity', 'Instant', 'Interval', 'ProperInterval', 'inXSDDate', 'inXSDgYearMonth', 'inXSDgYear', 'before', 'after', 'hasTime',
  'hasBeginning', 'hasEnd', 'hasXSDDuration', 'unitType', 'unitDay', 'unitWeek', 'unitMonth', 'unitYear',
] as const);
export const SCHEMA = namespace('https://schema.org/', [
  'NewsArticle', 'CreativeWork', 'Person', 'Organization', 'GovernmentOrganization', 'Country', 'Place', 'Event',
  'Claim', 'name', 'datePublished', 'text', 'about', 'author', 'location', 'containedInPlace', 'member', 'sameAs',
  'description', 'startDate', 'Quotation', 'MilitaryForce', 'Role', 'encodingFormat', 'inLanguage', 'participant',
  'alternateName', 'identifier', 'AdministrativeArea', 'Landform', 'QuantitativeValue', 'MonetaryAmount', 'value', 'minValue',
  'maxValue', 'unitCode', 'unitText', 'currency', 'valueReference', 'eventStatus', 'EventScheduled', 'EventCancelled',
  'EventPostponed', 'correction', 'CorrectionComment', 'Comment', 'agent', 'object', 'duration', 'startTime', 'endTime',
] as const);
export const OA = namespace('http://www.w3.org/ns/oa#', [
  'SpecificResource', 'TextQuoteSelector', 'TextPositionSelector', 'hasSource', 'hasSelector', 'exact', 'prefix',
  'suffix', 'start', 'end', 'Selector',
] as const);
export const SKOS = namespace('http://www.w3.org/2004/02/skos/core#', [
  'Concept', 'ConceptScheme', 'prefLabel', 'altLabel', 'definition', 'inScheme', 'hasTopConcept', 'topConceptOf',
  'exactMatch', 'closeMatch', 'note', 'editorialNote', 'notation', 'broader',
] as const);
export const DCT = namespace('http://purl.org/dc/terms/', [
  'title', 'description', 'license', 'creator', 'created', 'modified', 'issued', 'source', 'language', 'date',
  'subject', 'isPartOf', 'hasPart', 'bibliographicCitation', 'format', 'identifier', 'type',
] as const);
export const FOAF = namespace('http://xmlns.com/foaf/0.1/', ['Person', 'Agent', 'Organization', 'Document', 'name', 'Group', 'member'] as const);
export const SH = namespace('http://www.w3.org/ns/shacl#', [
  'NodeShape', 'PropertyShape', 'targetClass', 'property', 'path', 'datatype', 'class', 'node', 'nodeKind', 'IRI',
  'minCount', 'maxCount', 'pattern', 'in', 'uniqueLang', 'closed', 'ignoredProperties', 'name', 'description',
  'inversePath', 'lessThanOrEquals', 'qualifiedValueShape', 'qualifiedMinCount', 'qualifiedMaxCount',
  'qualifiedValueShapesDisjoint', 'message', 'order', 'Literal',
] as const);
export const WD = namespace('http://www.wikidata.org/entity/', [] as const);

/** Our ontology's namespace (classes and properties): fixed, unlike the data's base IRI. */
export const KG_NS = 'https://w3id.org/news-kg/ontology#';
/** The ontology document's IRI. */
export const ONTOLOGY_IRI = 'https://w3id.org/news-kg/ontology';
/** The namespace of our SKOS concept schemes (value sets such as claim kinds). */
export const CONCEPT_NS = 'https://w3id.org/news-kg/concept/';
/** The namespace of the generated SHACL shapes. */
export const SHAPES_NS = 'https://w3id.org/news-kg/shapes#';
/** The default base IRI of the data (entities); `kg export --base` overrides it. */
export const DEFAULT_BASE = 'https://w3id.org/news-kg/id/';

/** Prefixes written in every Turtle file, in this order. */
export const STANDARD_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['kg', KG_NS],
  ['rdf', RDF.ns], ['rdfs', RDFS.ns], ['owl', OWL.ns], ['xsd', XSD.ns],
  ['prov', PROV.ns], ['org', ORG.ns], ['time', TIME.ns], ['schema', SCHEMA.ns], ['oa', OA.ns],
  ['skos', SKOS.ns], ['dct', DCT.ns], ['foaf', FOAF.ns], ['wd', WD.ns],
];

/** Prefixes of the shapes file, after the standard ones. */
export const SHAPE_PREFIXES: ReadonlyArray<readonly [string, string]> = [['sh', SH.ns], ['kgsh', SHAPES_NS]];
