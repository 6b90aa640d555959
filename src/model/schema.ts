// The declaration language: one plain object per class gives its TypeScript type, RDF mapping, OWL terms and (later) SHACL shape.

/** How many values a property takes: exactly one, zero or one, zero or more, one or more. */
export type Card = 'one' | 'optional' | 'many' | 'some';

/** A language-tagged string (rdf:langString); the tag is a lower-case BCP 47 tag. */
export interface LangString { readonly value: string; readonly lang: string }

/** One member of an enumeration: its SKOS concept's label and definition, and optional alignments. */
export interface EnumValue {
  readonly label: string;
  readonly comment: string;
  /** A code of a standard scheme (skos:notation), e.g. a CAMEO event code or a FactBank factuality value. */
  readonly notation?: string;
  /** Concepts of standard vocabularies this one means exactly (skos:exactMatch), e.g. schema:EventCancelled. */
  readonly exactMatch?: readonly string[];
  /** Concepts of standard vocabularies this one is close to (skos:closeMatch). */
  readonly closeMatch?: readonly string[];
}

/** The members of an enumeration: key to its SKOS concept. */
export type EnumValues = Readonly<Record<string, EnumValue>>;

interface PropCommon {
  /** The predicate IRI. */
  readonly iri: string;
  readonly card: Card;
  /** rdfs:label of the property (ours) or a short description (external). */
  readonly label: string;
  readonly comment: string;
  /** Standard properties this one refines (rdfs:subPropertyOf). */
  readonly subPropertyOf?: readonly string[];
  readonly equivalentProperty?: readonly string[];
  /** A property of ours that this one is the inverse of (owl:inverseOf), e.g. org:heldBy for holds. */
  readonly inverseOf?: string;
  /** A regular expression that every lexical value must match (sh:pattern). */
  readonly pattern?: string;
  /** No two values may share a language tag (sh:uniqueLang). */
  readonly uniqueLang?: boolean;
  /** The key of a sibling property whose value this one's may not exceed (sh:lessThanOrEquals). */
  readonly lessThanOrEquals?: string;
}

export type ScalarKind =
  | 'string' | 'langString' | 'date' | 'gYearMonth' | 'gYear' | 'integer' | 'nonNegativeInteger' | 'decimal' | 'duration' | 'boolean' | 'iri';

/** A literal or external-IRI valued property. */
export interface ScalarProp extends PropCommon { readonly kind: ScalarKind }
/** A reference to another entity of the dataset, by id; `range` names the class it must be an instance of. */
export interface RefProp extends PropCommon { readonly kind: 'ref'; readonly range: string }
/** A value from a fixed set, each member a SKOS concept of the named scheme. */
export interface EnumProp extends PropCommon { readonly kind: 'enum'; readonly scheme: string; readonly values: EnumValues }
/** A nested node with its own class, given the IRI `<parent>#<fragment>` (never a blank node). */
export interface EmbeddedProp extends PropCommon { readonly kind: 'embedded'; readonly cls: ClassDecl; readonly fragment: string }

export type PropDecl = ScalarProp | RefProp | EnumProp | EmbeddedProp;

/** One class of the model. */
export interface ClassDecl {
  /** The TypeScript discriminator and the local name of the class IRI. */
  readonly name: string;
  readonly iri: string;
  readonly label: string;
  readonly comment: string;
  /** The path segment of entity ids of this class: ids look like `<idPrefix>/<slug>`. Absent on abstract and embedded classes. */
  readonly idPrefix?: string;
  /** Abstract classes are declared for their properties and ontology terms; no entity has one as its type. */
  readonly abstract?: boolean;
  /** Embedded classes describe nested nodes only (see EmbeddedProp). */
  readonly embedded?: boolean;
  /** The declared class this one specialises; its properties are inherited. */
  readonly parent?: ClassDecl;
  /** Standard classes this one refines (rdfs:subClassOf). */
  readonly subClassOf?: readonly string[];
  readonly equivalentClass?: readonly string[];
  /** Further declared superclasses of ours (multiple inheritance of terms, not of properties). */
  readonly alsoSubClassOf?: readonly ClassDecl[];
  readonly props: Readonly<Record<string, PropDecl>>;
  /** Inherited properties that this class (and its subclasses) requires: `many` becomes `some`, `optional` becomes `one`. */
  readonly requires?: readonly string[];
  /** A property (of another class) through which every instance must be referenced at least once. */
  readonly referencedBy?: { readonly cls: string; readonly prop: string };
  /** Values the authoring kit fills in when the author gives none (e.g. the event kind of a Talks). */
  readonly defaults?: Readonly<Record<string, unknown>>;
}

/** Declares a class; the `const` type parameter keeps every literal so that types can be inferred from it. */
export function defineClass<const C extends ClassDecl>(decl: C): C {
  return decl;
}

