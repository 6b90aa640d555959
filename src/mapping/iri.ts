// Mints every IRI of the data in one place, from a configurable base IRI, and reads ids back from IRIs.
import { isValidIri } from './literals.js';
import { conceptIri, type ClassDecl } from '../model/schema.js';
import { CONCEPT_NS } from '../model/vocab.js';

/**
 * An entity id: `<class id prefix>/<slug>` for shared entities, `<class id prefix>/<article>/<slug>` for what an article
 * owns (its spans, times, events, claims); lower-case letters, digits and hyphens.
 */
export const ID_PATTERN = /^[a-z][a-z0-9-]*(?:\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?){1,2}$/;

/** Returns a description of what is wrong with a base IRI, or undefined when it can be used. */
export function checkBase(base: string): string | undefined {
  if (!isValidIri(base)) return `base IRI ${JSON.stringify(base)} is not a valid absolute IRI`;
  if (!base.endsWith('/') || base.includes('#')) return `base IRI ${JSON.stringify(base)} must end with "/" and have no "#" (entities' own nodes use "#")`;
  return undefined;
}

/** Returns a description of what is wrong with an entity id for a class, or undefined. */
export function checkId(id: unknown, decl: ClassDecl): string | undefined {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    return `id ${JSON.stringify(id)} is not of the form "<prefix>/<slug>" or "<prefix>/<article>/<slug>" (lower-case letters, digits, hyphens)`;
  }
  if (decl.idPrefix && !id.startsWith(`${decl.idPrefix}/`)) return `id ${JSON.stringify(id)} of a ${decl.name} must start with "${decl.idPrefix}/"`;
  return undefined;
}

/** The IRI of an entity. */
export function entityIri(base: string, id: string): string {
  return base + id;
}

/** The IRI of a node embedded in an entity (e.g. a selector of a text span). */
export function embeddedIri(parentIri: string, fragment: string): string {
  return `${parentIri}#${fragment}`;
}

/** The id of the entity an IRI names, or undefined when the IRI is not an entity IRI under this base. */
export function idFromIri(base: string, iri: string): string | undefined {
  if (!iri.startsWith(base)) return undefined;
  const id = iri.slice(base.length);
  return ID_PATTERN.test(id) ? id : undefined;
}

/** The IRI of a member of a value set. */
export function enumIri(scheme: string, key: string): string {
  return conceptIri(CONCEPT_NS, scheme, key);
}

/** The Turtle prefixes of the data under a base: one per id prefix (`person:` for `<base>person/`). */
export function dataPrefixes(base: string, classes: readonly ClassDecl[]): Array<[string, string]> {
  const names = [...new Set(classes.flatMap((c) => (c.idPrefix ? [c.idPrefix] : [])))].sort();
  return names.map((n) => [n, `${base}${n}/`]);
}

/** The Turtle prefixes of the value sets: one per scheme (`claim-kind:`). */
export function conceptPrefixes(schemes: readonly string[]): Array<[string, string]> {
  return [...new Set(schemes)].sort().map((s) => [s, `${CONCEPT_NS}${s}/`]);
}
