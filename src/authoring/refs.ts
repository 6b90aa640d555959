// Typed references and the authoring field types, inferred from the class declarations: a wrong-class reference does not compile.
import type { ENTITY_CLASSES } from '../model/classes.js';
import type { AllProps, LangString, ScalarValue } from '../model/schema.js';

/** The declarations of the classes an entity can have. */
export type EntityClass = (typeof ENTITY_CLASSES)[number];
/** The name of a class an entity can have (`'Person'`, `'Claim'` …). */
export type EntityClassName = EntityClass['name'];
/** The declaration of one entity class, by name. */
export type DeclOf<N extends EntityClassName> = Extract<EntityClass, { readonly name: N }>;

/** The names of a class and of all its superclasses of ours (parent chain and `alsoSubClassOf`). */
export type NamesOf<C> = C extends { readonly name: infer N extends string }
  ? N
    | (C extends { readonly parent: infer P } ? NamesOf<P> : never)
    | (C extends { readonly alsoSubClassOf: readonly (infer A)[] } ? NamesOf<A> : never)
  : never;

declare const CLASSES_OF: unique symbol;

/**
 * The id of an entity, branded with the names of its class and superclasses: `Ref<'Agent'>` accepts the reference of
 * a person (whose brand also holds `Agent`) but not that of a time expression. It is a string at run time.
 */
export type Ref<N extends string> = string & { readonly [CLASSES_OF]: { readonly [K in N]: true } };

/** The reference an entity of class `N` gets from its constructor. */
export type RefTo<N extends EntityClassName> = Ref<NamesOf<DeclOf<N>>>;

/** Properties a class requires beyond their cardinality (`requires`, inherited from superclasses). */
type RequiresOf<C> =
  | (C extends { readonly requires: readonly (infer K)[] } ? K : never)
  | (C extends { readonly parent: infer P } ? RequiresOf<P> : never);

/** The value an author writes for one property: references are typed, language-tagged strings may be plain strings. */
type AuthorValue<P> =
  P extends { readonly kind: 'ref'; readonly range: infer R extends string } ? Ref<R>
  : P extends { readonly kind: 'langString' } ? string | LangString
  : ScalarValue<P>;

type AuthorField<P> = P extends { readonly card: 'many' | 'some' }
  ? (P extends { readonly kind: 'langString' } ? string | readonly (string | LangString)[] : readonly AuthorValue<P>[])
  : AuthorValue<P>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** Properties the kit fills in when the author leaves them out (a class's `defaults`, e.g. the event kind of a Talks). */
type DefaultedOf<C> = C extends { readonly defaults: infer D } ? keyof D : never;
type RequiredKeysOf<C> = {
  [K in keyof AllProps<C>]: K extends DefaultedOf<C> ? never
    : AllProps<C>[K] extends { readonly card: 'one' | 'some' } ? K : K extends RequiresOf<C> ? K : never
}[keyof AllProps<C>];

/** A list that must hold at least one value: `[]` does not compile where the checks require a value. */
type NonEmpty<T> = readonly [T, ...T[]];

/** A required field: many-valued ones must be non-empty lists. */
type RequiredField<P> = P extends { readonly card: 'many' | 'some' }
  ? (P extends { readonly kind: 'langString' } ? string | NonEmpty<string | LangString> : NonEmpty<AuthorValue<P>>)
  : AuthorValue<P>;

/**
 * What an author writes for an entity of class `C`: every property of the class, required exactly where the checks
 * require it (cardinality one/some, or listed in `requires`) unless the kit fills it in (`defaults`), plus an optional
 * `slug` (default: from the first label).
 */
export type AuthorFields<C> = Simplify<
  { readonly [K in RequiredKeysOf<C>]: RequiredField<AllProps<C>[K]> } &
  { readonly [K in Exclude<keyof AllProps<C>, RequiredKeysOf<C>>]?: AuthorField<AllProps<C>[K]> } &
  { readonly slug?: string }
>;

/** A per-class constructor: takes the author's fields, records the entity and returns its typed reference. */
export type Constructor<N extends EntityClassName> = (fields: AuthorFields<DeclOf<N>>) => RefTo<N>;

/** Constructors for a set of classes, named after the class with a lower-case first letter (`person`, `armedForce`). */
export type Constructors<N extends EntityClassName> = { readonly [K in N as Uncapitalize<K>]: Constructor<K> };