/** Declares an enumeration property's value set once so several properties can share it. */
export function defineEnum<const V extends EnumValues>(scheme: string, values: V): { readonly scheme: string; readonly values: V } {
  return { scheme, values };
}

// ---- Types inferred from declarations -------------------------------------------------------------

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** All properties of a class, its own and inherited. */
export type AllProps<C> = C extends { readonly props: infer P; readonly parent: infer Par }
  ? P & AllProps<Par>
  : C extends { readonly props: infer P } ? P : unknown;

/** The TypeScript value of one property value. */
export type ScalarValue<P> =
  P extends { readonly kind: 'langString' } ? LangString
  : P extends { readonly kind: 'integer' | 'nonNegativeInteger' } ? number
  : P extends { readonly kind: 'boolean' } ? boolean
  : P extends { readonly kind: 'enum'; readonly values: infer V } ? keyof V & string
  : P extends { readonly kind: 'embedded'; readonly cls: infer C } ? Fields<C>
  : string;

type FieldValue<P> = P extends { readonly card: 'many' | 'some' } ? readonly ScalarValue<P>[] : ScalarValue<P>;
type RequiredKeys<Ps> = { [K in keyof Ps]: Ps[K] extends { readonly card: 'one' | 'some' } ? K : never }[keyof Ps];
type OptionalKeys<Ps> = Exclude<keyof Ps, RequiredKeys<Ps>>;

/** The property fields of a class (without type and id). */
export type Fields<C> = Simplify<
  { readonly [K in RequiredKeys<AllProps<C>>]: FieldValue<AllProps<C>[K]> } &
  { readonly [K in OptionalKeys<AllProps<C>>]?: FieldValue<AllProps<C>[K]> }
>;

/** An entity of a (concrete) class: its discriminator, its id and its fields. */
export type EntityOf<C extends ClassDecl> = Simplify<{ readonly type: C['name']; readonly id: string } & Fields<C>>;

/** The union of the entity types of a tuple of class declarations. */
export type EntityUnion<Cs extends readonly ClassDecl[]> = { [I in keyof Cs]: Cs[I] extends ClassDecl ? EntityOf<Cs[I]> : never }[number];

export type { UnionToIntersection };

// ---- Runtime helpers over declarations ----------------------------------------------------------------

/** The properties of a class in declaration order, inherited ones first, each with its TypeScript key and the class declaring it (computed once per class). */
export function propertiesOf(decl: ClassDecl): ReadonlyArray<{ key: string; prop: PropDecl; owner: ClassDecl }> {
  let cached = PROPERTIES.get(decl);
  if (!cached) PROPERTIES.set(decl, (cached = computeProperties(decl)));
  return cached;
}

const PROPERTIES = new WeakMap<ClassDecl, ReadonlyArray<{ key: string; prop: PropDecl; owner: ClassDecl }>>();

function computeProperties(decl: ClassDecl): Array<{ key: string; prop: PropDecl; owner: ClassDecl }> {
  const chain: ClassDecl[] = [];
  for (let c: ClassDecl | undefined = decl; c; c = c.parent) chain.unshift(c);
  const required = new Set(chain.flatMap((c) => c.requires ?? []));
  return chain.flatMap((c) => Object.entries(c.props).map(([key, prop]) => {
    if (!required.has(key) || isRequired(prop)) return { key, prop, owner: c };
    return { key, prop: { ...prop, card: prop.card === 'many' ? 'some' : 'one' } as PropDecl, owner: c };
  }));
}

/** Whether a property takes several values (many or some). */
export function isMany(prop: PropDecl): boolean {
  return prop.card === 'many' || prop.card === 'some';
}

/** Whether a property must have at least one value (one or some). */
export function isRequired(prop: PropDecl): boolean {
  return prop.card === 'one' || prop.card === 'some';
}

/** The IRI of one member of an enumeration: `<concept ns><scheme>/<key>`. */
export function conceptIri(conceptNs: string, scheme: string, key: string): string {
  return `${conceptNs}${scheme}/${key}`;
}

/** The superclasses (ours) of a class, nearest first (computed once per class). */
export function ancestorsOf(decl: ClassDecl): readonly ClassDecl[] {
  let cached = ANCESTORS.get(decl);
  if (!cached) ANCESTORS.set(decl, (cached = computeAncestors(decl)));
  return cached;
}

const ANCESTORS = new WeakMap<ClassDecl, readonly ClassDecl[]>();

function computeAncestors(decl: ClassDecl): ClassDecl[] {
  const out: ClassDecl[] = [];
  const visit = (c: ClassDecl): void => {
    for (const s of [c.parent, ...(c.alsoSubClassOf ?? [])]) {
      if (s && !out.includes(s)) { out.push(s); visit(s); }
    }
  };
  visit(decl);
  return out;
}
