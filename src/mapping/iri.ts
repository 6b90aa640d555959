// Mints every IRI of the data in one place, from a configurable base IRI, and reads ids back from IRIs.
import { iriProblem } from './lexical.js';
import { CLASSES } from '../model/classes.js';
import { conceptIri, type ClassDecl } from '../model/schema.js';
import { CONCEPT_NS, STANDARD_PREFIXES } from '../model/vocab.js';

/**
 * An entity id: `<class id prefix>/<slug>` for shared entities, `<class id prefix>/<article>/<slug>` for what an article
 * owns (its spans, times, events, claims); lower-case letters, digits and hyphens.
 */
export const ID_PATTERN = /^[a-z][a-z0-9-]*(?:\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?){1,2}$/;

/**
 * Returns a description of what is wrong with a base IRI (naming the option, --base), or undefined when it can be used: an absolute IRI (RFC 3987,
 * naming the part that fails), ending with "/" and without "#", whose scheme is not the name of a prefix the data
 * files declare (`kg:x/` would make `<kg:x/person/a>` read as the compact IRI kg:x/person/a in JSON-LD, which the
 * jsonld library refuses as "confused with prefix" or "cyclical context"); a scheme followed by "//" (an authority)
 * cannot be confused with a compact IRI, so it is fine (JSON-LD 1.1 §4.1.2 / IRI expansion).
 */
export function checkBase(base: string): string | undefined {
  const problem = iriProblem(base);
  if (problem) return `base IRI ${JSON.stringify(base)} (--base) is not a valid absolute IRI (RFC 3987): ${problem.part}: ${problem.message}`;
  if (!base.endsWith('/') || base.includes('#')) return `base IRI ${JSON.stringify(base)} (--base) must end with "/" and have no "#" (entities' own nodes use "#")`;
  const scheme = base.slice(0, base.indexOf(':')).toLowerCase();
  if (!base.startsWith('//', scheme.length + 1) && contextPrefixNames().has(scheme)) {
    return `base IRI ${JSON.stringify(base)} (--base): scheme: "${scheme}" is also the name of the prefix "${scheme}:" of the JSON-LD context, so JSON-LD would read "${base}…" as a compact IRI; choose another --base (another scheme, or "${scheme}://" with an authority)`;
  }
  return undefined;
}

/** The value sets' schemes, in declaration order (each once). */
function valueSetSchemes(): string[] {
  return [...new Set((CLASSES as readonly ClassDecl[]).flatMap((c) => Object.values(c.props).flatMap((p) => (p.kind === 'enum' ? [p.scheme] : []))))];
}

/** Every prefix the data files declare under a base, as the JSON-LD context lists them: the standard ones, one per value set, one per id prefix. */
export function contextPrefixes(base: string): Array<readonly [string, string]> {
  return [...STANDARD_PREFIXES, ...conceptPrefixes(valueSetSchemes()), ...dataPrefixes(base, CLASSES)];
}

let PREFIX_NAMES: ReadonlySet<string> | undefined;

/** The names of those prefixes (they do not depend on the base), computed once. */
function contextPrefixNames(): ReadonlySet<string> {
  return (PREFIX_NAMES ??= new Set(contextPrefixes('x:').map(([p]) => p.toLowerCase())));
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
